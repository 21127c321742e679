/**
 * Specificity of a term: how much more alike the papers using it are than two papers in general, measured on
 * their content-word vectors (the term's own words left out, so that a term does not make its papers alike by
 * itself). A generic term (`method`, `performance`) scores near 0; a term naming a field near 1.
 */
import { bump } from './counts';
import { compareText } from './order';
import { foldWord } from './phrases';
import { smoothIdf, sparseVector, sublinearTf, type SparseVector } from './vectors';

/** Lift over the background (coherence / background − 1) at which specificity is one half. */
const SATURATION = 0.5;

/** Pseudo-pairs at background similarity added to a term's pairs (shrinks the coherence of rare terms). */
const PRIOR_PAIRS = 2;

/** A term whose specificity is wanted: its group key, id (and acronym) and the indices of the papers using it. */
export interface SpecificityQuery {
  key: string;
  id: string;
  acronym?: string;
  papers: readonly number[];
}

/** How much the papers using a term are more alike than papers in general, saturating in [0, 1): 0 = no more alike (a generic term). */
export function specificityOf(coherence: number, background: number): number {
  const excess = background > 0 ? coherence / background - 1 : 0;
  return excess <= 0 ? 0 : excess / (excess + SATURATION);
}

/** The specificity of each term (by group key), given each paper's weighted content words (by paper index). */
export function termSpecificity(terms: readonly SpecificityQuery[], words: readonly Map<string, number>[]): Map<string, number> {
  const vectors = wordVectors(words);
  const scratch = new Float64Array(vectors.vocabulary.size);
  const background = meanPairwiseSimilarity(vectors.vectors, null, scratch);
  const specificity = new Map<string, number>();
  const marks = new Uint8Array(vectors.vocabulary.size);
  for (const d of terms) {
    const own = ownWords(d.id, d.acronym, vectors.vocabulary);
    for (const f of own) marks[f] = 1;
    const coherence = meanPairwiseSimilarity(d.papers.map((p) => vectors.vectors[p] as SparseVector), marks, scratch, background);
    for (const f of own) marks[f] = 0;
    specificity.set(d.key, specificityOf(coherence, background));
  }
  return specificity;
}

/** Tf-idf content-word vectors (sublinear tf, smoothed idf, L2-normalised) and their vocabulary. */
function wordVectors(bags: readonly Map<string, number>[]): { vectors: SparseVector[]; vocabulary: Map<string, number> } {
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of bag.keys()) bump(df, w);
  const vocabulary = new Map<string, number>();
  for (const w of [...df.keys()].sort(compareText)) vocabulary.set(w, vocabulary.size);
  const n = bags.length;
  const vectors = bags.map((bag) =>
    sparseVector([...bag].map(([w, tf]) => [vocabulary.get(w) as number, sublinearTf(tf) * smoothIdf(df.get(w) ?? 1, n)] as const)),
  );
  return { vectors, vocabulary };
}

/** Vocabulary indices of a term's own words (and their concatenations, as compounds are stored joined). */
function ownWords(id: string, acronym: string | undefined, vocabulary: ReadonlyMap<string, number>): Set<number> {
  const words = id.split(' ').map(foldWord);
  const own = new Set<number>();
  const add = (w: string): void => {
    const i = vocabulary.get(w);
    if (i !== undefined) own.add(i);
  };
  for (let a = 0; a < words.length; a += 1) {
    let joined = '';
    for (let z = a; z < words.length; z += 1) {
      joined += words[z];
      add(joined);
    }
  }
  if (acronym !== undefined) add(foldWord(acronym));
  return own;
}

/**
 * Mean cosine similarity over the pairs of the given (L2-normalised) vectors, features in
 * marked 1 in `exclude` left out, shrunk towards `prior` by PRIOR_PAIRS pseudo-pairs.
 * `scratch` is a zeroed array of the vocabulary size (left zeroed).
 */
function meanPairwiseSimilarity(
  vectors: readonly SparseVector[],
  exclude: Uint8Array | null,
  scratch: Float64Array,
  prior?: number,
): number {
  let self = 0;
  const touched: number[] = [];
  for (const v of vectors) {
    for (let k = 0; k < v.indices.length; k += 1) {
      const f = v.indices[k] as number;
      if (exclude !== null && exclude[f] === 1) continue;
      const x = v.values[k] as number;
      if (scratch[f] === 0) touched.push(f);
      scratch[f] = (scratch[f] as number) + x;
      self += x * x;
    }
  }
  let total = 0;
  for (const f of touched) {
    total += (scratch[f] as number) ** 2;
    scratch[f] = 0;
  }
  const m = vectors.length;
  const pairs = (m * (m - 1)) / 2;
  const pairSum = (total - self) / 2;
  if (prior === undefined) return pairs > 0 ? pairSum / pairs : 0;
  return (pairSum + PRIOR_PAIRS * prior) / (pairs + PRIOR_PAIRS);
}
