/**
 * The paper map's data for the browser, from the build-time layout (`corpus.paperMap`): quantized coordinates
 * and the arrival of every paper in one small binary file, the topics (disc, label, link, colour, where their
 * papers start in the point order), titles in chunks loaded when needed, and an id → point lookup split by the
 * id's first character (for links to one paper). Pure: plain data in, plain data out.
 */

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
  /** Palette index, chosen so that touching topics differ. */
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
/** Colours the map cycles through (the browser and the overview share the palette). */
export const MAP_PALETTE_SIZE = 10;

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
  const colours = discColours(discs);
  return {
    meta: {
      count: n,
      width: Math.round((maxX - minX) * scale),
      height: Math.round((maxY - minY) * scale),
      digestBytes,
      chunk: TITLE_CHUNK,
      topics: discs.map((d, i) => ({ ...d, colour: colours[i] ?? 0 })),
      digests: [...input.digests],
    },
    points,
    titleChunks,
    idBuckets,
    pointOf,
  };
}

/**
 * A palette index per disc, largest first, each taking the colour least used among the discs near it (within
 * half a radius of touching), so that neighbouring topics differ; ties go to the colour least used so far.
 */
export function discColours(discs: readonly { x: number; y: number; r: number; count: number }[]): number[] {
  const order = discs.map((_, i) => i).sort((a, b) => (discs[b]?.count ?? 0) - (discs[a]?.count ?? 0) || a - b);
  const colour = new Array<number>(discs.length).fill(-1);
  const total = new Array<number>(MAP_PALETTE_SIZE).fill(0);
  for (const i of order) {
    const d = discs[i] as { x: number; y: number; r: number };
    const used = new Array<number>(MAP_PALETTE_SIZE).fill(0);
    discs.forEach((o, j) => {
      const c = colour[j] as number;
      if (c < 0 || j === i) return;
      const gap = Math.hypot(o.x - d.x, o.y - d.y) - o.r - d.r;
      if (gap < 0.5 * Math.max(o.r, d.r)) used[c] = (used[c] ?? 0) + 1;
    });
    let best = 0;
    for (let c = 1; c < MAP_PALETTE_SIZE; c += 1) {
      const fewer = (used[c] ?? 0) - (used[best] ?? 0) || (total[c] ?? 0) - (total[best] ?? 0);
      if (fewer < 0) best = c;
    }
    colour[i] = best;
    total[best] = (total[best] ?? 0) + 1;
  }
  return colour;
}

/** Which topics the overview labels: largest first, each where its label box (estimated) overlaps none placed. */
export function overviewLabels(topics: readonly MapTopic[], unitsPerChar: number, lineUnits: number): number[] {
  const order = topics.map((_, i) => i).sort((a, b) => (topics[b]?.count ?? 0) - (topics[a]?.count ?? 0) || a - b);
  const boxes: [number, number, number, number][] = [];
  const chosen: number[] = [];
  for (const i of order) {
    const t = topics[i] as MapTopic;
    const half = (t.label.length * unitsPerChar) / 2;
    const box: [number, number, number, number] = [t.x - half, t.y - lineUnits / 2, t.x + half, t.y + lineUnits / 2];
    if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    boxes.push(box);
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}
