/**
 * The shapes of what the analysis gives the site (see `analyze.ts`), described once as zod schemas built from
 * the shared ones in `types.ts`; the content collections' schemas (`src/content/schemas.ts`) are these, less what
 * the collections do not store. Field order matters: the collections store entries in their schema's field order.
 */
import { z } from 'zod';
import type { ListState } from './carried-lists';
import type { CorpusMap } from './term-map';
import type { PaperLayout } from './paper-layout';
import type { AnalysedArea } from './area-stage';
import type { TopicRedirect, TopicState } from './topic-ids';
import {
  digestFields,
  problemSchema,
  termMapSchema,
  weightedTermSchema,
  termSchema,
  topicSchema,
  type Paper,
  type PaperAnalysis,
  type WeightedTerm,
} from './types';

/** A paper with everything its page shows. */
export interface AnalysedPaper extends Paper, Omit<PaperAnalysis, 'terms'> {
  /** Key terms, best first, each with its display label. */
  terms: (WeightedTerm & { label: string })[];
}

/** A digest with what it brought. */
export const analysedDigestSchema = z.object({
  id: digestFields.id,
  file: digestFields.file,
  date: digestFields.date,
  name: z
    .string()
    .describe('Display name: the date label, with the arrival number ("Mar 14 (#370)") where labels repeat, "Undated (#3)" without one'),
  order: digestFields.order,
  papers: digestFields.papers,
  newPapers: z.array(z.string()).describe('Ids of the papers first seen in this digest'),
  grownTopics: z
    .array(z.object({ topic: z.string().describe('Topic id'), added: z.number().int().describe('New papers it gained') }))
    .describe('Topics that gained papers with this digest, most gained first'),
  newTerms: z.array(z.string()).describe('Ids of the key terms first seen in this digest, best first'),
});
/** A digest with what it brought (the type of {@link analysedDigestSchema}). */
export type AnalysedDigest = z.infer<typeof analysedDigestSchema>;

/** A term with a page, and the terms most often used with it. */
export const analysedTermSchema = termSchema.extend({
  cooccurring: z
    .array(z.object({ term: z.string().describe('Term id'), count: z.number().int().describe('Shared papers') }))
    .describe('Terms used most often in the same papers'),
});
/** A term with a page and its co-occurring terms (the type of {@link analysedTermSchema}). */
export type AnalysedTerm = z.infer<typeof analysedTermSchema>;

/** A topic with its term map. */
export const analysedTopicSchema = topicSchema.extend({ map: termMapSchema });
/** A topic with its term map (the type of {@link analysedTopicSchema}). */
export type AnalysedTopic = z.infer<typeof analysedTopicSchema>;

/** The corpus map: a term map whose clusters are areas, plus where each area's label sits. */
export const corpusMapSchema = termMapSchema.extend({
  centres: z
    .array(
      z.object({
        topic: z.string().describe('Id of the area whose label this is (the corpus map is drawn by area)'),
        label: z.string().describe('Area label as drawn'),
        cluster: z.number().int().describe('The area index that its terms carry as `cluster`'),
        x: z.number().describe('Label x coordinate'),
        y: z.number().describe('Label y coordinate'),
      }),
    )
    .describe('Where each area label sits on the corpus map'),
});

/** An area: a group of topics, with its own labels, central papers, neighbours and term map. */
export const analysedAreaSchema = z.object({
  id: z.string().describe('Stable area id (`a01`)'),
  slug: z.string().describe('URL slug from the label'),
  label: z.string().describe('2–3 distinct key terms joined by " · "'),
  topics: z.array(z.string()).describe('Ids of its topics, largest first'),
  size: z.number().int().describe('Papers in its topics'),
  terms: z.array(weightedTermSchema).describe('Top terms with class-based TF-IDF weights over areas'),
  central: z.array(z.string()).describe('Its most central paper ids, best first'),
  nearest: z.array(z.string()).describe('Ids of the nearest areas, nearest first'),
  map: termMapSchema,
});

/** Corpus-wide facts and the corpus map. */
/** Every paper's place on the paper map, grouped by topic. */
export const paperMapSchema = z
  .object({
    papers: z.array(z.string()).describe('Paper ids, topic by topic (in `topics` order), most central first'),
    x: z.array(z.number()).describe('x of each paper, in `papers` order'),
    y: z.array(z.number()).describe('y of each paper, in `papers` order'),
    topics: z
      .array(
        z.object({
          topic: z.string().describe("Topic id ('' for papers in no topic)"),
          x: z.number().describe('Disc centre x'),
          y: z.number().describe('Disc centre y'),
          r: z.number().describe('Disc radius'),
          count: z.number().int().describe('Papers in the disc: the next `count` entries of `papers`'),
        }),
      )
      .describe('Topic discs, in the order their papers are listed'),
  })
  .describe('The paper map: where every paper sits');

export const corpusSummarySchema = z.object({
  digests: z.number().int().describe('Digest files read'),
  pairs: z.number().int().describe('Title/abstract pairs read'),
  papers: z.number().int().describe('Distinct papers'),
  duplicates: z.number().int().describe('Pairs merged into an earlier paper'),
  problems: z.array(problemSchema).describe('Problems found in the digest files, in file then line order'),
  map: corpusMapSchema,
  paperMap: paperMapSchema,
  areas: z.array(analysedAreaSchema).describe('The areas (groups of topics), largest first'),
});
/** Corpus-wide facts and the corpus map (the type of {@link corpusSummarySchema}). */
export type CorpusSummary = z.infer<typeof corpusSummarySchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** `term-map.ts` builds the corpus map: its type must be what the schema describes (fails to compile otherwise). */
export type CorpusMapChecked = Assert<Same<CorpusMap, z.infer<typeof corpusMapSchema>>>;
/** `area-stage.ts` builds the areas: their type must be what the schema describes. */
export type AreaChecked = Assert<Same<AnalysedArea, z.infer<typeof analysedAreaSchema>>>;
/** `paper-layout.ts` builds the paper map: its type must be what the schema describes. */
export type PaperMapChecked = Assert<Same<PaperLayout, z.infer<typeof paperMapSchema>>>;

/** Everything the site shows, as plain data. */
export interface SiteData {
  papers: AnalysedPaper[];
  digests: AnalysedDigest[];
  topics: AnalysedTopic[];
  terms: AnalysedTerm[];
  corpus: CorpusSummary;
  /** The topic-id memory to persist for the next build. */
  topicState: TopicState;
  /** The related papers and key terms shown per paper, for the next build to carry (carried-lists.ts). */
  listState: ListState;
  /** Old topic URLs that now answer with a redirect page. */
  redirects: TopicRedirect[];
}
