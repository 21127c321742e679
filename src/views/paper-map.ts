/**
 * The paper map's data for the browser, from the build-time layout (`corpus.paperMap`): quantized coordinates
 * and the arrival of every paper in one small binary file, the topics (disc, label, link, area, colour and shade,
 * where their papers start in the point order), the areas (label spot, bounding circle, colour), titles in chunks
 * loaded when needed, and an id → point lookup split by the id's first character (for links to one paper). Pure:
 * plain data in, plain data out.
 */
import { MAP_SHADES } from '../client/paper-map-data';

/** The layout as stored in the corpus entry (see `src/pipeline/paper-layout.ts`). */
export interface StoredPaperLayout {
  papers: string[];
  x: number[];
  y: number[];
  topics: { topic: string; x: number; y: number; r: number; count: number }[];
}

/** Input of {@link paperMapView}. */
export interface PaperMapInput {
  layout: StoredPaperLayout;
  papers: ReadonlyMap<string, { slug: string; title: string; firstDigest: number }>;
  topics: ReadonlyMap<string, { label: string; href: string }>;
  /** The areas (groups of topics), largest first: their topics' ids. */
  areas: readonly { label: string; href: string; topics: readonly string[] }[];
  /** Digest display names in arrival order. */
  digests: readonly string[];
  paperHref: (slug: string) => string;
}

/** A topic as the browser and the overview draw it; x, y, r in quantized map units. */
export interface MapTopic {
  label: string;
  href: string;
  x: number;
  y: number;
  r: number;
  /** First point of the topic and how many follow (points are grouped by topic). */
  start: number;
  count: number;
  /** Palette index: its area's colour (the last index, grey, for papers in no area). */
  colour: number;
  /** Shade of the area's colour (0 to `MAP_SHADES` − 1), chosen so that touching topics of one area differ. */
  shade: number;
  /** Index of its area in {@link PaperMapMeta.areas}, or −1. */
  area: number;
}

/** An area as the browser and the overview draw it; x, y (its label's spot) and r (a circle round its discs) in map units. */
export interface MapArea {
  label: string;
  href: string;
  x: number;
  y: number;
  r: number;
  /** Papers in its topics. */
  count: number;
  /** Palette index, chosen so that touching areas differ. */
  colour: number;
}

/** What the page embeds: everything but the points and titles. */
export interface PaperMapMeta {
  count: number;
  /** Width and height of the map in quantized units (the longer side is {@link MAP_UNITS}). */
  width: number;
  height: number;
  /** Bytes per digest index in the points file (1, or 2 beyond 255 digests). */
  digestBytes: 1 | 2;
  /** Papers per title chunk. */
  chunk: number;
  topics: MapTopic[];
  /** The areas, largest first. */
  areas: MapArea[];
  digests: string[];
}

/** The whole view: meta for the page, the points file, title chunks and id buckets. */
export interface PaperMapView {
  meta: PaperMapMeta;
  /** x (u16 LE) × count, y (u16 LE) × count, first digest (u8 or u16 LE) × count. */
  points: Uint8Array<ArrayBuffer>;
  /** [href, title] of every paper, {@link TITLE_CHUNK} at a time in point order. */
  titleChunks: [string, string][][];
  /** Paper id → point index, by the id's first character. */
  idBuckets: Record<string, Record<string, number>>;
  /** Paper id → point index (for links to a paper's spot). */
  pointOf: Map<string, number>;
}

/** The longer side of the map in quantized units (16-bit coordinates). */
export const MAP_UNITS = 65535;
/** Papers per title chunk: about 15 KB gzipped each. */
export const TITLE_CHUNK = 256;
/** Area colours the map cycles through (the browser and the overview share the palette; one more, grey, is for no area). */
export const MAP_PALETTE_SIZE = 12;

/** Builds the paper map's browser data. */
export function paperMapView(input: PaperMapInput): PaperMapView {
  const { layout } = input;
  const n = layout.papers.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  layout.topics.forEach((t) => {
    minX = Math.min(minX, t.x - t.r);
    minY = Math.min(minY, t.y - t.r);
    maxX = Math.max(maxX, t.x + t.r);
    maxY = Math.max(maxY, t.y + t.r);
  });
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  const scale = MAP_UNITS / Math.max(maxX - minX, maxY - minY, 1e-9);
  const qx = (v: number) => Math.min(MAP_UNITS, Math.max(0, Math.round((v - minX) * scale)));
  const qy = (v: number) => Math.min(MAP_UNITS, Math.max(0, Math.round((v - minY) * scale)));
  const digestBytes = input.digests.length > 255 ? 2 : 1;
  const points = new Uint8Array(n * (4 + digestBytes));
  const view = new DataView(points.buffer);
  const titleChunks: [string, string][][] = [];
  const idBuckets: Record<string, Record<string, number>> = {};
  const pointOf = new Map<string, number>();
  layout.papers.forEach((id, i) => {
    view.setUint16(2 * i, qx(layout.x[i] ?? 0), true);
    view.setUint16(2 * n + 2 * i, qy(layout.y[i] ?? 0), true);
    const paper = input.papers.get(id);
    const digest = paper?.firstDigest ?? 0;
    if (digestBytes === 1) view.setUint8(4 * n + i, digest);
    else view.setUint16(4 * n + 2 * i, digest, true);
    const chunk = (titleChunks[Math.floor(i / TITLE_CHUNK)] ??= []);
    chunk.push([paper ? input.paperHref(paper.slug) : '', paper?.title ?? id]);
    (idBuckets[id.charAt(0)] ??= {})[id] = i;
    pointOf.set(id, i);
  });
  let start = 0;
  const discs = layout.topics.map((t) => {
    const topic = input.topics.get(t.topic);
    const disc = { label: topic?.label ?? 'Other papers', href: topic?.href ?? '', x: qx(t.x), y: qy(t.y), r: Math.round(t.r * scale), start, count: t.count };
    start += t.count;
    return disc;
  });
  const areas = mapAreas(discs, layout.topics.map((t) => t.topic), input.areas);
  const shades = topicShades(discs, areas.areaOf);
  return {
    meta: {
      count: n,
      width: Math.round((maxX - minX) * scale),
      height: Math.round((maxY - minY) * scale),
      digestBytes,
      chunk: TITLE_CHUNK,
      topics: discs.map((d, i) => {
        const area = areas.areaOf[i] ?? -1;
        return { ...d, colour: area >= 0 ? (areas.areas[area]?.colour ?? 0) : MAP_PALETTE_SIZE, shade: shades[i] ?? 0, area };
      }),
      areas: areas.areas,
      digests: [...input.digests],
    },
    points,
    titleChunks,
    idBuckets,
    pointOf,
  };
}

/** A disc: centre, radius and papers. */
type Disc = { x: number; y: number; r: number; count: number };

/**
 * The areas on the map: each area's label spot (the paper-weighted mean of its topics' disc centres, or its largest
 * disc's centre when that mean falls outside its discs), a circle round its discs, and a colour that differs from
 * the areas touching it; and the area index of every disc (−1 for a topic in no area).
 */
export function mapAreas(discs: readonly Disc[], topicIds: readonly string[], areas: PaperMapInput['areas']): { areas: MapArea[]; areaOf: number[] } {
  const index = new Map(areas.flatMap((a, k) => a.topics.map((t) => [t, k] as const)));
  const areaOf = topicIds.map((id) => (id === '' ? -1 : (index.get(id) ?? -1)));
  const circles = areas.map((_, k) => {
    const own = discs.flatMap((d, i) => (areaOf[i] === k && d.count > 0 ? [d] : []));
    const count = own.reduce((s, d) => s + d.count, 0);
    if (count === 0) return { x: 0, y: 0, r: 0, count: 0 };
    let x = own.reduce((s, d) => s + d.x * d.count, 0) / count;
    let y = own.reduce((s, d) => s + d.y * d.count, 0) / count;
    if (!own.some((d) => Math.hypot(d.x - x, d.y - y) <= d.r)) {
      const largest = own.reduce((a, b) => (b.count > a.count ? b : a));
      [x, y] = [largest.x, largest.y];
    }
    const r = own.reduce((m, d) => Math.max(m, Math.hypot(d.x - x, d.y - y) + d.r), 0);
    return { x: Math.round(x), y: Math.round(y), r: Math.round(r), count };
  });
  const colours = discColours(circles, MAP_PALETTE_SIZE);
  return { areas: areas.map((a, k) => ({ label: a.label, href: a.href, ...(circles[k] as Disc), colour: colours[k] ?? 0 })), areaOf };
}

/** A shade per disc: within each area, {@link discColours} over the area's discs with `MAP_SHADES` colours. */
export function topicShades(discs: readonly Disc[], areaOf: readonly number[]): number[] {
  const shade = new Array<number>(discs.length).fill(0);
  for (const area of new Set(areaOf)) {
    const members = discs.flatMap((_, i) => (areaOf[i] === area ? [i] : []));
    discColours(members.map((i) => discs[i] as Disc), MAP_SHADES).forEach((c, j) => (shade[members[j] as number] = c));
  }
  return shade;
}

/**
 * A palette index (of `size`) per disc, largest first, each taking the colour least used among the discs near it
 * (within half a radius of touching), so that neighbours differ; ties go to the colour least used so far.
 */
export function discColours(discs: readonly Disc[], size: number): number[] {
  const order = discs.map((_, i) => i).sort((a, b) => (discs[b]?.count ?? 0) - (discs[a]?.count ?? 0) || a - b);
  const colour = new Array<number>(discs.length).fill(-1);
  const total = new Array<number>(size).fill(0);
  for (const i of order) {
    const d = discs[i] as { x: number; y: number; r: number };
    const used = new Array<number>(size).fill(0);
    discs.forEach((o, j) => {
      const c = colour[j] as number;
      if (c < 0 || j === i) return;
      const gap = Math.hypot(o.x - d.x, o.y - d.y) - o.r - d.r;
      if (gap < 0.5 * Math.max(o.r, d.r)) used[c] = (used[c] ?? 0) + 1;
    });
    let best = 0;
    for (let c = 1; c < size; c += 1) {
      const fewer = (used[c] ?? 0) - (used[best] ?? 0) || (total[c] ?? 0) - (total[best] ?? 0);
      if (fewer < 0) best = c;
    }
    colour[i] = best;
    total[best] = (total[best] ?? 0) + 1;
  }
  return colour;
}

/** Which topics (or areas) the overview labels: largest first, each where its label box (estimated) overlaps none placed. */
export function overviewLabels(topics: readonly { label: string; x: number; y: number; count: number }[], unitsPerChar: number, lineUnits: number): number[] {
  const order = topics.map((_, i) => i).sort((a, b) => (topics[b]?.count ?? 0) - (topics[a]?.count ?? 0) || a - b);
  const boxes: [number, number, number, number][] = [];
  const chosen: number[] = [];
  for (const i of order) {
    const t = topics[i] as { label: string; x: number; y: number };
    const half = (t.label.length * unitsPerChar) / 2;
    const box: [number, number, number, number] = [t.x - half, t.y - lineUnits / 2, t.x + half, t.y + lineUnits / 2];
    if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    boxes.push(box);
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}
