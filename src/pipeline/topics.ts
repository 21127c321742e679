/**
 * Topic clusters: Louvain community detection (seeded) on the papers' k-nearest-neighbour
 * similarity graph, with the resolution searched so the topic count suits the corpus size,
 * oversize communities split by Louvain on their own subgraph, and tiny ones merged into the
 * community they are most connected to. Every paper ends up in exactly one topic.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { joinByCentroid } from './join-pieces';
import { refineTopics } from './topic-refine';
import { leafMinSize, sizeLimits, topicCountRange } from './topic-sizes';
import { DEFAULT_SEED, mulberry32 } from './random';
import type { DenseVectors } from './semantic';
import { slugify } from './slug';
import { classTfIdf, termFocus, topicLabels, type ClassTerm, type LabelOptions, type TermLabelInfo } from './topic-labels';
import type { Topic, WeightedTerm } from './types';

/** An edge of the paper similarity graph, between paper indices. */
export interface KnnEdge {
  source: number;
  target: number;
  weight: number;
}

/** Options of {@link clusterPapers}. */
export interface ClusterOptions {
  /** Seed of Louvain's random visiting order. */
  seed?: number;
  /** Smallest allowed topic (default {@link leafMinSize}). */
  minSize?: number;
  /** Largest allowed share of the papers in one topic (default: the leaf limit {@link leafMaxSize}). */
  maxShare?: number;
  /** Wanted number of topics, [min, max]; default {@link topicCountRange}. */
  range?: readonly [number, number];
  /** Louvain resolution to start the search from (default 1). */
  resolution?: number;
}

/** Undirected weighted adjacency lists, neighbours in ascending order. */
export type Adjacency = { neighbour: number; weight: number }[][];

/** Symmetrises kNN edges (weight of a pair = the larger of its two directions), dropping self-loops and weights ≤ 0. */
export function adjacency(n: number, knn: readonly KnnEdge[]): Adjacency {
  const pairs = new Map<number, number>();
  for (const { source, target, weight } of knn) {
    if (source === target || !(weight > 0)) continue;
    if (!Number.isInteger(source) || !Number.isInteger(target) || source < 0 || target < 0 || source >= n || target >= n) {
      throw new RangeError(`kNN edge ${source}–${target} is outside 0..${n - 1}`);
    }
    const key = Math.min(source, target) * n + Math.max(source, target);
    pairs.set(key, Math.max(pairs.get(key) ?? 0, weight));
  }
  const adj: Adjacency = Array.from({ length: n }, () => []);
  for (const key of [...pairs.keys()].sort((a, b) => a - b)) {
    const a = Math.floor(key / n);
    const b = key % n;
    const weight = pairs.get(key) ?? 0;
    adj[a]?.push({ neighbour: b, weight });
    adj[b]?.push({ neighbour: a, weight });
  }
  for (const list of adj) list.sort((x, y) => x.neighbour - y.neighbour);
  return adj;
}

/** The graphology graph of the subgraph induced by `nodes` (ascending), node keys = indices as strings. */
function buildGraph(nodes: readonly number[], adj: Adjacency): Graph {
  const inside = new Set(nodes);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(String(node));
  for (const node of nodes) {
    for (const { neighbour, weight } of adj[node] ?? []) {
      if (neighbour > node && inside.has(neighbour)) graph.addEdge(String(node), String(neighbour), { weight });
    }
  }
  return graph;
}

/** Louvain communities of a graph built by {@link buildGraph} over `nodes`, as groups of node indices. */
function louvainGroups(graph: Graph, nodes: readonly number[], resolution: number, seed: number): number[][] {
  if (graph.size === 0) return nodes.map((node) => [node]);
  const communities = louvain(graph, { resolution, rng: mulberry32(seed), getEdgeWeight: 'weight' });
  const byCommunity = new Map<number, number[]>();
  for (const node of nodes) {
    const community = communities[String(node)] ?? -1 - node;
    const list = byCommunity.get(community);
    if (list) list.push(node);
    else byCommunity.set(community, [node]);
  }
  return [...byCommunity.values()];
}

/** Splits a group in two halves by breadth-first order from its lowest index (used only when Louvain will not split it). */
function bisect(group: readonly number[], adj: Adjacency): number[][] {
  const inside = new Set(group);
  const seen = new Set<number>();
  const order: number[] = [];
  for (const start of group) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    for (let i = 0; i < queue.length; i += 1) {
      const node = queue[i] as number;
      order.push(node);
      for (const { neighbour } of adj[node] ?? []) {
        if (inside.has(neighbour) && !seen.has(neighbour)) {
          seen.add(neighbour);
          queue.push(neighbour);
        }
      }
    }
  }
  const half = Math.ceil(order.length / 2);
  return [order.slice(0, half).sort((a, b) => a - b), order.slice(half).sort((a, b) => a - b)];
}

/** Resolutions tried, lowest first, when splitting an oversize community on its own subgraph. */
const SPLIT_RESOLUTIONS = Array.from({ length: 16 }, (_, i) => 0.2 * 1.25 ** i);

/**
 * Splits every group larger than maxSize as coarsely as possible: Louvain on the group's own
 * subgraph at the lowest resolution (0.2, ×1.25 each step) that yields two or more parts; parts
 * still too large are split again (breadth-first bisection as a last resort).
 */
function splitOversize(groups: number[][], adj: Adjacency, maxSize: number, seed: number): number[][] {
  const done: number[][] = [];
  const queue = [...groups];
  while (queue.length > 0) {
    const group = queue.shift() as number[];
    if (group.length <= maxSize) {
      done.push(group);
      continue;
    }
    let parts: number[][] = [group];
    const graph = buildGraph(group, adj);
    for (const r of SPLIT_RESOLUTIONS) {
      parts = louvainGroups(graph, group, r, seed);
      if (parts.length >= 2) break;
    }
    if (parts.length < 2) parts = bisect(group, adj);
    queue.push(...parts);
  }
  return done;
}

/**
 * Merges every group smaller than minSize into the group it has the most edge weight to (among
 * groups that stay within maxSize if any do; ties: the smaller group, then the lower index).
 * A group with no edges to others joins the largest group with room.
 */
function mergeTiny(groups: number[][], adj: Adjacency, minSize: number, maxSize: number): number[][] {
  const members = groups.map((g) => [...g]);
  const alive = members.map(() => true);
  const groupOf = new Int32Array(adj.length).fill(-1);
  members.forEach((g, i) => g.forEach((node) => (groupOf[node] = i)));
  for (;;) {
    let tiny = -1;
    let living = 0;
    members.forEach((g, i) => {
      if (!alive[i]) return;
      living += 1;
      const current = members[tiny];
      if (g.length < minSize && (!current || g.length < current.length)) tiny = i;
    });
    if (tiny < 0 || living < 2) break;
    const source = members[tiny] as number[];
    const links = new Map<number, number>();
    for (const node of source) {
      for (const { neighbour, weight } of adj[node] ?? []) {
        const g = groupOf[neighbour] as number;
        if (g !== tiny && g >= 0) links.set(g, (links.get(g) ?? 0) + weight);
      }
    }
    const fits = (g: number): boolean => (members[g] as number[]).length + source.length <= maxSize;
    const better = (g: number, best: number): boolean => {
      const wg = links.get(g) ?? 0;
      const wb = links.get(best) ?? 0;
      if (wg !== wb) return wg > wb;
      const sg = (members[g] as number[]).length;
      const sb = (members[best] as number[]).length;
      return sg !== sb ? sg < sb : g < best;
    };
    let target = -1;
    for (const pass of [true, false]) {
      for (const g of [...links.keys()].sort((a, b) => a - b)) {
        if (pass && !fits(g)) continue;
        if (target < 0 || better(g, target)) target = g;
      }
      if (target >= 0) break;
    }
    if (target < 0) {
      // No edges at all: the largest other group with room, else the largest.
      for (const pass of [true, false]) {
        members.forEach((g, i) => {
          if (!alive[i] || i === tiny || (pass && !fits(i))) return;
          const current = members[target];
          if (!current || g.length > current.length) target = i;
        });
        if (target >= 0) break;
      }
    }
    const into = members[target] as number[];
    for (const node of source) {
      into.push(node);
      groupOf[node] = target;
    }
    into.sort((a, b) => a - b);
    members[tiny] = [];
    alive[tiny] = false;
  }
  return members.filter((_, i) => alive[i]);
}

/** Sorts members ascending and groups by size descending, then lowest member. */
function normalise(groups: number[][]): number[][] {
  return groups
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}

/**
 * One full clustering at a given resolution: Louvain, split oversize, merge tiny; then once more, since a tiny group
 * linked only to full groups joins one of them past the largest size (a graph in many small pieces at 75,000 papers).
 */
function partition(graph: Graph, adj: Adjacency, resolution: number, seed: number, minSize: number, maxSize: number): number[][] {
  const all = Array.from({ length: adj.length }, (_, i) => i);
  let groups = louvainGroups(graph, all, resolution, seed);
  for (let round = 0; round < 2; round += 1) groups = mergeTiny(splitOversize(groups, adj, maxSize, seed), adj, minSize, maxSize);
  return normalise(groups);
}

/**
 * Partitions papers 0..n-1 into topics (groups of paper indices, ascending; groups by size
 * descending, then lowest index). Starts at Louvain resolution 1; when the topic count falls
 * outside the wanted range, searches the resolution geometrically until the count reaches the range, then
 * by bisection (at most 16 runs in all) for the count in the range nearest the bound it reached, or the
 * closest count seen. Deterministic for a given input
 * order; pass papers in a canonical order (e.g. sorted by id) for order independence.
 */
export function clusterPapers(n: number, knn: readonly KnnEdge[], options: ClusterOptions = {}): number[][] {
  if (n === 0) return [];
  const seed = options.seed ?? DEFAULT_SEED;
  const { minSize, maxSize } = sizeLimits(n, options);
  const [low, high] = options.range ?? topicCountRange(n);
  if (n < 2 * minSize) return [Array.from({ length: n }, (_, i) => i)];
  const adj = adjacency(n, knn);
  const graph = buildGraph(Array.from({ length: n }, (_, i) => i), adj);
  const run = (r: number): number[][] => partition(graph, adj, r, seed, minSize, maxSize);
  const miss = (count: number): number => (count < low ? low - count : count > high ? count - high : 0);

  const start = options.resolution ?? 1;
  const first = run(start);
  if (miss(first.length) === 0) return first;
  const direction = first.length < low ? 1.5 : 1 / 1.5;
  // Whether a count has reached the range in the search's direction (it may also have gone past it).
  const reached = (count: number): boolean => (direction > 1 ? count >= low : count <= high);
  let closest = first;
  let inner = start; // the last resolution short of the range
  let outer: number | undefined; // the first resolution that reached it
  for (let step = 0; step < 10 && outer === undefined; step += 1) {
    const r = inner * direction;
    const groups = run(r);
    if (miss(groups.length) < miss(closest.length)) closest = groups;
    if (reached(groups.length)) outer = r;
    else inner = r;
  }
  if (outer === undefined) return closest;
  // Bisection on log(resolution) for the resolution nearest `inner` that still reaches the range, so that the
  // count lands next to the bound first reached, not anywhere in the range: a corpus a little larger then gets
  // about as many topics (on the bench corpus, one more digest took 46 topics to 67 before this).
  let inRange = miss(closest.length) === 0 && reached(closest.length) ? closest : undefined;
  for (let step = 0; step < 5; step += 1) {
    const middle = Math.sqrt(inner * outer);
    const groups = run(middle);
    if (miss(groups.length) < miss(closest.length)) closest = groups;
    if (reached(groups.length)) {
      outer = middle;
      if (miss(groups.length) === 0) inRange = groups;
    } else {
      inner = middle;
    }
  }
  return inRange ?? closest;
}

/** Ids of topics given their paper ids: `t01`, `t02`, … by size descending, then smallest paper id (at least 2 digits). */
export function provisionalTopicIds(groups: readonly (readonly string[])[]): string[] {
  const smallest = groups.map((g) => [...g].sort()[0] ?? '');
  const order = groups
    .map((_, i) => i)
    .sort((a, b) => {
      const sizeDiff = (groups[b]?.length ?? 0) - (groups[a]?.length ?? 0);
      if (sizeDiff !== 0) return sizeDiff;
      const sa = smallest[a] ?? '';
      const sb = smallest[b] ?? '';
      return sa < sb ? -1 : sa > sb ? 1 : a - b;
    });
  const ids = new Array<string>(groups.length);
  order.forEach((groupIndex, rank) => (ids[groupIndex] = `t${String(rank + 1).padStart(2, '0')}`));
  return ids;
}

/** Makes slugs unique by suffixing `-2`, `-3`, … to later repeats, in order. */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const used = new Set<string>();
  return slugs.map((slug) => {
    let candidate = slug;
    for (let n = 2; used.has(candidate); n += 1) candidate = `${slug}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

/** Input of {@link buildTopics}. */
export interface TopicsInput {
  /** Paper ids, by paper index (the numbering used by `paperTermIds` and `knn`). */
  paperIds: readonly string[];
  /** Term ids occurring in each paper, by paper index (repeats are ignored). */
  paperTermIds: readonly (readonly string[])[];
  /** The kNN similarity graph over paper indices (either or both directions of a pair). */
  knn: readonly KnnEdge[];
  /** Display information of the terms (a `Term[]` fits). */
  terms: readonly TermLabelInfo[];
  /** Key terms shown on each paper, by paper index: labels prefer terms most of whose papers sit in the topic (see {@link termFocus}). */
  shownTermIds?: readonly (readonly string[])[];
  /** Dense (LSA) vectors by paper index: a graph in more pieces than the topic range allows is joined by centroids (join-pieces.ts). */
  dense?: DenseVectors;
  /** The topics as groups of paper indices, when already formed (by the incremental update, topic-update.ts): then no clustering. */
  groups?: readonly (readonly number[])[];
}

/** Options of {@link buildTopics}. */
export interface TopicsOptions extends ClusterOptions {
  labels?: LabelOptions;
  /** How many weighted terms to keep in `Topic.terms` (default 10). */
  topTerms?: number;
  /** Most nearest topics to list (default 5; at least 3 are listed when there are that many). */
  nearest?: number;
}

/** Result of {@link buildTopics}. */
export interface TopicsResult {
  /** Topics by size descending (so in id order). */
  topics: Topic[];
  /** Topic id of every paper, by paper index. */
  paperTopic: string[];
  /** Full c-TF-IDF ranking of every topic, in `topics` order. */
  rankings: ClassTerm[][];
}

/** Rounds a weight to 4 significant digits for stable, compact JSON. */
function roundWeight(weight: number): number {
  return Number(weight.toPrecision(4));
}

/**
 * Clusters the papers into topics and describes each: label, top c-TF-IDF terms, papers by
 * centrality (sum of kNN weights to other members; ties by id) and the nearest topics. Papers
 * are clustered in id order, so the result does not depend on the input order.
 */
export function buildTopics(input: TopicsInput, options: TopicsOptions = {}): TopicsResult {
  const { paperIds, paperTermIds, knn, terms } = input;
  const n = paperIds.length;
  if (paperTermIds.length !== n) throw new RangeError('paperTermIds must have one entry per paper');
  // Canonical order: by paper id.
  const order = paperIds.map((_, i) => i).sort((a, b) => cmp(paperIds[a] ?? '', paperIds[b] ?? '') || a - b);
  const rank = new Int32Array(n);
  order.forEach((paper, r) => (rank[paper] = r));
  const canonicalKnn = knn.map((e) => ({ source: rank[e.source] ?? -1, target: rank[e.target] ?? -1, weight: e.weight }));
  const adj = adjacency(n, canonicalKnn);
  const groups = input.groups?.map((g) => [...g]) ?? clusteredGroups(adj, canonicalKnn, order, input.dense, options);

  const rankings = classTfIdf(groups, paperTermIds);
  const termInfo = new Map(terms.map((t) => [t.id, t]));
  const focus = input.shownTermIds === undefined ? undefined : termFocus(groups, input.shownTermIds);
  const labels = topicLabels(rankings, groups.map((g) => g.length), termInfo, options.labels, focus);
  const ids = provisionalTopicIds(groups.map((g) => g.map((p) => paperIds[p] ?? '')));
  const slugs = uniqueSlugs(labels.map((l) => slugify(l.label, 60) || 'topic'));

  const groupOf = new Int32Array(n);
  groups.forEach((g, i) => g.forEach((p) => (groupOf[p] = i)));
  const paperTopic = Array.from({ length: n }, (_, p) => ids[groupOf[p] ?? 0] ?? '');

  // Centrality and inter-topic edge weight from the (canonical) adjacency.
  const centrality = new Float64Array(n);
  const between = new Map<number, number>();
  const k = groups.length;
  for (let r = 0; r < n; r += 1) {
    const paper = order[r] as number;
    for (const { neighbour, weight } of adj[r] ?? []) {
      const other = order[neighbour] as number;
      const a = groupOf[paper] as number;
      const b = groupOf[other] as number;
      if (a === b) centrality[paper] = (centrality[paper] ?? 0) + weight;
      else if (a < b) between.set(a * k + b, (between.get(a * k + b) ?? 0) + weight);
    }
  }
  const nearest = nearestTopics(groups, rankings, between, options.nearest ?? 5);
  const topTerms = options.topTerms ?? 10;

  const topics: Topic[] = groups.map((group, i) => {
    const papers = [...group]
      .sort((a, b) => (centrality[b] ?? 0) - (centrality[a] ?? 0) || cmp(paperIds[a] ?? '', paperIds[b] ?? ''))
      .map((p) => paperIds[p] ?? '');
    const weighted: WeightedTerm[] = (rankings[i] ?? []).slice(0, topTerms).map((t) => ({ term: t.term, weight: roundWeight(t.weight) }));
    return {
      id: ids[i] ?? '',
      slug: slugs[i] ?? '',
      label: labels[i]?.label ?? '',
      terms: weighted,
      papers,
      nearest: (nearest[i] ?? []).map((j) => ids[j] ?? ''),
    };
  });
  const byId = topics.map((_, i) => i).sort((a, b) => cmp(ids[a] ?? '', ids[b] ?? '') || a - b);
  return {
    topics: byId.map((i) => topics[i] as Topic),
    paperTopic,
    rankings: byId.map((i) => rankings[i] ?? []),
  };
}

/**
 * Clusters papers in canonical order (ranks), joins pieces past the range when dense vectors are given, refines the
 * groups by centroids in the graph's spectral embedding (topic-refine.ts), and maps back to paper indices.
 */
function clusteredGroups(adj: Adjacency, canonicalKnn: readonly KnnEdge[], order: readonly number[], dense: DenseVectors | undefined, options: ClusterOptions): number[][] {
  const n = adj.length;
  let groups = clusterPapers(n, canonicalKnn, options);
  const high = (options.range ?? topicCountRange(n))[1];
  const { minSize, maxSize } = sizeLimits(n, options);
  if (dense !== undefined && groups.length > high) groups = joinByCentroid(groups, dense, high, maxSize, (rank) => order[rank] as number);
  if (n >= 2 * minSize) groups = refineTopics(groups, adj, { minSize, maxSize });
  return groups.map((g) => g.map((r) => order[r] as number));
}

/** Code-unit string comparison (locale-independent). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Nearest topics of every topic: by kNN edge weight between the two topics over √(|A|·|B|),
 * then (to fill up to at least 3, or for ties) by cosine of their c-TF-IDF vectors (top 200 terms).
 */
function nearestTopics(
  groups: readonly (readonly number[])[],
  rankings: readonly (readonly ClassTerm[])[],
  between: ReadonlyMap<number, number>,
  limit: number,
): number[][] {
  const k = groups.length;
  // Cosines of the topics' top-200 c-TF-IDF vectors, through an inverted index (term → topics).
  const postings = new Map<string, { topic: number; weight: number }[]>();
  const norms = new Float64Array(k);
  rankings.forEach((ranking, topic) => {
    for (const t of ranking.slice(0, 200)) {
      norms[topic] = (norms[topic] as number) + t.weight * t.weight;
      const list = postings.get(t.term);
      if (list) list.push({ topic, weight: t.weight });
      else postings.set(t.term, [{ topic, weight: t.weight }]);
    }
  });
  const dots = new Float64Array(k * k);
  for (const list of postings.values()) {
    for (const x of list) for (const y of list) if (x.topic !== y.topic) dots[x.topic * k + y.topic] = (dots[x.topic * k + y.topic] as number) + x.weight * y.weight;
  }
  const cosine = (a: number, b: number): number => {
    const norm = Math.sqrt((norms[a] as number) * (norms[b] as number));
    return norm > 0 ? (dots[a * k + b] as number) / norm : 0;
  };
  const result: number[][] = [];
  for (let a = 0; a < k; a += 1) {
    const scored: { topic: number; edge: number; cos: number }[] = [];
    for (let b = 0; b < k; b += 1) {
      if (b === a) continue;
      const key = Math.min(a, b) * k + Math.max(a, b);
      const size = Math.sqrt((groups[a]?.length ?? 1) * (groups[b]?.length ?? 1));
      scored.push({ topic: b, edge: (between.get(key) ?? 0) / size, cos: cosine(a, b) });
    }
    scored.sort((x, y) => y.edge - x.edge || y.cos - x.cos || x.topic - y.topic);
    const linked = scored.filter((s) => s.edge > 0).slice(0, limit);
    const minimum = Math.min(3, limit, scored.length);
    if (linked.length < minimum) {
      const rest = scored.filter((s) => s.edge === 0).sort((x, y) => y.cos - x.cos || x.topic - y.topic);
      linked.push(...rest.slice(0, minimum - linked.length));
    }
    result.push(linked.map((s) => s.topic));
  }
  return result;
}
