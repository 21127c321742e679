/**
 * Plain data types shared by every stage of the analysis pipeline.
 * The pipeline is pure: no Astro, no Node I/O, no DOM. Everything here is JSON-serialisable.
 */

/** A problem found in a digest file; `line` is 1-based (0 when it concerns the whole file). */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

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
export interface Appearance {
  /** Digest id. */
  digest: string;
  /** 1-based position in that digest's listing. */
  position: number;
}

/** One distinct paper, merged across digests. */
export interface Paper {
  /** Stable short id derived from the normalized title (hex). */
  id: string;
  /** Readable, unique, stable URL slug derived from the title. */
  slug: string;
  /** The normalized title used for merging. */
  key: string;
  /** Title as first seen. */
  title: string;
  /** Abstract as first seen. */
  abstract: string;
  /** Every listing the paper appeared in, in digest order. */
  appearances: Appearance[];
}

/** One digest after merging: its papers as paper ids in listing order. */
export interface DigestInfo {
  id: string;
  file: string;
  date: string | null;
  /** 0-based arrival order (file names sort in arrival order). */
  order: number;
  /** Paper ids in listing order. */
  papers: string[];
}

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
export interface Term {
  /** Stable id: the normalized (singular, lower-case) phrase. */
  id: string;
  /** URL slug, unique among terms. */
  slug: string;
  /** Display form: the most common casing / surface form, or the acronym where papers mostly use that alone (`CLIP`). */
  label: string;
  /** Acronym joined with this term, if any (e.g. `MoE`). */
  acronym?: string;
  /** The written-out form when the label is the acronym (`Contrastive Language-Image Pre-training`). */
  longForm?: string;
  /** Ids of the papers that use the term, sorted. */
  papers: string[];
  /** Corpus-level relevance score (higher is more specific/informative). */
  score: number;
}

/** A weighted term of a paper or topic. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A related paper with the reason it is related. */
export interface RelatedPaper {
  id: string;
  score: number;
  /** Ids of the key terms the two papers share, most informative first. */
  shared: string[];
}

/** A node of a term co-occurrence map, with its layout position. */
export interface MapNode {
  term: string;
  label: string;
  /** Number of papers (of the topic or corpus) that use the term. */
  weight: number;
  x: number;
  y: number;
  /** Sub-cluster (or topic index on the corpus map). */
  cluster: number;
}

/** A link of a term co-occurrence map. */
export interface MapLink {
  source: string;
  target: string;
  /** Association strength: co-occurrences over what the two frequencies give by chance. */
  strength: number;
  /** Raw number of papers where both terms occur. */
  count: number;
}

/** A laid-out term map. */
export interface TermMap {
  nodes: MapNode[];
  links: MapLink[];
  width: number;
  height: number;
}

/** A topic cluster. */
export interface Topic {
  /** Stable id (e.g. `t07`). */
  id: string;
  slug: string;
  /** 2–3 distinct key terms joined by " · ". */
  label: string;
  /** Top terms with c-TF-IDF weights, best first. */
  terms: WeightedTerm[];
  /** Paper ids, most central first. */
  papers: string[];
  /** Ids of the nearest topics, nearest first. */
  nearest: string[];
}

/** Per-paper analysis results. */
export interface PaperAnalysis {
  /** Key terms of the paper, best first. */
  terms: WeightedTerm[];
  /** Topic id. */
  topic: string;
  /** Most related papers, best first. */
  related: RelatedPaper[];
}
