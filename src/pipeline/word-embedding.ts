/**
 * Corpus-trained word vectors and paper embeddings from them: the positive pointwise mutual information (PPMI)
 * of features appearing in the same paper, against the corpus's most common features as contexts, reduced by a
 * truncated SVD; a paper is the weighted sum of its features' unit word vectors. Unlike the papers' LSA (an SVD
 * of the paper × feature matrix, where frequent features dominate), PPMI weighs each co-occurrence by how much
 * more often it happens than chance, so features that keep company share a direction even when rare.
 * Counting uses at most `maxPapers` evenly spaced papers and `contexts` context features, so its cost and memory
 * do not grow with the corpus beyond the paper embeddings themselves.
 */
import { normalizeRows, truncatedSvd, type CsrMatrix } from './lsa';
import type { DenseVectors } from './semantic';
import type { SparseVector } from './vectors';

/** Options of {@link wordEmbeddingVectors}. */
export interface WordEmbeddingOptions {
  /** Context features: the most common ones (default {@link EMBEDDING_CONTEXTS}). */
  contexts?: number;
  /** Most papers whose co-occurrences are counted, evenly spaced by index (default {@link EMBEDDING_MAX_PAPERS}). */
  maxPapers?: number;
  /** Dimensions of the word vectors (default {@link EMBEDDING_RANK}). */
  rank?: number;
  /** Exponent smoothing the context distribution (default 0.75, as word2vec's negative sampling). */
  contextPower?: number;
  /** Seed of the randomized SVD. */
  seed?: number;
}

/** Context features of the PPMI matrix: the most common carry most co-occurrences; more cost time and memory for little gain. */
export const EMBEDDING_CONTEXTS = 1000;
/** Most papers counted for the PPMI matrix: enough to see which features keep company, and a bound on its cost. */
export const EMBEDDING_MAX_PAPERS = 5000;
/** Dimensions of the word vectors: a few dozen themes, a cheap SVD and a cheap cosine per candidate pair. */
export const EMBEDDING_RANK = 32;

/** Power iterations of the word vectors' randomized SVD (the papers' LSA takes 3). */
export const EMBEDDING_SVD_ITERATIONS = 1;

/** The papers counted: all when at most `max`, else `max` evenly spaced indices (ascending). */
export function samplePapers(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

/**
 * The PPMI matrix (features × contexts, compressed rows): max(0, ln(P(f, c) / (P(f) · P_α(c)))), with P(f, c)
 * the share of counted papers using both, P(f) the share using f and P_α(c) ∝ df(c)^α over the contexts. Contexts
 * are the `contexts` features of the highest document frequency (ties: lower index), numbered by that rank; a
 * feature is not its own context.
 */
export function ppmiMatrix(vectors: readonly SparseVector[], contexts: number, maxPapers: number, contextPower = 0.75): CsrMatrix {
  let features = 0;
  for (const v of vectors) features = Math.max(features, (v.indices[v.indices.length - 1] ?? -1) + 1);
  const sample = samplePapers(vectors.length, maxPapers).map((p) => vectors[p] as SparseVector);
  const n = sample.length;
  const df = new Float64Array(features);
  for (const v of sample) for (const f of v.indices) df[f] = (df[f] as number) + 1;
  const ranked = [...df.keys()].filter((f) => (df[f] as number) > 0).sort((a, b) => (df[b] as number) - (df[a] as number) || a - b);
  const context = ranked.slice(0, contexts);
  const contextOf = new Int32Array(features).fill(-1);
  context.forEach((f, j) => (contextOf[f] = j));
  let z = 0;
  for (const f of context) z += (df[f] as number) ** contextPower;
  // Postings of the counted papers, compressed.
  const start = new Int32Array(features + 1);
  for (const v of sample) for (const f of v.indices) start[f + 1] = (start[f + 1] as number) + 1;
  for (let f = 0; f < features; f += 1) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const fill = start.slice(0, features);
  const postings = new Int32Array(start[features] as number);
  sample.forEach((v, d) => {
    for (const f of v.indices) {
      postings[fill[f] as number] = d;
      fill[f] = (fill[f] as number) + 1;
    }
  });
  const together = new Float64Array(context.length);
  const touched: number[] = [];
  const indptr = new Int32Array(features + 1);
  // Typed buffers grown by doubling: at 75,000 papers the matrix holds millions of entries.
  let indices = new Int32Array(1024);
  let data = new Float64Array(1024);
  let nnz = 0;
  for (let f = 0; f < features; f += 1) {
    for (let b = start[f] as number; b < (start[f + 1] as number); b += 1) {
      for (const g of (sample[postings[b] as number] as SparseVector).indices) {
        const j = contextOf[g] as number;
        if (j < 0 || g === f) continue;
        if (together[j] === 0) touched.push(j);
        together[j] = (together[j] as number) + 1;
      }
    }
    touched.sort((a, b) => a - b);
    for (const j of touched) {
      const pmi = Math.log(((together[j] as number) * z) / ((df[f] as number) * (df[context[j] as number] as number) ** contextPower));
      if (pmi > 0) {
        if (nnz === indices.length) {
          const grownIndices = new Int32Array(2 * nnz);
          grownIndices.set(indices);
          indices = grownIndices;
          const grownData = new Float64Array(2 * nnz);
          grownData.set(data);
          data = grownData;
        }
        indices[nnz] = j;
        data[nnz] = pmi;
        nnz += 1;
      }
      together[j] = 0;
    }
    touched.length = 0;
    indptr[f + 1] = nnz;
  }
  return { rows: features, cols: context.length, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) };
}

/** Unit word vectors (features × rank, row-major): the PPMI matrix's truncated SVD, U · Σ^½, rows scaled to unit length. */
export function wordVectors(ppmi: CsrMatrix, rank: number, seed?: number): DenseVectors {
  // Only the rows with entries go into the SVD: a feature absent from the counted papers has an empty row, which
  // changes nothing in the result but costs its share of every orthonormalisation (most rows of a large corpus).
  const kept: number[] = [];
  for (let f = 0; f < ppmi.rows; f += 1) if ((ppmi.indptr[f + 1] as number) > (ppmi.indptr[f] as number)) kept.push(f);
  const indptr = new Int32Array(kept.length + 1);
  kept.forEach((f, k) => (indptr[k + 1] = ppmi.indptr[f + 1] as number));
  const svd = truncatedSvd({ rows: kept.length, cols: ppmi.cols, indptr, indices: ppmi.indices, data: ppmi.data }, rank, { iterations: EMBEDDING_SVD_ITERATIONS, ...(seed === undefined ? {} : { seed }) });
  const width = svd.rank;
  const data = new Float64Array(ppmi.rows * width);
  const scale = Float64Array.from(svd.values, (s) => (s > 0 ? 1 / Math.sqrt(s) : 0));
  kept.forEach((f, k) => {
    for (let j = 0; j < width; j += 1) data[f * width + j] = (svd.embedding[k * width + j] as number) * (scale[j] as number);
  });
  return { rows: ppmi.rows, width, data: normalizeRows(data, ppmi.rows, width) };
}

/** Unit paper embeddings: each paper's sum of its features' word vectors weighted by its vector's values. */
export function paperEmbeddings(vectors: readonly SparseVector[], words: DenseVectors): DenseVectors {
  const width = words.width;
  const data = new Float64Array(vectors.length * width);
  vectors.forEach((v, p) => {
    for (let a = 0; a < v.indices.length; a += 1) {
      const f = v.indices[a] as number;
      if (f >= words.rows) continue;
      const w = v.values[a] as number;
      for (let j = 0; j < width; j += 1) data[p * width + j] = (data[p * width + j] as number) + w * (words.data[f * width + j] as number);
    }
  });
  return { rows: vectors.length, width, data: normalizeRows(data, vectors.length, width) };
}

/** Paper embeddings from corpus-trained PPMI word vectors (see the module comment), for blending into related-paper scores. */
export function wordEmbeddingVectors(vectors: readonly SparseVector[], options: WordEmbeddingOptions = {}): DenseVectors {
  const ppmi = ppmiMatrix(vectors, options.contexts ?? EMBEDDING_CONTEXTS, options.maxPapers ?? EMBEDDING_MAX_PAPERS, options.contextPower ?? 0.75);
  return paperEmbeddings(vectors, wordVectors(ppmi, options.rank ?? EMBEDDING_RANK, options.seed));
}
