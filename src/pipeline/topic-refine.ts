/**
 * Refining graph communities by centroids in a spectral embedding of the same graph. Louvain decides each paper by
 * its few kNN edges; the spectral embedding (the leading singular vectors of the degree-normalised adjacency
 * D^-1/2 A D^-1/2) sums up where a paper sits in the whole graph. Each paper then moves to the topic whose centroid
 * in that embedding it is most similar to, among its own topic and its neighbours' topics, a few rounds, within the
 * topic size limits: a k-means pass started from the communities, so the topic count stays as Louvain chose it.
 */
import { normalizeRows, truncatedSvd, type CsrMatrix } from './lsa';
import type { DenseVectors } from './semantic';
import type { Adjacency } from './topics';

/**
 * Dimensions of the spectral embedding. On arXiv papers (npm run bench:quality, the bench corpus and its two
 * halves) 24 put more of a topic's papers in one arXiv category than 16 or 32 on the halves, and as many on the whole.
 */
export const SPECTRAL_RANK = 24;

/** Most rounds of {@link refineByCentroids} (it stops earlier when no paper moves). */
export const REFINE_ROUNDS = 20;

/** The graph's degree-normalised adjacency D^-1/2 A D^-1/2 as a sparse matrix (an isolated node's row is empty). */
export function normalisedAdjacency(adj: Adjacency): CsrMatrix {
  const n = adj.length;
  const degree = adj.map((list) => list.reduce((sum, e) => sum + e.weight, 0));
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const data: number[] = [];
  adj.forEach((list, p) => {
    for (const { neighbour, weight } of list) {
      indices.push(neighbour);
      data.push(weight / Math.sqrt((degree[p] as number) * (degree[neighbour] as number)));
    }
    indptr[p + 1] = indices.length;
  });
  return { rows: n, cols: n, indptr, indices: Int32Array.from(indices), data: Float64Array.from(data) };
}

/** Unit-length spectral coordinates of the graph's nodes: its normalised adjacency reduced to `rank` dimensions by a (seeded) truncated SVD. */
export function spectralEmbedding(adj: Adjacency, rank = SPECTRAL_RANK): DenseVectors {
  const matrix = normalisedAdjacency(adj);
  const svd = truncatedSvd(matrix, rank);
  return { rows: matrix.rows, width: svd.rank, data: normalizeRows(svd.embedding, matrix.rows, svd.rank) };
}

/** Options of {@link refineByCentroids}. */
export interface RefineOptions {
  /** Smallest allowed topic: no move leaves a topic below it. */
  minSize: number;
  /** Largest allowed topic: no move takes a topic above it. */
  maxSize: number;
  /** Most rounds (default {@link REFINE_ROUNDS}). */
  rounds?: number;
}

/**
 * Moves papers between groups (lists of node indices 0..n-1 that partition them) by centroid: in each round every
 * node's best group is the one whose centroid (sum of the members' rows of `dense`) has the highest cosine with
 * its row, among its own group and the groups of its graph neighbours (only a strictly higher cosine moves it); then the nodes that gain most move first
 * (ties: lower index), each only if its old group stays at minSize or more and its new one at maxSize or less.
 * Stops when no node moves. Groups come back with members ascending, largest first (ties: lowest member); none is empty.
 */
export function refineByCentroids(groups: readonly (readonly number[])[], adj: Adjacency, dense: DenseVectors, options: RefineOptions): number[][] {
  const n = adj.length;
  const k = groups.length;
  const w = dense.width;
  const groupOf = new Int32Array(n);
  groups.forEach((g, i) => g.forEach((node) => (groupOf[node] = i)));
  const size = Int32Array.from(groups, (g) => g.length);
  const rounds = options.rounds ?? REFINE_ROUNDS;
  const wanted = new Int32Array(n);
  const gain = new Float64Array(n);
  for (let round = 0; round < rounds && k > 1; round += 1) {
    const sums = new Float64Array(k * w);
    for (let node = 0; node < n; node += 1) {
      const base = (groupOf[node] as number) * w;
      for (let j = 0; j < w; j += 1) sums[base + j] = (sums[base + j] as number) + (dense.data[node * w + j] as number);
    }
    const norms = new Float64Array(k);
    for (let g = 0; g < k; g += 1) {
      let s = 0;
      for (let j = 0; j < w; j += 1) s += (sums[g * w + j] as number) ** 2;
      norms[g] = s > 0 ? Math.sqrt(s) : 1;
    }
    const cosine = (node: number, g: number): number => {
      let s = 0;
      for (let j = 0; j < w; j += 1) s += (dense.data[node * w + j] as number) * (sums[g * w + j] as number);
      return s / (norms[g] as number);
    };
    const movers: number[] = [];
    for (let node = 0; node < n; node += 1) {
      const own = groupOf[node] as number;
      const stay = cosine(node, own);
      let best = own;
      let bestScore = stay;
      for (const { neighbour } of adj[node] ?? []) {
        const g = groupOf[neighbour] as number;
        if (g === best) continue;
        const score = cosine(node, g);
        if (score > bestScore) {
          best = g;
          bestScore = score;
        }
      }
      wanted[node] = best;
      gain[node] = bestScore - stay;
      if (best !== own) movers.push(node);
    }
    movers.sort((a, b) => (gain[b] as number) - (gain[a] as number) || a - b);
    let moved = 0;
    for (const node of movers) {
      const from = groupOf[node] as number;
      const to = wanted[node] as number;
      if ((size[from] as number) - 1 < options.minSize || (size[to] as number) + 1 > options.maxSize) continue;
      size[from] = (size[from] as number) - 1;
      size[to] = (size[to] as number) + 1;
      groupOf[node] = to;
      moved += 1;
    }
    if (moved === 0) break;
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  for (let node = 0; node < n; node += 1) out[groupOf[node] as number]?.push(node);
  return out.filter((g) => g.length > 0).sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}

/**
 * Refines graph communities by centroids in the graph's own spectral embedding (see the module comment), when there
 * are more communities than the embedding has dimensions: as in spectral clustering, the embedding should not be
 * wider than the number of groups it separates (with more dimensions than topics it also spans directions within
 * topics; on the seed's 12 topics it moved one of the two 2D Matryoshka papers away from the other). Fewer: unchanged.
 */
export function refineTopics(groups: readonly (readonly number[])[], adj: Adjacency, options: RefineOptions): number[][] {
  if (groups.length <= SPECTRAL_RANK) return groups.map((g) => [...g]);
  return refineByCentroids(groups, adj, spectralEmbedding(adj), options);
}
