/**
 * Term co-occurrence maps: one per topic (its key terms, sub-clustered by Louvain) and one of
 * the whole corpus (the strongest terms of every topic, coloured by topic, with topic labels),
 * laid out deterministically.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { cooccurrence } from './cooccurrence';
import { layout, type LayoutNode, type LayoutOptions } from './force-layout';
import { DEFAULT_SEED, mulberry32 } from './random';
import { LABEL_SEPARATOR, type ClassTerm } from './topic-labels';
import type { MapLink, MapNode, TermMap } from './types';
import { compareText } from './order';

/** Display label of a term id (e.g. from a `Map` of `Term.label`s). */
export type TermLabeller = (id: string) => string;

/** Options shared by {@link topicMap} and {@link corpusMap}. */
export interface MapSelectionOptions {
  /**
   * Corpus-level specificity of a term (e.g. `Term.score`, 0 when unknown): when given, terms are
   * ranked by c-TF-IDF × (0.25 + specificity) instead of c-TF-IDF alone, so that frequent but
   * generic words (`influence`, `implication`) give way to specific terms.
   */
  termScore?: (id: string) => number | undefined;
}

/** The ranking re-ordered by c-TF-IDF × (0.25 + specificity) when a specificity is known (stable). */
export function rerank(ranking: readonly ClassTerm[], termScore?: (id: string) => number | undefined): ClassTerm[] {
  if (!termScore) return [...ranking];
  const value = (t: ClassTerm): number => t.weight * (0.25 + Math.max(0, termScore(t.term) ?? 0));
  return ranking
    .map((t, i) => ({ t, i, v: value(t) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.t);
}

/** Options of {@link topicMap}. */
export interface TopicMapOptions extends LayoutOptions, MapSelectionOptions {
  /** Most nodes (default 80). */
  maxNodes?: number;
  /** Most links kept per node (default 5). */
  maxLinksPerNode?: number;
}

/** Font size (px) the map's term labels are laid out for (as the map component draws them). */
export const TERM_LABEL_PX = 12.5;
/** Font size (px) the corpus map's topic labels are laid out for. */
export const PLACE_LABEL_PX = 13;

/** Radius of a term's circle: area proportional to its papers, 14 px for the heaviest, at least 3.5 px. */
export function nodeRadius(weight: number, maxWeight: number): number {
  return Math.max(3.5, 14 * Math.sqrt(maxWeight > 0 ? Math.max(0, weight) / maxWeight : 0));
}

/** How many terms a topic map of a topic with `size` papers shows: clamp(2 × size, 15, maxNodes). */
export function topicMapSize(size: number, maxNodes = 80): number {
  return Math.min(maxNodes, Math.max(15, 2 * size));
}


/**
 * Louvain sub-clusters of a term graph (link weight = association strength, seeded), numbered
 * 0..k-1 by size descending, then by the position of their first member in `order`.
 */
export function termClusters(order: readonly string[], links: readonly MapLink[], seed = DEFAULT_SEED): Map<string, number> {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of order) graph.addNode(id);
  for (const link of links) {
    if (graph.hasNode(link.source) && graph.hasNode(link.target) && !graph.hasEdge(link.source, link.target)) {
      graph.addEdge(link.source, link.target, { weight: link.strength });
    }
  }
  const raw = graph.size > 0 ? louvain(graph, { rng: mulberry32(seed), getEdgeWeight: 'weight' }) : {};
  const groups = new Map<string, string[]>();
  for (const id of order) {
    const key = id in raw ? `c${raw[id]}` : `n${id}`;
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  }
  const position = new Map(order.map((id, i) => [id, i]));
  const ranked = [...groups.values()].sort(
    (a, b) => b.length - a.length || (position.get(a[0] ?? '') ?? 0) - (position.get(b[0] ?? '') ?? 0),
  );
  const cluster = new Map<string, number>();
  ranked.forEach((members, c) => members.forEach((id) => cluster.set(id, c)));
  return cluster;
}

/** Nodes sorted by weight descending, then term id. */
function sortNodes(nodes: MapNode[]): MapNode[] {
  return nodes.sort((a, b) => b.weight - a.weight || compareText(a.term, b.term));
}

/**
 * The term map of one topic: its top terms by c-TF-IDF (`topicMapSize` of them, preferring terms
 * used by ≥ 2 of its papers and filling with single-paper terms only up to 15 nodes) sized by how
 * many of the topic's papers use them, linked by association strength over the topic's papers
 * (pairs in ≥ 2 papers for topics of ≥ 10 papers; top 5 links per node), Louvain sub-clusters.
 */
export function topicMap(
  paperTerms: readonly (readonly string[])[],
  ranking: readonly ClassTerm[],
  label: TermLabeller,
  options: TopicMapOptions = {},
): TermMap {
  const size = paperTerms.length;
  const limit = topicMapSize(size, options.maxNodes ?? 80);
  const ranked = rerank(ranking, options.termScore);
  const shared = ranked.filter((t) => t.count >= 2).slice(0, limit);
  const single = ranked.filter((t) => t.count < 2).slice(0, Math.max(0, Math.min(limit, 15) - shared.length));
  const chosen = [...shared, ...single].map((t) => t.term);
  const co = cooccurrence(paperTerms, chosen, {
    minCount: size >= 10 ? 2 : 1,
    maxLinksPerNode: options.maxLinksPerNode ?? 5,
  });
  const terms = chosen.filter((t) => co.frequency.has(t));
  const order = [...terms].sort((a, b) => (co.frequency.get(b) ?? 0) - (co.frequency.get(a) ?? 0) || compareText(a, b));
  const clusters = termClusters(order, co.links, options.seed);
  // A topic map has no label nodes: only the map's own fields, not place()'s empty `extra`.
  const { nodes, links, width, height } = place(
    order.map((term) => ({ term, label: label(term), weight: co.frequency.get(term) ?? 0, x: 0, y: 0, cluster: clusters.get(term) ?? 0 })),
    co.links,
    options,
  );
  return { nodes, links, width, height };
}

/** Lays the nodes (and any extra label nodes, each tied to its cluster's terms) out and returns the finished map. */
function place(nodes: MapNode[], links: MapLink[], options: LayoutOptions, extra: LayoutNode[] = []): TermMap & { extra: Map<string, { x: number; y: number }> } {
  const maxWeight = Math.max(0, ...nodes.map((n) => n.weight));
  const layoutNodes: LayoutNode[] = [
    ...nodes.map((n) => ({ id: n.term, label: n.label, fontSize: TERM_LABEL_PX, radius: nodeRadius(n.weight, maxWeight), cluster: n.cluster })),
    ...extra,
  ];
  // Extra (label) nodes are tied to their cluster's terms as strongly as the strongest link.
  const clusterOfExtra = new Map(extra.map((e) => [e.cluster, e.id]));
  const strongest = Math.max(1, ...links.map((l) => l.strength));
  const extraLinks = nodes.flatMap((n) => {
    const id = clusterOfExtra.get(n.cluster);
    return id === undefined ? [] : [{ source: id, target: n.term, strength: strongest }];
  });
  const positioned = layout(layoutNodes, [...links, ...extraLinks], options);
  for (const n of nodes) {
    const p = positioned.positions.get(n.term);
    n.x = p?.x ?? 0;
    n.y = p?.y ?? 0;
  }
  const extraPositions = new Map<string, { x: number; y: number }>();
  for (const e of extra) extraPositions.set(e.id, positioned.positions.get(e.id) ?? { x: 0, y: 0 });
  return { nodes: sortNodes(nodes), links, width: positioned.width, height: positioned.height, extra: extraPositions };
}

/** A topic as the corpus map needs it. */
export interface CorpusMapTopic {
  id: string;
  label: string;
  /** The topic's c-TF-IDF ranking (best first). */
  ranking: readonly ClassTerm[];
}

/** Where a topic's label goes on the corpus map. */
export interface TopicCentre {
  topic: string;
  label: string;
  /** Index of the topic (the `cluster` of its terms). */
  cluster: number;
  x: number;
  y: number;
}

/** The corpus map: a term map whose clusters are topics, plus the topics' label positions. */
export interface CorpusMap extends TermMap {
  centres: TopicCentre[];
}

/** Options of {@link corpusMap}. */
export interface CorpusMapOptions extends LayoutOptions, MapSelectionOptions {
  /** Fewest and most terms per topic (default 6 and 10). */
  perTopic?: readonly [number, number];
  /** Total node budget that sets terms per topic within `perTopic` (default 600). */
  maxNodes?: number;
  /** Most links kept per node (default 3). */
  maxLinksPerNode?: number;
}

/**
 * The map of the whole corpus: each topic's strongest terms (clamp(maxNodes / topics, 6, 10) of
 * them, used by ≥ 2 of its papers where possible; a term several topics rank goes to the one
 * weighting it most) sized by corpus paper count, cluster = topic index, links by association
 * strength over all papers (pairs in ≥ 2 papers, top 3 per node), and a label node per topic
 * tied to its terms, laid out with cluster cohesion so that topics form regions.
 */
export function corpusMap(
  topics: readonly CorpusMapTopic[],
  paperTerms: readonly (readonly string[])[],
  label: TermLabeller,
  options: CorpusMapOptions = {},
): CorpusMap {
  const [fewest, most] = options.perTopic ?? [6, 10];
  const perTopic = Math.max(fewest, Math.min(most, Math.floor((options.maxNodes ?? 600) / Math.max(1, topics.length))));
  // Each term belongs to the topic that weights it most (ties: the earlier topic).
  const rankings = topics.map((topic) => rerank(topic.ranking, options.termScore).slice(0, 4 * most));
  const owner = new Map<string, { topic: number; weight: number }>();
  rankings.forEach((ranking, t) => {
    for (const term of ranking) {
      const current = owner.get(term.term);
      if (!current || term.weight > current.weight) owner.set(term.term, { topic: t, weight: term.weight });
    }
  });
  const clusterOf = new Map<string, number>();
  rankings.forEach((ranking, t) => {
    const own = ranking.filter((term) => owner.get(term.term)?.topic === t);
    const preferred = [...own.filter((term) => term.count >= 2), ...own.filter((term) => term.count < 2)];
    for (const term of preferred.slice(0, perTopic)) clusterOf.set(term.term, t);
  });
  const co = cooccurrence(paperTerms, clusterOf.keys(), { minCount: 2, maxLinksPerNode: options.maxLinksPerNode ?? 3 });
  const nodes: MapNode[] = [...clusterOf]
    .filter(([term]) => co.frequency.has(term))
    .map(([term, cluster]) => ({ term, label: label(term), weight: co.frequency.get(term) ?? 0, x: 0, y: 0, cluster }));
  // Topic labels are laid out as nodes too (one line per term, bold ≈ 6% wider), so no term covers them.
  const extra: LayoutNode[] = topics.map((topic, t) => ({
    id: `\u0000topic:${t}`,
    label: topic.label.split(LABEL_SEPARATOR).join('\n'),
    fontSize: PLACE_LABEL_PX * 1.06,
    cluster: t,
  }));
  const { extra: centres, ...map } = place(nodes, co.links, { cohesion: 0.3, ...options }, extra);
  return {
    ...map,
    centres: topics.map((topic, t) => ({ topic: topic.id, label: topic.label, cluster: t, ...(centres.get(`\u0000topic:${t}`) ?? { x: 0, y: 0 }) })),
  };
}
