/**
 * Incremental topic update: when the previous build's topics are known (the state file), a new build keeps them
 * instead of re-clustering the corpus. Papers of the previous topics keep their topic; papers gone from the corpus
 * leave; each new paper joins the topic its neighbours in the similarity graph belong to (a vote weighted by
 * similarity, spreading through other new papers, then by LSA centroid for a paper with no path to any topic);
 * new papers that fit no topic and form a dense group of their own become a new topic. Topics that drifted past
 * the size limits, or too few of them for the grown corpus, are then repaired locally (topic-drift.ts). Pure and
 * deterministic.
 */
import { adjacency, type Adjacency, type KnnEdge } from './topics';
import { leafMaxSize, leafMinSize, topicCountRange } from './topic-sizes';
import { centroid, nearestCentroid, repairDrift, type DriftCounts } from './topic-drift';
import type { DenseVectors } from './semantic';

/** Input of {@link updateTopics}. */
export interface TopicUpdateInput {
  /** Paper ids, by paper index (the numbering of `knn` and `dense`). */
  paperIds: readonly string[];
  /** The blended kNN similarity graph over paper indices. */
  knn: readonly KnnEdge[];
  /** The papers' unit LSA vectors (for papers with no path in the graph to any topic). */
  dense: DenseVectors;
  /** The previous build's topics, each as its paper ids. */
  previous: readonly (readonly string[])[];
}

/** Sizes that trigger a local change (see {@link updateTopics}). */
export interface TopicUpdateOptions {
  /** Smallest topic: a smaller one is merged into its nearest topic. */
  minSize: number;
  /** Largest topic: a larger one is re-clustered on its own. */
  maxSize: number;
  /** Fewest new papers that form a new topic. */
  newTopicMinSize: number;
  /** Seed of the Louvain runs that split an oversize topic. */
  seed?: number;
  /** Fewest topics: below it, the largest topic is split (topic-drift.ts). */
  minCount?: number;
  /** Smallest part a split may leave. */
  partMinSize?: number;
  /** Most papers the splits of one update may move. */
  moveBudget?: number;
}

/** What the update did, for reports and tests. */
export interface TopicUpdateCounts extends DriftCounts {
  /** Papers of the previous topics still in the corpus. */
  kept: number;
  /** Papers of the previous topics no longer in the corpus. */
  left: number;
  /** New papers placed by the vote or the centroid (those that formed a new topic are not counted). */
  joined: number;
  /** Topics formed from new papers only. */
  created: number;
}

/** Result of {@link updateTopics}. */
export interface TopicUpdate {
  /** The topics as paper indices (ascending), by size descending then lowest index. */
  groups: number[][];
  counts: TopicUpdateCounts;
}

/** Share of a new paper's neighbour weight its best topic must hold for the paper to fit it outright. */
export const FIT_SHARE = 0.5;

/** Share of a group's edge weight that must stay inside it for new papers to form a topic of their own. */
export const DENSE_SHARE = 0.5;

/** The fewest new papers that may form a topic of their own among n papers: a quarter of √n, at least `minSize`. */
export function newTopicMinSize(n: number, minSize: number): number {
  return Math.max(minSize, Math.round(Math.sqrt(n) / 4));
}

/** Share of the papers the splits of one update may move (the issue allows 5 % per digest; the rest is left for merges). */
export const SPLIT_MOVE_SHARE = 0.04;

/** The update's limits for n papers: the clean clustering's leaf sizes and least topic count, parts of {@link newTopicMinSize}, the move budget. */
export function updateOptions(n: number, minSize = leafMinSize(n)): TopicUpdateOptions {
  const fewest = newTopicMinSize(n, minSize);
  return {
    minSize,
    maxSize: leafMaxSize(n, minSize),
    newTopicMinSize: fewest,
    partMinSize: fewest,
    minCount: topicCountRange(n)[0],
    moveBudget: Math.floor(SPLIT_MOVE_SHARE * n),
  };
}

/** Whether the state covers enough of the corpus for an update rather than a fresh clustering: at least half its papers. */
export function canUpdate(paperIds: readonly string[], previous: readonly (readonly string[])[]): boolean {
  const ids = new Set(paperIds);
  let covered = 0;
  for (const topic of previous) for (const id of topic) if (ids.has(id)) covered += 1;
  return paperIds.length > 0 && 2 * covered >= paperIds.length;
}

/** Updates the previous topics with the current corpus (see the module comment). */
export function updateTopics(input: TopicUpdateInput, options: TopicUpdateOptions): TopicUpdate {
  const n = input.paperIds.length;
  const index = new Map(input.paperIds.map((id, i) => [id, i]));
  const topicOf = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  let left = 0;
  for (const papers of input.previous) {
    const members: number[] = [];
    for (const id of papers) {
      const p = index.get(id);
      if (p === undefined) left += 1;
      else if (topicOf[p] === -1) members.push(p);
    }
    if (members.length === 0) continue;
    for (const p of members) topicOf[p] = groups.length;
    groups.push(members);
  }
  const kept = groups.reduce((s, g) => s + g.length, 0);
  const adj = adjacency(n, input.knn);
  const incoming = Array.from({ length: n }, (_, p) => p).filter((p) => topicOf[p] === -1);

  // New papers that fit no topic: most of their neighbour weight is not on any one topic.
  const unfit = incoming.filter((p) => {
    const { best, total } = vote(adj[p] ?? [], topicOf);
    return best.weight < FIT_SHARE * total || best.topic < 0;
  });
  const before = groups.length;
  for (const group of denseGroups(unfit, adj, options.newTopicMinSize)) {
    for (const p of group) topicOf[p] = groups.length;
    groups.push(group);
  }
  const created = groups.length - before;
  const joined = spread(incoming.filter((p) => topicOf[p] === -1), adj, topicOf, groups, input.dense);
  const repaired = repairDrift(groups, adj, input.paperIds, input.dense, options);
  return { groups: repaired.groups, counts: { kept, left, joined, created, ...repaired.counts } };
}

/** The topic holding most of a paper's neighbour weight (ties: the lower topic), and the paper's total neighbour weight. */
function vote(neighbours: Adjacency[number], topicOf: Int32Array): { best: { topic: number; weight: number }; total: number } {
  const votes = new Map<number, number>();
  let total = 0;
  for (const { neighbour, weight } of neighbours) {
    total += weight;
    const t = topicOf[neighbour] as number;
    if (t >= 0) votes.set(t, (votes.get(t) ?? 0) + weight);
  }
  let best = { topic: -1, weight: 0 };
  for (const [topic, weight] of votes) if (weight > best.weight || (weight === best.weight && topic < best.topic)) best = { topic, weight };
  return { best, total };
}

/**
 * Connected groups of the given papers (through edges between them) of at least `minSize` papers that keep at least
 * {@link DENSE_SHARE} of their members' edge weight inside; each ascending, in order of lowest member.
 */
export function denseGroups(papers: readonly number[], adj: Adjacency, minSize: number): number[][] {
  const inside = new Set(papers);
  const seen = new Set<number>();
  const result: number[][] = [];
  for (const start of papers) {
    if (seen.has(start)) continue;
    seen.add(start);
    const component = [start];
    for (let i = 0; i < component.length; i += 1) {
      for (const { neighbour } of adj[component[i] as number] ?? []) {
        if (inside.has(neighbour) && !seen.has(neighbour)) {
          seen.add(neighbour);
          component.push(neighbour);
        }
      }
    }
    if (component.length < minSize) continue;
    const mine = new Set(component);
    let within = 0;
    let all = 0;
    for (const p of component) {
      for (const { neighbour, weight } of adj[p] ?? []) {
        all += weight;
        if (mine.has(neighbour)) within += weight;
      }
    }
    if (within >= DENSE_SHARE * all) result.push(component.sort((a, b) => a - b));
  }
  return result;
}

/**
 * Places the given papers: in rounds, each joins the topic with most neighbour weight among papers placed before the
 * round (so the order within a round does not matter); papers with no placed neighbour after the last round join the
 * topic whose LSA centroid is closest. Updates `topicOf` and `groups`; returns how many were placed.
 */
function spread(papers: readonly number[], adj: Adjacency, topicOf: Int32Array, groups: number[][], dense: DenseVectors): number {
  let waiting = [...papers];
  for (;;) {
    const placed: [number, number][] = [];
    const still: number[] = [];
    for (const p of waiting) {
      const { best } = vote(adj[p] ?? [], topicOf);
      if (best.topic >= 0) placed.push([p, best.topic]);
      else still.push(p);
    }
    for (const [p, t] of placed) {
      topicOf[p] = t;
      (groups[t] as number[]).push(p);
    }
    waiting = still;
    if (placed.length === 0 || waiting.length === 0) break;
  }
  if (waiting.length > 0 && groups.length === 0) groups.push([]);
  const centroids = groups.map((g) => centroid(g, dense));
  for (const p of waiting) {
    const t = nearestCentroid(dense.data.subarray(p * dense.width, (p + 1) * dense.width), centroids);
    topicOf[p] = t;
    (groups[t] as number[]).push(p);
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return papers.length;
}
