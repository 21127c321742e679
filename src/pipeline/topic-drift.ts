/**
 * Local repairs of topics after an incremental update (topic-update.ts): a topic grown past the largest size is
 * re-clustered on its own papers (the same Louvain as a clean build, on that topic's subgraph only); when the corpus
 * has grown so that there are fewer topics than a clean build of it would make, the largest topic is split the same
 * way (one per update, so the count follows the corpus without re-clustering it); the splits of one update move
 * at most a budget of papers (the rest wait for the next); and a topic shrunk under the smallest size is merged into
 * the topic it is most linked to. The rest of the topics are untouched. Pure and deterministic.
 */
import { clusterPapers, type Adjacency, type KnnEdge } from './topics';
import type { DenseVectors } from './semantic';

/** Sizes that trigger a repair. */
export interface DriftOptions {
  /** Smallest topic: a smaller one is merged into its nearest topic. */
  minSize: number;
  /** Largest topic: a larger one is re-clustered on its own. */
  maxSize: number;
  /** Seed of the Louvain runs. */
  seed?: number;
  /** Fewest topics (a clean build's lower bound for the corpus): below it, the largest topic is split (default 0: never). */
  minCount?: number;
  /** Smallest part a split may leave (default `minSize`): a split does not shave off a handful of papers. */
  partMinSize?: number;
  /** Most papers the splits of one update may move to a new topic (default: no limit). */
  moveBudget?: number;
}

/** How many topics were split and merged. */
export interface DriftCounts {
  /** Topics re-clustered into parts: oversize ones, and the largest when there were too few topics. */
  split: number;
  /** Undersize topics merged into another. */
  merged: number;
}

/**
 * Splits oversize topics (largest first), then the largest topic if there are fewer than `minCount`, while the papers
 * the splits move stay within `moveBudget` (the first oversize split always happens; the rest wait for a later
 * update), then merges undersize ones; groups come back ascending, by size descending then lowest index.
 */
export function repairDrift(
  groups: readonly (readonly number[])[],
  adj: Adjacency,
  paperIds: readonly string[],
  dense: DenseVectors,
  options: DriftOptions,
): { groups: number[][]; counts: DriftCounts } {
  const parts: number[][] = groups.map((g) => [...g]);
  const budget = options.moveBudget ?? Infinity;
  let split = 0;
  let moved = 0;
  /** Splits a part in place when it splits and the move fits the budget (an oversize topic's first split: always); whether it did. */
  const trySplit = (at: number, oversize: boolean): boolean => {
    const group = parts[at] as number[];
    const pieces = splitTopic(group, adj, paperIds, options);
    if (pieces.length < 2) return false;
    // The part that keeps the topic's id is the largest; the others' papers move.
    const cost = group.length - Math.max(...pieces.map((p) => p.length));
    if ((split > 0 || !oversize) && moved + cost > budget) return false;
    parts.splice(at, 1, ...pieces);
    split += 1;
    moved += cost;
    return true;
  };
  const bySize = (list: readonly number[][]): number[][] => [...list].sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  for (const group of bySize(parts.filter((g) => g.length > options.maxSize))) trySplit(parts.indexOf(group), true);
  // The corpus outgrew its topic count: one topic is split per update, the largest (ties: the lowest paper) whose
  // split fits the budget, trying the three largest, so a small corpus whose largest topic is too big to split
  // within the budget still catches up.
  if (parts.length < (options.minCount ?? 0)) bySize(parts).slice(0, 3).some((group) => trySplit(parts.indexOf(group), false));
  const merged = mergeSmall(parts, adj, dense, options);
  const result = parts
    .filter((g) => g.length > 0)
    .map((g) => g.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  return { groups: result, counts: { split, merged } };
}

/**
 * Re-clusters one topic on its own subgraph (papers in id order, so the result does not depend on the input order):
 * as few parts as Louvain gives (at least two when it can), each within the size limits and of `partMinSize` or more.
 */
export function splitTopic(group: readonly number[], adj: Adjacency, paperIds: readonly string[], options: DriftOptions): number[][] {
  const nodes = [...group].sort((a, b) => cmp(paperIds[a] ?? '', paperIds[b] ?? '') || a - b);
  const local = new Map(nodes.map((p, i) => [p, i]));
  const edges: KnnEdge[] = [];
  nodes.forEach((p, i) => {
    for (const { neighbour, weight } of adj[p] ?? []) {
      const j = local.get(neighbour);
      if (j !== undefined && j > i) edges.push({ source: i, target: j, weight });
    }
  });
  const m = nodes.length;
  const wanted = Math.max(2, Math.ceil((2 * m) / options.maxSize));
  const clusters = clusterPapers(m, edges, {
    minSize: options.partMinSize ?? options.minSize,
    // maxTopicSize(m) = floor(maxShare · m): exactly options.maxSize.
    maxShare: (options.maxSize + 0.5) / m,
    range: [2, wanted],
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  return clusters.map((c) => c.map((i) => nodes[i] as number).sort((a, b) => a - b));
}

/**
 * Merges, smallest first (ties: the lower index), every group under the smallest size into the group it has most edge
 * weight to (among groups with room for it if any; ties: the smaller, then the lower index), or with no edges to any,
 * the group whose LSA centroid is closest. Empties the merged groups in place; returns how many were merged.
 */
function mergeSmall(groups: number[][], adj: Adjacency, dense: DenseVectors, options: DriftOptions): number {
  const groupOf = new Map<number, number>();
  groups.forEach((g, i) => g.forEach((p) => groupOf.set(p, i)));
  let merged = 0;
  for (;;) {
    const alive = groups.map((g, i) => i).filter((i) => (groups[i] as number[]).length > 0);
    if (alive.length < 2) break;
    let small = -1;
    for (const i of alive) if ((groups[i] as number[]).length < options.minSize && (small < 0 || (groups[i] as number[]).length < (groups[small] as number[]).length)) small = i;
    if (small < 0) break;
    const source = groups[small] as number[];
    const links = new Map<number, number>();
    for (const p of source) {
      for (const { neighbour, weight } of adj[p] ?? []) {
        const g = groupOf.get(neighbour);
        if (g !== undefined && g !== small) links.set(g, (links.get(g) ?? 0) + weight);
      }
    }
    const fits = (g: number): boolean => (groups[g] as number[]).length + source.length <= options.maxSize;
    let target = -1;
    for (const roomOnly of [true, false]) {
      for (const g of [...links.keys()].sort((a, b) => a - b)) {
        if (roomOnly && !fits(g)) continue;
        const better =
          target < 0 ||
          (links.get(g) as number) > (links.get(target) as number) ||
          ((links.get(g) as number) === (links.get(target) as number) && (groups[g] as number[]).length < (groups[target] as number[]).length);
        if (better) target = g;
      }
      if (target >= 0) break;
    }
    if (target < 0) {
      const others = alive.filter((i) => i !== small);
      const roomy = others.filter(fits);
      const candidates = roomy.length > 0 ? roomy : others;
      const at = nearestCentroid(centroid(source, dense), candidates.map((i) => centroid(groups[i] as number[], dense)));
      target = candidates[at] as number;
    }
    for (const p of source) {
      (groups[target] as number[]).push(p);
      groupOf.set(p, target);
    }
    groups[small] = [];
    merged += 1;
  }
  return merged;
}

/** The unit mean of the LSA vectors of some papers (all zero for none). */
export function centroid(papers: readonly number[], dense: DenseVectors): Float64Array {
  const sum = new Float64Array(dense.width);
  for (const p of papers) for (let j = 0; j < dense.width; j += 1) sum[j] = (sum[j] as number) + (dense.data[p * dense.width + j] as number);
  const norm = Math.hypot(...sum);
  if (norm > 0) for (let j = 0; j < dense.width; j += 1) sum[j] = (sum[j] as number) / norm;
  return sum;
}

/** The index of the centroid closest (by dot product: cosine for unit vectors) to a vector; ties: the lower index. */
export function nearestCentroid(vector: ArrayLike<number>, centroids: readonly Float64Array[]): number {
  let best = 0;
  let bestScore = -Infinity;
  centroids.forEach((c, t) => {
    let s = 0;
    for (let j = 0; j < c.length; j += 1) s += (c[j] as number) * (vector[j] as number);
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  });
  return best;
}

/** Code-unit string comparison (locale-independent). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
