/**
 * Plain data types shared by every stage of the analysis pipeline. The pipeline is pure: no Astro, no Node
 * I/O, no DOM. Everything here is JSON-serialisable.
 *
 * The shapes that the site stores and shows are described once, as zod schemas (each field with its
 * `.describe()`); their types are inferred from them, and the content collections' schemas
 * (`src/content/schemas.ts`) are built from the same schemas. Field order matters: the collections store
 * entries in their schema's field order.
 */
import { z } from 'zod';

/** A problem found in a digest file. */
export const problemSchema = z.object({
  file: z.string().describe('Digest file name'),
  line: z.number().int().describe('1-based line number (0 when it concerns the whole file)'),
  message: z.string().describe('What is wrong'),
});
/** A problem found in a digest file (the type of {@link problemSchema}). */
export type Problem = z.infer<typeof problemSchema>;

/** One title/abstract pair as it stands in a digest. */
export interface RawEntry {
  /** The title, whitespace-trimmed, as written (LaTeX leftovers kept). */
  title: string;
  /** The abstract, whitespace-trimmed, as written. */
  abstract: string;
  /** 1-based line number of the title in the file. */
  line: number;
  /** 1-based position of the pair in the listing. */
  position: number;
}

/** The result of parsing one digest file. */
export interface ParsedDigest {
  /** The file name without `.txt`, e.g. `000_28a33428ee26f5b1`. */
  id: string;
  /** The file name as given, e.g. `000_28a33428ee26f5b1.txt`. */
  file: string;
  /** The listing's date label as written (`Mar 14`), or null when the file has none. */
  date: string | null;
  /** The good pairs, in listing order. */
  entries: RawEntry[];
  /** Everything wrong with the file; good pairs are kept regardless. */
  problems: Problem[];
}

/** Where a paper was listed. */
export const appearanceSchema = z.object({
  digest: z.string().describe('Digest id'),
  position: z.number().int().describe('1-based position in that listing'),
});
/** Where a paper was listed (the type of {@link appearanceSchema}). */
export type Appearance = z.infer<typeof appearanceSchema>;

/** One distinct paper, merged across digests. */
export const paperSchema = z.object({
  id: z.string().describe('Stable short id derived from the normalized title (hex)'),
  slug: z.string().describe('Readable, stable URL slug derived from the title'),
  key: z.string().describe('Normalized title used to merge the same paper across digests'),
  title: z.string().describe('Title as written in the digest where first seen (LaTeX leftovers kept)'),
  abstract: z.string().describe('Abstract as written in the digest where first seen'),
  appearances: z.array(appearanceSchema).describe('Every listing the paper appeared in, in arrival order'),
});
/** One distinct paper, merged across digests (the type of {@link paperSchema}). */
export type Paper = z.infer<typeof paperSchema>;

/** Fields of a digest after merging; the site's digest shape (`AnalysedDigest`) adds what it brought. */
export const digestFields = {
  id: z.string().describe('Digest id: the file name without `.txt`'),
  file: z.string().describe('File name in the digest folder'),
  date: z.string().nullable().describe('Date label as written in the listing (e.g. "Mar 14"); null when missing'),
  order: z.number().int().describe('0-based arrival order (file names sort in arrival order)'),
  papers: z.array(z.string()).describe('Paper ids in listing order'),
};

/** One digest after merging: its papers as paper ids in listing order. */
export const digestInfoSchema = z.object(digestFields);
/** One digest after merging (the type of {@link digestInfoSchema}). */
export type DigestInfo = z.infer<typeof digestInfoSchema>;

/** The merged corpus: the input of the analysis stages. */
export interface Corpus {
  /** Distinct papers, sorted by id. */
  papers: Paper[];
  /** Digests in arrival order. */
  digests: DigestInfo[];
  /** Number of pairs that merged into an earlier paper. */
  duplicates: number;
  /** All problems of all files, in file then line order. */
  problems: Problem[];
}

/** A key term of the corpus (a noun phrase or an acronym joined with its expansion). */
export const termSchema = z.object({
  id: z.string().describe('Stable id: the normalized (singular, lower-case) phrase'),
  slug: z.string().describe('URL slug, unique among terms'),
  label: z.string().describe('Display form (most common casing), or the acronym where papers mostly write only that (`CLIP`)'),
  acronym: z.string().optional().describe('Acronym joined with the term (e.g. `MoE`)'),
  longForm: z.string().optional().describe('The written-out form, when the label is the acronym'),
  papers: z.array(z.string()).describe('Ids of the papers that use the term, sorted'),
  score: z.number().describe('Corpus-level relevance of the term (higher is more specific and informative)'),
});
/** A key term of the corpus (the type of {@link termSchema}). */
export type Term = z.infer<typeof termSchema>;

/** A weighted term of a paper or topic. */
export const weightedTermSchema = z.object({
  term: z.string().describe('Term id'),
  weight: z.number().describe('Relevance weight of the term here (higher is more relevant)'),
});
/** A weighted term of a paper or topic (the type of {@link weightedTermSchema}). */
export type WeightedTerm = z.infer<typeof weightedTermSchema>;

/** A related paper with the reason it is related. */
export const relatedPaperSchema = z.object({
  id: z.string().describe('Related paper id'),
  score: z.number().describe('Similarity score'),
  shared: z.array(z.string()).describe('Ids of the key terms both papers use, most informative first'),
});
/** A related paper with the reason it is related (the type of {@link relatedPaperSchema}). */
export type RelatedPaper = z.infer<typeof relatedPaperSchema>;

/** A node of a term co-occurrence map, with its layout position. */
export const mapNodeSchema = z.object({
  term: z.string().describe('Term id'),
  label: z.string().describe('Display label of the term'),
  weight: z.number().describe('Number of papers (of the topic or corpus) that use the term'),
  x: z.number().describe('Layout x coordinate in the viewBox'),
  y: z.number().describe('Layout y coordinate in the viewBox'),
  cluster: z.number().int().describe('Sub-cluster index (or topic index on the corpus map)'),
});
/** A node of a term map (the type of {@link mapNodeSchema}). */
export type MapNode = z.infer<typeof mapNodeSchema>;

/** A link of a term co-occurrence map. */
export const mapLinkSchema = z.object({
  source: z.string().describe('Term id'),
  target: z.string().describe('Term id'),
  strength: z.number().describe('Association strength: co-occurrences over what the two frequencies give by chance (1 = as often as chance predicts)'),
  count: z.number().int().describe('Papers in which both terms occur'),
});
/** A link of a term map (the type of {@link mapLinkSchema}). */
export type MapLink = z.infer<typeof mapLinkSchema>;

/** A laid-out term co-occurrence map. */
export const termMapSchema = z
  .object({
    nodes: z.array(mapNodeSchema).describe('Terms of the map'),
    links: z.array(mapLinkSchema).describe('Co-occurrence links kept for the picture'),
    width: z.number().describe('ViewBox width'),
    height: z.number().describe('ViewBox height'),
  })
  .describe('A laid-out term co-occurrence map');
/** A laid-out term map (the type of {@link termMapSchema}). */
export type TermMap = z.infer<typeof termMapSchema>;

/** A topic cluster. */
export const topicSchema = z.object({
  id: z.string().describe('Stable id (e.g. `t07`)'),
  slug: z.string().describe('URL slug from the label'),
  label: z.string().describe('2–3 distinct key terms joined by " · "'),
  terms: z.array(weightedTermSchema).describe('Top terms with class-based TF-IDF weights, best first'),
  papers: z.array(z.string()).describe('Paper ids, most central first'),
  nearest: z.array(z.string()).describe('Ids of the nearest topics, nearest first'),
});
/** A topic cluster (the type of {@link topicSchema}). */
export type Topic = z.infer<typeof topicSchema>;

/** Per-paper analysis results. */
export interface PaperAnalysis {
  /** Key terms of the paper, best first. */
  terms: WeightedTerm[];
  /** Topic id. */
  topic: string;
  /** Most related papers, best first. */
  related: RelatedPaper[];
}
