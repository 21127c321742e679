/** Zod schemas of the content collections (what the loader stores and the pages read). */
import { z } from 'astro/zod';

const weightedTerm = z.object({
  term: z.string().describe('Term id'),
  weight: z.number().describe('Relevance weight of the term here (higher is more relevant)'),
});

const mapSchema = z
  .object({
    nodes: z
      .array(
        z.object({
          term: z.string().describe('Term id'),
          label: z.string().describe('Display label of the term'),
          weight: z.number().describe('Number of papers that use the term'),
          x: z.number().describe('Layout x coordinate in the viewBox'),
          y: z.number().describe('Layout y coordinate in the viewBox'),
          cluster: z.number().int().describe('Sub-cluster index (or topic index on the corpus map)'),
        }),
      )
      .describe('Terms of the map'),
    links: z
      .array(
        z.object({
          source: z.string().describe('Term id'),
          target: z.string().describe('Term id'),
          strength: z.number().describe('Association strength (1 = as often as chance predicts)'),
          count: z.number().int().describe('Papers in which both terms occur'),
        }),
      )
      .describe('Co-occurrence links kept for the picture'),
    width: z.number().describe('ViewBox width'),
    height: z.number().describe('ViewBox height'),
  })
  .describe('A laid-out term co-occurrence map');

/** A distinct paper with its analysis. */
export const paperSchema = z.object({
  slug: z.string().describe('Readable, stable URL slug derived from the title'),
  key: z.string().describe('Normalized title used to merge the same paper across digests'),
  title: z.string().describe('Title as written in the digest (LaTeX leftovers kept)'),
  abstract: z.string().describe('Abstract as written in the digest'),
  appearances: z
    .array(
      z.object({
        digest: z.string().describe('Digest id'),
        position: z.number().int().describe('1-based position in that listing'),
      }),
    )
    .describe('Every listing the paper appeared in, in arrival order'),
  topic: z.string().describe('Id of the topic the paper belongs to'),
  terms: z
    .array(
      z.object({
        term: z.string().describe('Term id'),
        label: z
          .string()
          .optional()
          .describe("Display label, kept only for a term without a page of its own whose label is not its id (a term with a page shows its page's label)"),
      }),
    )
    .describe('Key terms of the paper, best first (their BM25 weights, which no page shows, stay in the analysis)'),
  related: z
    .array(
      z.object({
        id: z.string().describe('Related paper id'),
        shared: z.array(z.string()).describe('Ids of the key terms both papers use, most informative first'),
      }),
    )
    .describe('Most related papers, best first (their similarity scores, which no page shows, stay in the analysis)'),
});

/** One digest file. */
export const digestSchema = z.object({
  file: z.string().describe('File name in the digest folder'),
  date: z.string().nullable().describe('Date label as written in the listing (e.g. "Mar 14"); null when missing'),
  name: z.string().describe('Display name: the date label, with the arrival number ("Mar 14 (#370)") where labels repeat, "Undated (#3)" without one'),
  order: z.number().int().describe('0-based arrival order (file names sort in arrival order)'),
  papers: z.array(z.string()).describe('Paper ids in listing order'),
  newPapers: z.array(z.string()).describe('Ids of the papers first seen in this digest'),
  grownTopics: z
    .array(z.object({ topic: z.string().describe('Topic id'), added: z.number().int().describe('New papers it gained') }))
    .describe('Topics that gained papers with this digest, most gained first'),
  newTerms: z.array(z.string()).describe('Ids of the key terms first seen in this digest'),
});

/** One topic cluster. */
export const topicSchema = z.object({
  slug: z.string().describe('URL slug from the label'),
  label: z.string().describe('2–3 distinct key terms joined by " · "'),
  terms: z.array(weightedTerm).describe('Top terms with class-based TF-IDF weights'),
  papers: z.array(z.string()).describe('Paper ids, most central first'),
  nearest: z.array(z.string()).describe('Ids of the nearest topics, nearest first'),
  map: mapSchema,
});

/** One key term with a page (used by at least two papers). */
export const termSchema = z.object({
  slug: z.string().describe('URL slug'),
  label: z.string().describe('Display form (most common casing), or the acronym where papers mostly write only that'),
  acronym: z.string().optional().describe('Acronym joined with the term'),
  longForm: z.string().optional().describe('The written-out form, when the label is the acronym'),
  papers: z.array(z.string()).describe('Ids of the papers that use the term'),
  score: z.number().describe('Corpus-level relevance of the term'),
  cooccurring: z
    .array(z.object({ term: z.string().describe('Term id'), count: z.number().int().describe('Shared papers') }))
    .describe('Terms used most often in the same papers'),
});

/** Corpus-wide facts: counts, problems found in the digests, the corpus map. */
export const corpusSchema = z.object({
  digests: z.number().int().describe('Digest files read'),
  pairs: z.number().int().describe('Title/abstract pairs read'),
  papers: z.number().int().describe('Distinct papers'),
  duplicates: z.number().int().describe('Pairs merged into an earlier paper'),
  problems: z
    .array(z.object({ file: z.string(), line: z.number().int(), message: z.string() }))
    .describe('Problems found in the digest files'),
  map: mapSchema.extend({
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
  }),
  areas: z
    .array(
      z.object({
        id: z.string().describe('Stable area id (`a01`)'),
        slug: z.string().describe('URL slug from the label'),
        label: z.string().describe('2–3 distinct key terms joined by " · "'),
        topics: z.array(z.string()).describe('Ids of its topics, largest first'),
        size: z.number().int().describe('Papers in its topics'),
        terms: z.array(weightedTerm).describe('Top terms with class-based TF-IDF weights over areas'),
        central: z.array(z.string()).describe('Its most central paper ids, best first'),
        nearest: z.array(z.string()).describe('Ids of the nearest areas, nearest first'),
        map: mapSchema,
      }),
    )
    .describe('The areas (groups of topics), largest first'),
});
