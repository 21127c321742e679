/**
 * Semantic smoothing of paper similarity: LSA vectors (a truncated SVD of the papers' sparse tf-idf vectors), and
 * nearest neighbours by a blend of the sparse cosine (exact shared words and terms) and the LSA cosine (shared
 * themes in other words). Candidates come from the sparse inverted index, as in {@link nearestNeighbors}, so the
 * search stays linear in the number of papers; the blend only re-ranks them.
 */
import { normalizeRows, truncatedSvd, type CsrMatrix } from './lsa';
import { accumulateCandidates, defaultMaxPostings, graphFromNeighbors, invertedIndex, topByScore, type KnnEdge, type Neighbor, type SparseVector } from './vectors';

/**
 * Dimensions of the papers' LSA vectors. Few: on 8,520 arXiv papers (npm run bench:quality), 12 dimensions
 * blended with the sparse cosine put more related papers in the paper's own arXiv category than 24, 64 or 256.
 */
export const LSA_RANK = 12;

/** Weight of the LSA cosine in the similarity graph that topics are clustered on (more than for related papers: topics are broader). */
export const GRAPH_SEMANTIC_WEIGHT = 0.7;

/**
 * Weight of the word-embedding cosine (`word-embedding.ts`) in the similarity graph, the sparse–LSA blend taking the rest.
 * On the bench corpus and seven subsets of it (npm run bench:quality) topics agree more with the papers' categories and
 * fewer labels lack a focused term than without it.
 */
export const GRAPH_EMBEDDING_WEIGHT = 0.6;

/** Unit-length dense vectors, row-major. */
export interface DenseVectors {
  rows: number;
  width: number;
  data: Float64Array;
}

/** The sparse vectors as one compressed-row matrix. */
export function sparseMatrix(vectors: readonly SparseVector[]): CsrMatrix {
  const indptr = new Int32Array(vectors.length + 1);
  let nnz = 0;
  let cols = 0;
  vectors.forEach((v, r) => {
    nnz += v.indices.length;
    indptr[r + 1] = nnz;
    const last = v.indices[v.indices.length - 1];
    if (last !== undefined && last + 1 > cols) cols = last + 1;
  });
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  vectors.forEach((v, r) => {
    indices.set(v.indices, indptr[r] as number);
    data.set(v.values, indptr[r] as number);
  });
  return { rows: vectors.length, cols, indptr, indices, data };
}

/** LSA vectors of the papers: their sparse vectors reduced to `rank` dimensions, unit length. */
export function lsaVectors(vectors: readonly SparseVector[], rank = LSA_RANK, seed?: number): DenseVectors {
  const matrix = sparseMatrix(vectors);
  const svd = truncatedSvd(matrix, rank, seed === undefined ? {} : { seed });
  return { rows: matrix.rows, width: svd.rank, data: normalizeRows(svd.embedding, matrix.rows, svd.rank) };
}

/** Options of {@link blendedNeighbors}. */
export interface BlendOptions {
  /** Weight of the LSA cosine in the blend (the sparse cosine gets 1 − weight). */
  weight: number;
  /** Candidates per paper from the sparse index (default 100). */
  candidates?: number;
  /** Postings cut-off of the candidate search (default {@link defaultMaxPostings}). */
  maxPostings?: number;
  /** Added to the blended score of a candidate pair (paper, candidate), e.g. for a rare word their titles share. */
  bonus?: (p: number, q: number) => number;
  /** Further unit paper vectors (e.g. `word-embedding.ts`): their cosine gets `embeddingWeight`, the blend above the rest. */
  embedding?: DenseVectors;
  /** Weight of the `embedding` cosine (default 0: not used). */
  embeddingWeight?: number;
}

/** Cosine of two rows of dense unit vectors. */
function denseCosine(d: DenseVectors, p: number, q: number): number {
  const a = p * d.width;
  const b = q * d.width;
  let s = 0;
  for (let j = 0; j < d.width; j += 1) s += (d.data[a + j] as number) * (d.data[b + j] as number);
  return s;
}

/** Each paper's candidates (`index[offset[p]..offset[p + 1])`, in no particular order) with their sparse and LSA cosines. */
interface CandidateScores {
  offset: Int32Array;
  index: Int32Array;
  sparse: Float64Array;
  dense: Float64Array;
}

/** Candidate scores per sparse vector array, LSA vectors and search settings: the kNN graph and related papers share them. */
const scoreMemo = new WeakMap<readonly SparseVector[], WeakMap<DenseVectors, Map<string, CandidateScores>>>();

/** The candidates of every paper from the sparse inverted index, scored by both cosines (see {@link blendedNeighbors}). */
function candidateScores(sparse: readonly SparseVector[], dense: DenseVectors, limit: number, maxPostings: number): CandidateScores {
  const key = `${limit}/${maxPostings}`;
  let byDense = scoreMemo.get(sparse);
  if (byDense === undefined) scoreMemo.set(sparse, (byDense = new WeakMap()));
  let byKey = byDense.get(dense);
  if (byKey === undefined) byDense.set(dense, (byKey = new Map()));
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const n = sparse.length;
  const index = invertedIndex(sparse);
  const acc = new Float64Array(n);
  const seen = new Uint8Array(n);
  let dimension = 0;
  for (const v of sparse) dimension = Math.max(dimension, (v.indices[v.indices.length - 1] ?? -1) + 1);
  const mine = new Float64Array(dimension);
  const offset = new Int32Array(n + 1);
  const ids: number[] = [];
  const sparseScores: number[] = [];
  const denseScores: number[] = [];
  for (let p = 0; p < n; p += 1) {
    const v = sparse[p] as SparseVector;
    const touched = accumulateCandidates(v, p, index, { acc, seen, dense: mine }, maxPostings);
    for (const q of topByScore(touched, acc, limit)) {
      const u = sparse[q] as SparseVector;
      let cosine = 0;
      for (let b = 0; b < u.indices.length; b += 1) cosine += (mine[u.indices[b] as number] as number) * (u.values[b] as number);
      ids.push(q);
      sparseScores.push(cosine);
      denseScores.push(denseCosine(dense, p, q));
    }
    offset[p + 1] = ids.length;
    for (const q of touched) {
      acc[q] = 0;
      seen[q] = 0;
    }
    for (const f of v.indices) mine[f] = 0;
  }
  const scores = { offset, index: Int32Array.from(ids), sparse: Float64Array.from(sparseScores), dense: Float64Array.from(denseScores) };
  byKey.set(key, scores);
  return scores;
}

/**
 * The k nearest papers of every paper by (1 − w) · sparse cosine + w · LSA cosine (with an `embedding`: (1 − a) times
 * that + a · its cosine; plus the pair bonus, if any; best first, ties by index), among the candidates that share
 * the most weight of less common features with it.
 */
export function blendedNeighbors(sparse: readonly SparseVector[], dense: DenseVectors, k: number, options: BlendOptions): Neighbor[][] {
  const w = options.weight;
  const bonus = options.bonus;
  const embedding = options.embedding;
  const a = embedding === undefined ? 0 : (options.embeddingWeight ?? 0);
  const scores = candidateScores(sparse, dense, options.candidates ?? 100, options.maxPostings ?? defaultMaxPostings(sparse.length));
  const result: Neighbor[][] = [];
  for (let p = 0; p < sparse.length; p += 1) {
    const scored: Neighbor[] = [];
    for (let c = scores.offset[p] as number; c < (scores.offset[p + 1] as number); c += 1) {
      const q = scores.index[c] as number;
      const extra = bonus === undefined ? 0 : bonus(p, q);
      const blend = (1 - w) * (scores.sparse[c] as number) + w * (scores.dense[c] as number);
      const similarity = embedding === undefined || a === 0 ? blend : (1 - a) * blend + a * denseCosine(embedding, p, q);
      scored.push({ index: q, similarity: similarity + extra });
    }
    scored.sort((x, y) => y.similarity - x.similarity || x.index - y.index);
    result.push(scored.slice(0, k));
  }
  return result;
}

/**
 * The k-nearest-neighbour graph (see {@link graphFromNeighbors}) by the blended similarity of {@link blendedNeighbors}; with
 * paper `embedding`s, their cosine is blended in at {@link GRAPH_EMBEDDING_WEIGHT}.
 */
export function blendedKnnGraph(sparse: readonly SparseVector[], dense: DenseVectors, k: number, embedding?: DenseVectors, weight = GRAPH_SEMANTIC_WEIGHT): KnnEdge[] {
  const blend = embedding === undefined ? { weight } : { weight, embedding, embeddingWeight: GRAPH_EMBEDDING_WEIGHT };
  return graphFromNeighbors(blendedNeighbors(sparse, dense, k, blend), sparse.length);
}
