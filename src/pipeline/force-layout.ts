/**
 * Deterministic force-directed layout of a labelled term graph with d3-force: link attraction
 * from association strength, many-body repulsion, centring (or, for clustered maps, pulls towards
 * cluster anchors laid out first) and a
 * rectangular collision force on approximate label boxes, then a final overlap-removal pass,
 * normalisation into a viewBox and rounding to 0.1, so the same input gives the same JSON.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Force,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { DEFAULT_SEED, mulberry32 } from './random';
import { compareText, roundTo } from './order';

/**
 * A node to lay out: a circle of `radius` (0 or absent: none) at (x, y) with its label, set at
 * `fontSize` px, next to it; lines of a multi-line label are separated by "\n".
 */
export interface LayoutNode {
  id: string;
  label: string;
  fontSize: number;
  radius?: number;
  /** Nodes of one cluster are laid out around a common anchor when `cohesion` > 0. */
  cluster: number;
}

/** A link to lay out; `strength` > 0 (e.g. association strength), stronger pulls closer. */
export interface LayoutLink {
  source: string;
  target: string;
  strength: number;
}

/** Options of {@link layout}. */
export interface LayoutOptions {
  /** Smallest viewBox width (default 800); grows when the labels need more room. */
  width?: number;
  /** Smallest viewBox height (default 600). */
  height?: number;
  /** Empty border inside the viewBox (default 20). */
  margin?: number;
  /** Simulation ticks (default 300). */
  ticks?: number;
  /** Seed of the simulation's random source. */
  seed?: number;
  /** Many-body strength (default -60; negative repels). */
  charge?: number;
  /**
   * When > 0, a clustered layout: clusters are first placed as discs (see clusterAnchors), each
   * node starts near its cluster's anchor and is pulled towards it with this strength instead of
   * towards the centre (default 0: one centred layout).
   */
  cohesion?: number;
  /** Largest factor by which a small layout is spread out to fill the viewBox (default 2). */
  maxScale?: number;
}

/** Laid-out positions (label centres) and the viewBox size they fit in. */
export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

/** Width of a character relative to the font size, for the approximate label box. */
export const CHAR_WIDTH = 0.6;
/** Height of a label box relative to the font size. */
export const LINE_HEIGHT = 1.2;
/** Up to this many nodes, many-body repulsion is summed exactly (measured faster here than d3’s Barnes–Hut quadtree for several hundred nodes). */
const EXACT_MANY_BODY_NODES = 700;
/**
 * Overlaps are resolved horizontally unless that needs this many times the vertical move: labels
 * are wide and short, so "least overlap" alone would nearly always stack them and make tall maps.
 */
const HORIZONTAL_BIAS = 1.5;
/** Space kept between label boxes, in px. */
const GAP = 2;

/**
 * The approximate box of a node, centred on it: its label (0.6 × font size per character of the
 * longest line wide, 1.2 × font size per line high) stacked with its circle (diameter 2 × radius).
 */
export function labelBox(label: string, fontSize: number, radius = 0): { width: number; height: number } {
  const lines = label.split('\n');
  const chars = Math.max(...lines.map((line) => [...line].length));
  return {
    width: Math.max(CHAR_WIDTH * fontSize * chars, 2 * radius),
    height: LINE_HEIGHT * fontSize * lines.length + 2 * radius,
  };
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  cluster: number;
  w: number;
  h: number;
}

type SimLink = SimulationLinkDatum<SimNode> & { strength: number };

/**
 * Pushes overlapping boxes (centres xs/ys, sizes ws/hs, plus the gap) apart in place: pairs are
 * found by a sweep over box tops; each pair moves apart along the axis of least overlap (biased
 * towards horizontal moves, see HORIZONTAL_BIAS) by
 * `strength` × (overlap + extra), half each. Returns whether any pair overlapped.
 */
function separate(xs: Float64Array, ys: Float64Array, ws: Float64Array, hs: Float64Array, strength: number, extra: number, random: () => number): boolean {
  const count = xs.length;
  const top = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    top[i] = (ys[i] as number) - (hs[i] as number) / 2;
    order[i] = i;
  }
  order.sort((a, b) => (top[a] as number) - (top[b] as number) || a - b);
  let any = false;
  for (let p = 0; p < count; p += 1) {
    const i = order[p] as number;
    const bottom = (top[i] as number) + (hs[i] as number) + GAP;
    for (let q = p + 1; q < count; q += 1) {
      const j = order[q] as number;
      if ((top[j] as number) >= bottom) break;
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const dx = (xs[a] as number) - (xs[b] as number);
      const dy = (ys[a] as number) - (ys[b] as number);
      const ox = ((ws[a] as number) + (ws[b] as number)) / 2 + GAP - Math.abs(dx);
      const oy = ((hs[a] as number) + (hs[b] as number)) / 2 + GAP - Math.abs(dy);
      if (ox <= 0 || oy <= 0) continue;
      any = true;
      if (ox < HORIZONTAL_BIAS * oy) {
        const push = (Math.sign(dx || random() - 0.5) * (ox + extra) * strength) / 2;
        xs[a] = (xs[a] as number) + push;
        xs[b] = (xs[b] as number) - push;
      } else {
        const push = (Math.sign(dy || random() - 0.5) * (oy + extra) * strength) / 2;
        ys[a] = (ys[a] as number) + push;
        ys[b] = (ys[b] as number) - push;
      }
    }
  }
  return any;
}

/** A collision force for axis-aligned label boxes, acting on the nodes' anticipated positions (x + vx). */
function forceRectCollide(strength: number): Force<SimNode, SimLink> {
  let nodes: SimNode[] = [];
  let random: () => number = Math.random;
  let ws = new Float64Array(0);
  let hs = new Float64Array(0);
  let xs = new Float64Array(0);
  let ys = new Float64Array(0);
  const force = (): void => {
    const count = nodes.length;
    for (let i = 0; i < count; i += 1) {
      const n = nodes[i] as SimNode;
      xs[i] = (n.x ?? 0) + (n.vx ?? 0);
      ys[i] = (n.y ?? 0) + (n.vy ?? 0);
    }
    if (!separate(xs, ys, ws, hs, strength, 0, random)) return;
    for (let i = 0; i < count; i += 1) {
      const n = nodes[i] as SimNode;
      n.vx = (xs[i] as number) - (n.x ?? 0);
      n.vy = (ys[i] as number) - (n.y ?? 0);
    }
  };
  force.initialize = (n: SimNode[], r: () => number): void => {
    nodes = n;
    random = r;
    ws = Float64Array.from(n, (node) => node.w);
    hs = Float64Array.from(n, (node) => node.h);
    xs = new Float64Array(n.length);
    ys = new Float64Array(n.length);
  };
  return force;
}

/**
 * Many-body repulsion summed exactly over all pairs (like d3's forceManyBody with θ = 0): for the
 * few dozen nodes of a topic map this is several times faster than building a quadtree per tick.
 */
function forceManyBodyExact(strength: number, distanceMax: number): Force<SimNode, SimLink> {
  let nodes: SimNode[] = [];
  let random: () => number = Math.random;
  const max2 = distanceMax * distanceMax;
  const force = (alpha: number): void => {
    const count = nodes.length;
    for (let i = 0; i < count; i += 1) {
      const a = nodes[i] as SimNode;
      for (let j = i + 1; j < count; j += 1) {
        const b = nodes[j] as SimNode;
        let x = (b.x ?? 0) - (a.x ?? 0);
        let y = (b.y ?? 0) - (a.y ?? 0);
        if (x === 0) x = (random() - 0.5) * 1e-6;
        if (y === 0) y = (random() - 0.5) * 1e-6;
        let l = x * x + y * y;
        if (l >= max2) continue;
        if (l < 1) l = Math.sqrt(l);
        const k = (strength * alpha) / l;
        a.vx = (a.vx ?? 0) + x * k;
        a.vy = (a.vy ?? 0) + y * k;
        b.vx = (b.vx ?? 0) - x * k;
        b.vy = (b.vy ?? 0) - y * k;
      }
    }
  };
  force.initialize = (n: SimNode[], r: () => number): void => {
    nodes = n;
    random = r;
  };
  return force;
}

/** Golden angle, for phyllotaxis starting positions. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Anchors of the clusters for a clustered layout: a small force layout of one disc per cluster
 * (area 1.6 × its members' label boxes), discs kept apart by collision and pulled together by the
 * summed strength of the links between their members, in a phyllotaxis start by cluster number.
 */
function clusterAnchors(sim: readonly SimNode[], links: readonly SimLink[], random: () => number, ticks: number): Map<number, { x: number; y: number }> {
  const area = new Map<number, number>();
  for (const n of sim) area.set(n.cluster, (area.get(n.cluster) ?? 0) + n.w * n.h);
  const clusters = [...area.keys()].sort((a, b) => a - b);
  const radius = new Map(clusters.map((c) => [c, Math.sqrt((1.6 * (area.get(c) ?? 0)) / Math.PI)]));
  const spacing = 1.2 * (clusters.reduce((sum, c) => sum + (radius.get(c) ?? 0), 0) / Math.max(1, clusters.length));
  type Disc = SimulationNodeDatum & { cluster: number; r: number };
  const discs: Disc[] = clusters.map((cluster, i) => ({
    cluster,
    r: radius.get(cluster) ?? 0,
    x: spacing * Math.sqrt(0.5 + i) * Math.cos(i * GOLDEN_ANGLE),
    y: spacing * Math.sqrt(0.5 + i) * Math.sin(i * GOLDEN_ANGLE),
  }));
  const clusterOf = new Map(sim.map((n) => [n.id, n.cluster]));
  const between = new Map<string, { source: number; target: number; weight: number }>();
  for (const l of links) {
    const a = clusterOf.get(String(l.source));
    const b = clusterOf.get(String(l.target));
    if (a === undefined || b === undefined || a === b) continue;
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source},${target}`;
    const entry = between.get(key) ?? { source, target, weight: 0 };
    entry.weight += l.strength;
    between.set(key, entry);
  }
  const discLinks = [...between.values()].sort((x, y) => x.source - y.source || x.target - y.target);
  const maxWeight = Math.max(1e-9, ...discLinks.map((l) => l.weight));
  const index = new Map(clusters.map((c, i) => [c, i]));
  forceSimulation<Disc>(discs)
    .stop()
    .randomSource(random)
    .force(
      'link',
      forceLink<Disc, SimulationLinkDatum<Disc>>(discLinks.map((l) => ({ source: index.get(l.source) ?? 0, target: index.get(l.target) ?? 0, weight: l.weight })))
        .distance((l) => ((l.source as Disc).r ?? 0) + ((l.target as Disc).r ?? 0))
        .strength((l) => 0.3 * Math.sqrt((l as { weight?: number }).weight ?? 0) / Math.sqrt(maxWeight)),
    )
    .force('collide', forceCollide<Disc>((d) => d.r + GAP).iterations(2))
    .force('x', forceX<Disc>(0).strength(0.03))
    .force('y', forceY<Disc>(0).strength(0.08))
    .tick(ticks);
  return new Map(discs.map((d) => [d.cluster, { x: d.x ?? 0, y: d.y ?? 0 }]));
}

/**
 * Moves overlapping boxes apart directly (no other forces) until none overlap: pairwise pushes,
 * and every 20 rounds that still leave overlaps, a 5% spread of all positions about their mean
 * (which makes room in a crowd where pushes only shuffle). Gives up after `rounds`.
 */
function removeOverlaps(nodes: SimNode[], rounds: number, random: () => number): void {
  const count = nodes.length;
  const xs = Float64Array.from(nodes, (n) => n.x ?? 0);
  const ys = Float64Array.from(nodes, (n) => n.y ?? 0);
  const ws = Float64Array.from(nodes, (n) => n.w);
  const hs = Float64Array.from(nodes, (n) => n.h);
  for (let round = 1; round <= rounds && separate(xs, ys, ws, hs, 1, 0.01, random); round += 1) {
    if (round % 20 !== 0) continue;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < count; i += 1) {
      mx += xs[i] as number;
      my += ys[i] as number;
    }
    mx /= count;
    my /= count;
    for (let i = 0; i < count; i += 1) {
      xs[i] = mx + ((xs[i] as number) - mx) * 1.05;
      ys[i] = my + ((ys[i] as number) - my) * 1.05;
    }
  }
  nodes.forEach((n, i) => {
    n.x = xs[i] as number;
    n.y = ys[i] as number;
  });
}


/**
 * Lays out labelled nodes with d3-force (fixed ticks, seeded random source, phyllotaxis start in
 * the order largest circle first, then largest font, then id), removes remaining label overlaps, spreads a small layout
 * up to `maxScale` to fill the viewBox (or grows the viewBox when the labels need more room) and
 * centres it. Coordinates are label centres rounded to 0.1; labels keep a 2 px gap after rounding.
 */
export function layout(nodes: readonly LayoutNode[], links: readonly LayoutLink[], options: LayoutOptions = {}): LayoutResult {
  const minWidth = options.width ?? 800;
  const minHeight = options.height ?? 600;
  const margin = options.margin ?? 20;
  const ticks = options.ticks ?? 300;
  const random = mulberry32(options.seed ?? DEFAULT_SEED);

  const sorted = [...nodes].sort((a, b) => (b.radius ?? 0) - (a.radius ?? 0) || b.fontSize - a.fontSize || compareText(a.id, b.id));
  const sim: SimNode[] = sorted.map((n) => {
    const box = labelBox(n.label, n.fontSize, n.radius);
    return { id: n.id, cluster: n.cluster, w: box.width, h: box.height };
  });
  const known = new Set(sim.map((n) => n.id));
  const simLinks: SimLink[] = links
    .filter((l) => known.has(l.source) && known.has(l.target) && l.source !== l.target && l.strength > 0)
    .map((l) => ({ source: l.source, target: l.target, strength: l.strength }))
    .sort((a, b) => compareText(String(a.source), String(b.source)) || compareText(String(a.target), String(b.target)));
  const maxStrength = Math.max(1e-9, ...simLinks.map((l) => l.strength));
  const degree = new Map<string, number>();
  for (const l of simLinks) {
    degree.set(String(l.source), (degree.get(String(l.source)) ?? 0) + 1);
    degree.set(String(l.target), (degree.get(String(l.target)) ?? 0) + 1);
  }
  const byId = new Map(sim.map((n) => [n.id, n]));

  const cohesion = options.cohesion ?? 0;
  const anchors = cohesion > 0 ? clusterAnchors(sim, simLinks, random, ticks) : null;
  if (anchors) {
    // Start every node near its anchor, in a small phyllotaxis per cluster, largest box first.
    const seen = new Map<number, number>();
    for (const n of [...sim].sort((a, b) => b.w * b.h - a.w * a.h || compareText(a.id, b.id))) {
      const k = seen.get(n.cluster) ?? 0;
      seen.set(n.cluster, k + 1);
      const anchor = anchors.get(n.cluster) ?? { x: 0, y: 0 };
      n.x = anchor.x + 10 * Math.sqrt(0.5 + k) * Math.cos(k * GOLDEN_ANGLE);
      n.y = anchor.y + 10 * Math.sqrt(0.5 + k) * Math.sin(k * GOLDEN_ANGLE);
    }
  }
  const anchorOf = (n: SimNode): { x: number; y: number } => anchors?.get(n.cluster) ?? { x: 0, y: 0 };
  const simulation = forceSimulation<SimNode, SimLink>().stop().randomSource(random).nodes(sim);
  simulation
    .force(
      'link',
      forceLink<SimNode, SimLink>(simLinks)
        .id((n) => n.id)
        .distance((l) => {
          const s = byId.get(typeof l.source === 'object' ? l.source.id : String(l.source));
          const t = byId.get(typeof l.target === 'object' ? l.target.id : String(l.target));
          return ((s?.w ?? 0) + (t?.w ?? 0)) / 4 + 20;
        })
        .strength((l) => {
          const s = typeof l.source === 'object' ? l.source.id : String(l.source);
          const t = typeof l.target === 'object' ? l.target.id : String(l.target);
          const base = 1 / Math.min(degree.get(s) ?? 1, degree.get(t) ?? 1);
          return base * (0.2 + 0.8 * Math.min(1, l.strength / maxStrength));
        }),
    )
    .force(
      'charge',
      sim.length <= EXACT_MANY_BODY_NODES
        ? forceManyBodyExact(options.charge ?? -60, 500)
        : forceManyBody<SimNode>().strength(options.charge ?? -60).distanceMax(500),
    )
    // Gravity (towards the centre, or the cluster's anchor) stronger along y than x, so that maps
    // come out about as wide as 4:3 viewports.
    .force('x', forceX<SimNode>((n) => anchorOf(n).x).strength(anchors ? cohesion : 0.03))
    .force('y', forceY<SimNode>((n) => anchorOf(n).y).strength(anchors ? cohesion : 0.08))
    .force('center', forceCenter<SimNode>(0, 0))
    .force('collide', forceRectCollide(0.8));
  simulation.tick(ticks);
  removeOverlaps(sim, 1000, random);

  // Fit: spread by s ≥ 1 (capped) when the layout is small, else keep s = 1 and grow the viewBox.
  const extent = (s: number): [number, number, number, number] => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of sim) {
      x0 = Math.min(x0, s * (n.x ?? 0) - n.w / 2);
      x1 = Math.max(x1, s * (n.x ?? 0) + n.w / 2);
      y0 = Math.min(y0, s * (n.y ?? 0) - n.h / 2);
      y1 = Math.max(y1, s * (n.y ?? 0) + n.h / 2);
    }
    return sim.length > 0 ? [x0, y0, x1, y1] : [0, 0, 0, 0];
  };
  const fits = (s: number): boolean => {
    const [x0, y0, x1, y1] = extent(s);
    return x1 - x0 <= minWidth - 2 * margin && y1 - y0 <= minHeight - 2 * margin;
  };
  let scale = 1;
  if (fits(1)) {
    let lo = 1;
    let hi = options.maxScale ?? 2;
    if (fits(hi)) lo = hi;
    else for (let i = 0; i < 30; i += 1) (fits((lo + hi) / 2) ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
    scale = lo;
  }
  const [x0, y0, x1, y1] = extent(scale);
  const width = Math.max(minWidth, Math.ceil(x1 - x0 + 2 * margin));
  const height = Math.max(minHeight, Math.ceil(y1 - y0 + 2 * margin));
  const offsetX = width / 2 - (x0 + x1) / 2;
  const offsetY = height / 2 - (y0 + y1) / 2;
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of [...sim].sort((a, b) => compareText(a.id, b.id))) {
    positions.set(n.id, { x: roundTo(scale * (n.x ?? 0) + offsetX, 1), y: roundTo(scale * (n.y ?? 0) + offsetY, 1) });
  }
  return { positions, width, height };
}

