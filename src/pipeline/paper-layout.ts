/**
 * Where every paper sits on the paper map, in two levels so that 20,000 papers take about a second:
 * 1. topics become discs (area ∝ papers) placed by classical MDS of the topic graph (the summed kNN weight between
 *    their papers; see `topic-embedding.ts`), then pushed apart by collision so discs never overlap;
 * 2. inside each disc, the topic's papers are laid out by a small force layout of the kNN edges among them,
 *    started on a disc (the most central papers in the middle, each at an angle fixed by its id) and pulled towards
 *    the side of the disc that faces the other topics they have neighbours in; the result is scaled to fill the disc.
 * Deterministic: fixed starting points, a seeded random source, a fixed number of ticks. With the previous build's
 * disc places (`options.previous`, see `layout-seed.ts`) discs start where their papers were, so a new digest moves
 * the map little; a paper's place in its disc depends only on its topic's papers and their neighbours' discs.
 */
import { forceCollide, forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { DEFAULT_SEED, mulberry32 } from './random';
import { classicalMds, graphDistances, hash32, orientByKeys } from './topic-embedding';
import { isSeeded, previousPlaces, seedTargets, type SeedTopic } from './layout-seed';

/** An undirected kNN edge over paper indices (as `knnGraph` gives). */
export interface LayoutEdge {
  source: number;
  target: number;
  weight: number;
}

/** A topic as the layout needs it: id, paper ids (most central first) and, optionally, its area's id. */
export interface LayoutTopic {
  id: string;
  papers: readonly string[];
  /** Topics of one area are drawn together: their distances in the topic embedding are shorter than across areas. */
  area?: string;
}

/** A topic's disc on the map. */
export interface TopicDisc {
  topic: string;
  x: number;
  y: number;
  r: number;
  /** How many papers the disc holds (they are the next `count` entries of {@link PaperLayout.papers}). */
  count: number;
}

/** The paper map: papers grouped by topic (in `topics` order, most central first), with coordinates. */
export interface PaperLayout {
  papers: string[];
  x: number[];
  y: number[];
  topics: TopicDisc[];
}

/** Options of {@link paperLayout}. */
export interface PaperLayoutOptions {
  /** Force ticks of the topic layout (default 200). */
  topicTicks?: number;
  /** Force ticks of each topic's paper layout (default 60). */
  paperTicks?: number;
  seed?: number;
  /** The previous build's topics and where their discs were (topic id → [x, y]; '' for the papers of no topic): the layout starts from there. */
  previous?: { topics: readonly SeedTopic[]; places: Readonly<Record<string, readonly [number, number]>> } | null;
}

/** Gap between topic discs, in units of the paper spacing. */
const DISC_GAP = 1.5;

/** Disc radius of a topic with n papers: about one unit of area per paper. */
export function discRadius(n: number): number {
  return Math.sqrt(Math.max(1, n) / Math.PI) * 1.6;
}

/** Rounds to 2 decimals, for compact, stable JSON. */
const round2 = (v: number) => Math.round(v * 100) / 100 || 0;

interface Node extends SimulationNodeDatum {
  i: number;
  r: number;
}

/**
 * Lays out every paper: `paperIds[i]` is paper i of `knn`; each paper is placed in the disc of the topic
 * listing it (papers no topic lists form one more group, with topic id '').
 */
export function paperLayout(
  paperIds: readonly string[],
  edges: readonly LayoutEdge[],
  topics: readonly LayoutTopic[],
  options: PaperLayoutOptions = {},
): PaperLayout {
  // Canonical edge order (source < target, sorted), so sums and forces do not depend on the order given.
  const knn = edges
    .map((e) => ({ source: Math.min(e.source, e.target), target: Math.max(e.source, e.target), weight: e.weight }))
    .sort((a, b) => a.source - b.source || a.target - b.target);
  const index = new Map(paperIds.map((id, i) => [id, i]));
  const groups = topics.map((t) => ({ id: t.id, area: t.area ?? '', members: t.papers.flatMap((id) => (index.has(id) ? [index.get(id) as number] : [])) }));
  const groupOf = new Int32Array(paperIds.length).fill(-1);
  groups.forEach((g, k) => g.members.forEach((p) => (groupOf[p] = k)));
  const leftover = paperIds.flatMap((_, p) => (groupOf[p] === -1 ? [p] : []));
  if (leftover.length > 0) {
    leftover.forEach((p) => (groupOf[p] = groups.length));
    groups.push({ id: '', area: '', members: leftover });
  }
  const previous = options.previous;
  const before = previous ? previousPlaces(groups.map((g) => g.members.map((p) => paperIds[p] as string)), previous.topics, previous.places) : null;
  // The papers of no topic are in no topic of the state either: their disc starts where that disc was.
  const none = previous?.places[''];
  if (before && none && groups.at(-1)?.id === '') before[groups.length - 1] = { x: none[0], y: none[1], papers: leftover.length };
  const discs = placeDiscs(groups, groupOf, knn, before, options);
  const x = new Float64Array(paperIds.length);
  const y = new Float64Array(paperIds.length);
  const adjacency = neighbours(paperIds.length, knn);
  groups.forEach((g, k) => {
    const disc = discs[k] as { x: number; y: number; r: number };
    const local = placePapers(g.members, k, disc, discs, groupOf, adjacency, (p) => paperIds[p] as string, (options.seed ?? DEFAULT_SEED) ^ hash32(g.id), options);
    g.members.forEach((p, j) => {
      x[p] = disc.x + (local[2 * j] as number);
      y[p] = disc.y + (local[2 * j + 1] as number);
    });
  });
  const order = groups.flatMap((g) => g.members);
  return {
    papers: order.map((p) => paperIds[p] as string),
    x: order.map((p) => round2(x[p] as number)),
    y: order.map((p) => round2(y[p] as number)),
    topics: groups.map((g, k) => ({ topic: g.id, x: round2(discs[k]?.x ?? 0), y: round2(discs[k]?.y ?? 0), r: round2(discs[k]?.r ?? 0), count: g.members.length })),
  };
}

/** Each paper's neighbours with weights, both directions. */
function neighbours(n: number, knn: readonly LayoutEdge[]): { other: number; weight: number }[][] {
  const adj = Array.from({ length: n }, () => [] as { other: number; weight: number }[]);
  for (const e of knn) {
    adj[e.source]?.push({ other: e.target, weight: e.weight });
    adj[e.target]?.push({ other: e.source, weight: e.weight });
  }
  return adj;
}

/** Places the topic discs: an MDS embedding of the topic graph as targets, then collision so no discs overlap. */
function placeDiscs(
  groups: readonly { id: string; area: string; members: number[] }[],
  groupOf: Int32Array,
  knn: readonly LayoutEdge[],
  before: readonly { x: number; y: number; papers: number }[] | null,
  options: PaperLayoutOptions,
): Node[] {
  const k = groups.length;
  const between = new Map<number, number>();
  const outgoing = new Float64Array(k);
  for (const e of knn) {
    const a = groupOf[e.source] as number;
    const b = groupOf[e.target] as number;
    if (a === b || a < 0 || b < 0) continue;
    const key = Math.min(a, b) * k + Math.max(a, b);
    between.set(key, (between.get(key) ?? 0) + e.weight);
    outgoing[a] = (outgoing[a] ?? 0) + e.weight;
    outgoing[b] = (outgoing[b] ?? 0) + e.weight;
  }
  const radii = groups.map((g) => discRadius(g.members.length));
  // Targets: classical MDS of the topic graph's shortest paths, an edge's length being −ln of its strength
  // (kNN weight between the two topics over the geometric mean of their outside weights).
  const edges = [...between]
    .sort((a, b) => a[0] - b[0])
    .map(([key, w]) => {
      const a = Math.floor(key / k);
      const b = key % k;
      const strength = Math.min(1, w / Math.sqrt((outgoing[a] ?? 1) * (outgoing[b] ?? 1)));
      return { a, b, length: 0.1 - Math.log(strength) };
    });
  const areas = radii.map((r) => r * r);
  const embedded = orientByKeys(
    classicalMds(areaGaps(graphDistances(k, edges), groups.map((g) => g.area)), k, areas),
    groups.map((g, i) => g.id || `#${i}`),
    areas,
  );
  // Scale the embedding so that its spread is about that of the discs packed with some room.
  let rms = 0;
  for (let i = 0; i < k; i += 1) rms += ((embedded[2 * i] as number) ** 2 + (embedded[2 * i + 1] as number) ** 2) / k;
  const spread = Math.sqrt(radii.reduce((s, r) => s + r * r, 0)) * 0.9;
  const scale = rms > 0 ? spread / Math.sqrt(rms) : 0;
  const tx = Float64Array.from({ length: k }, (_, i) => (embedded[2 * i] as number) * scale);
  const ty = Float64Array.from({ length: k }, (_, i) => (embedded[2 * i + 1] as number) * scale);
  // Weakly linked topics land far out: bring targets beyond 1.2 × the 80th-percentile distance to that circle.
  const far = Float64Array.from({ length: k }, (_, i) => Math.hypot(tx[i] as number, ty[i] as number));
  const limit = 1.2 * ([...far].sort((a, b) => a - b)[Math.floor(0.8 * (k - 1))] ?? 0);
  for (let i = 0; i < k; i += 1) {
    const d = far[i] as number;
    if (d > limit && d > 0) {
      tx[i] = ((tx[i] as number) * limit) / d;
      ty[i] = ((ty[i] as number) * limit) / d;
    }
  }
  if (before) {
    // Seeded: discs whose papers had places start there, the others' targets mapped onto that frame.
    const seeded = seedTargets(Float64Array.from({ length: 2 * k }, (_, j) => ((j % 2 ? ty : tx)[j >> 1] as number)), groups.map((g) => g.members.length), before);
    for (let i = 0; i < k; i += 1) [tx[i], ty[i]] = [seeded[2 * i] as number, seeded[2 * i + 1] as number];
  }
  const nodes: Node[] = groups.map((_, i) => ({ i, r: radii[i] as number, x: tx[i] as number, y: ty[i] as number }));
  // Every disc seeded and none overlapping (the same topics as last time): they stay exactly where they were.
  if (before && groups.every((g, i) => isSeeded(before[i], g.members.length)) && !overlapping(nodes)) return nodes;
  // Discs start on their targets and are pushed apart by collision while pulled back towards them.
  const simulation = forceSimulation<Node>(nodes)
    .stop()
    .randomSource(mulberry32(options.seed ?? DEFAULT_SEED))
    .force('collide', forceCollide<Node>((d) => d.r + DISC_GAP / 2).strength(0.8).iterations(2))
    .force('x', forceX<Node>((d) => tx[d.i] as number).strength(0.05))
    .force('y', forceY<Node>((d) => ty[d.i] as number).strength(0.05));
  simulation.tick(options.topicTicks ?? 200);
  // A last pass of collision alone: the discs must not overlap at all.
  simulation.force('x', null).force('y', null).tick(30);
  // Centre the map on the discs' area-weighted mean.
  const area = nodes.reduce((s, d) => s + d.r * d.r, 0);
  const cx = nodes.reduce((s, d) => s + (d.x ?? 0) * d.r * d.r, 0) / area;
  const cy = nodes.reduce((s, d) => s + (d.y ?? 0) * d.r * d.r, 0) / area;
  // Rounded as stored, so that papers are placed from the disc places the next build starts from.
  for (const d of nodes) {
    d.x = round2((d.x ?? 0) - cx);
    d.y = round2((d.y ?? 0) - cy);
  }
  return nodes;
}

/** Whether any two discs overlap. */
function overlapping(nodes: readonly Node[]): boolean {
  return nodes.some((a, i) => nodes.some((b, j) => j > i && Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0)) < a.r + b.r));
}

/** Added to the distance of two topics in different areas, as a share of the mean distance: keeps areas together. */
const AREA_GAP = 1;

/**
 * The topic distances with {@link AREA_GAP} × their mean added between topics of different areas (topics with no
 * area, '', count as different from every other), so that the embedding keeps each area's topics together.
 */
export function areaGaps(distances: Float64Array, areaOf: readonly string[]): Float64Array {
  const k = areaOf.length;
  if (k < 2 || areaOf.every((a) => a === '')) return distances;
  let mean = 0;
  for (const d of distances) mean += d / (k * (k - 1));
  const out = Float64Array.from(distances);
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      if (i !== j && (areaOf[i] === '' || areaOf[i] !== areaOf[j])) out[i * k + j] = (out[i * k + j] as number) + AREA_GAP * mean;
    }
  }
  return out;
}

/** Lays out one topic's papers around (0, 0) within its disc radius: [x0, y0, x1, y1, …] in `members` order. */
function placePapers(
  members: readonly number[],
  k: number,
  disc: { r: number },
  discs: readonly Node[],
  groupOf: Int32Array,
  adjacency: readonly { other: number; weight: number }[][],
  idOf: (p: number) => string,
  seed: number,
  options: PaperLayoutOptions,
): Float64Array {
  const n = members.length;
  const out = new Float64Array(2 * n);
  if (n === 1) return out;
  const local = new Map(members.map((p, j) => [p, j]));
  const self = discs[k] as Node;
  // Start: distance from the centre by centrality rank (even density), angle from the paper's id (so a paper's
  // start moves little when its rank shifts as papers arrive).
  const nodes: Node[] = members.map((p, j) => {
    const radius = disc.r * Math.sqrt((j + 0.5) / n);
    const angle = (hash32(idOf(p)) / 0x100000000) * 2 * Math.PI;
    return { i: j, r: 0, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  // Where each paper is pulled (see below); links pull kNN neighbours together.
  const tx = new Float64Array(n);
  const ty = new Float64Array(n);
  const links: { source: number; target: number; weight: number }[] = [];
  members.forEach((p, j) => {
    let total = 0;
    let ox = 0;
    let oy = 0;
    let outside = 0;
    for (const { other, weight } of adjacency[p] ?? []) {
      total += weight;
      const g = groupOf[other] as number;
      if (g === k) {
        const o = local.get(other) as number;
        if (o > j) links.push({ source: j, target: o, weight });
        continue;
      }
      const d = discs[g] as Node;
      const dx = (d.x ?? 0) - (self.x ?? 0);
      const dy = (d.y ?? 0) - (self.y ?? 0);
      const len = Math.hypot(dx, dy) || 1;
      ox += (weight * dx) / len;
      oy += (weight * dy) / len;
      outside += weight;
    }
    // Its place on the spiral, moved towards the rim that faces its outside neighbours by their share.
    const share = total > 0 ? outside / total : 0;
    const len = Math.hypot(ox, oy) || 1;
    const start = nodes[j] as Node;
    tx[j] = (start.x ?? 0) * (1 - share) + (ox / len) * disc.r * share;
    ty[j] = (start.y ?? 0) * (1 - share) + (oy / len) * disc.r * share;
  });
  const spacing = disc.r / Math.sqrt(n);
  forceSimulation<Node>(nodes)
    .stop()
    .randomSource(mulberry32(seed))
    .force(
      'link',
      forceLink<Node, { source: number; target: number; weight: number }>(links)
        .id((d) => d.i)
        .distance(spacing)
        .strength((l) => 0.3 * l.weight),
    )
    .force('x', forceX<Node>((d) => tx[d.i] as number).strength(0.08))
    .force('y', forceY<Node>((d) => ty[d.i] as number).strength(0.08))
    .tick(options.paperTicks ?? 60);
  // Centre on the mean and squeeze radially into the disc: the 90th-percentile distance goes to 0.72 r
  // (tanh 0.9), farther papers towards the rim, so a few outliers do not shrink the rest.
  let mx = 0;
  let my = 0;
  for (const d of nodes) {
    mx += d.x ?? 0;
    my += d.y ?? 0;
  }
  mx /= n;
  my /= n;
  const dist = nodes.map((d) => Math.hypot((d.x ?? 0) - mx, (d.y ?? 0) - my));
  const sorted = Float64Array.from(dist).sort();
  const d90 = sorted[Math.min(n - 1, Math.floor(0.9 * n))] || 1;
  nodes.forEach((d, j) => {
    const r = dist[j] as number;
    const to = r > 0 ? (disc.r * Math.tanh((0.9 * r) / d90)) / r : 0;
    out[2 * j] = ((d.x ?? 0) - mx) * to;
    out[2 * j + 1] = ((d.y ?? 0) - my) * to;
  });
  return out;
}
