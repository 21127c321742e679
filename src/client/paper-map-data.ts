/**
 * Pure helpers of the paper map in the browser: decoding the points file, the time filter's digest range,
 * greedy label placement without overlaps, the nearest shown point, colours for ImageData, and the page's URL
 * parameters. No DOM, so unit tests cover them.
 */
import type { Quadtree } from 'd3-quadtree';

/** Area colours on a light background (the views' `MAP_PALETTE_SIZE` of them), then grey for papers in no area. */
export const MAP_COLOURS_LIGHT = ['#1f77b4', '#d6620b', '#2a9d2a', '#d62728', '#8c5fbf', '#8c564b', '#d1489f', '#8a8a10', '#119aa8', '#3f4fd1', '#b8860b', '#0f8a6b', '#6b6b6b'];
/** Area colours on a dark background, then grey. */
export const MAP_COLOURS_DARK = ['#6fb3ea', '#ff9f4a', '#6cd46c', '#ff7373', '#c39bf0', '#c99a8d', '#f589c9', '#d6d65a', '#4fd6e6', '#9aa6ff', '#f0c060', '#5fdcb8', '#b4b4b4'];
/** Shades of an area's colour that its topics alternate between (0: the colour itself). */
export const MAP_SHADES = 3;

/** The map's background, light and dark (the page's). */
export const MAP_BACKGROUND = { light: '#ffffff', dark: '#020617' } as const;

/**
 * The colour of a topic's points: its area's colour in one of {@link MAP_SHADES} shades, so that neighbouring topics
 * of one area can be told apart. On light, shades 1 and 2 are darker steps; on dark, shade 1 is lighter and shade 2
 * a step towards the background (every shade keeps 3:1 contrast with the background).
 */
export function mapColour(colour: number, shade: number, dark: boolean): string {
  const palette = dark ? MAP_COLOURS_DARK : MAP_COLOURS_LIGHT;
  const base = palette[Math.min(palette.length - 1, Math.max(0, colour))] as string;
  if (shade === 1) return dark ? mix(base, '#ffffff', 0.7) : mix(base, '#000000', 0.8);
  if (shade === 2) return dark ? mix(base, MAP_BACKGROUND.dark, 0.72) : mix(base, '#000000', 0.6);
  return base;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const v = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [16, 8, 0].map((s) => {
      const c = ((v >> s) & 0xff) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => p - q) as [number, number];
  return (y + 0.05) / (x + 0.05);
}

/** The page's embedded description of the map (see `src/views/paper-map.ts`, `PaperMapMeta`). */
export interface MapMeta {
  count: number;
  width: number;
  height: number;
  digestBytes: 1 | 2;
  chunk: number;
  topics: { label: string; href: string; x: number; y: number; r: number; start: number; count: number; colour: number; shade: number; area: number }[];
  areas: { label: string; href: string; x: number; y: number; r: number; count: number; colour: number }[];
  digests: string[];
}

/** Decoded points: quantized coordinates and the arrival (first digest index) of every paper. */
export interface MapPoints {
  x: Uint16Array;
  y: Uint16Array;
  digest: Uint8Array | Uint16Array;
  /** Topic index of every point (points come grouped by topic). */
  topic: Uint16Array;
}

/** Reads the points file: x × n, y × n (u16 little-endian), then the digest index × n (u8 or u16). */
export function decodePoints(buffer: ArrayBuffer, meta: MapMeta): MapPoints {
  const n = meta.count;
  const expected = n * (4 + meta.digestBytes);
  if (buffer.byteLength !== expected) throw new Error(`points file has ${buffer.byteLength} bytes, expected ${expected}`);
  const view = new DataView(buffer);
  const x = new Uint16Array(n);
  const y = new Uint16Array(n);
  const digest = meta.digestBytes === 1 ? new Uint8Array(n) : new Uint16Array(n);
  for (let i = 0; i < n; i += 1) {
    x[i] = view.getUint16(2 * i, true);
    y[i] = view.getUint16(2 * n + 2 * i, true);
    digest[i] = meta.digestBytes === 1 ? view.getUint8(4 * n + i) : view.getUint16(4 * n + 2 * i, true);
  }
  const topic = new Uint16Array(n);
  meta.topics.forEach((t, k) => topic.fill(k, t.start, t.start + t.count));
  return { x, y, digest, topic };
}

/** Which points the time filter keeps (first digest within [from, to]), and how many. */
export function inRange(digest: ArrayLike<number>, from: number, to: number): { shown: Uint8Array; count: number } {
  const shown = new Uint8Array(digest.length);
  let count = 0;
  for (let i = 0; i < digest.length; i += 1) {
    const d = digest[i] as number;
    if (d >= from && d <= to) {
      shown[i] = 1;
      count += 1;
    }
  }
  return { shown, count };
}

/** A label box on screen: left, top, right, bottom (CSS px). */
export type Box = [number, number, number, number];

/** Whether two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * Greedy placement: candidates in the order given (most important first) are kept when their box overlaps no
 * box kept before (nor any of `taken`) and lies inside the view; returns the indices kept.
 */
export function placeBoxes(candidates: readonly Box[], view: Box, taken: readonly Box[] = []): number[] {
  const kept: Box[] = [...taken];
  const chosen: number[] = [];
  candidates.forEach((box, i) => {
    if (box[0] < view[0] || box[1] < view[1] || box[2] > view[2] || box[3] > view[3]) return;
    if (kept.some((k) => overlaps(k, box))) return;
    kept.push(box);
    chosen.push(i);
  });
  return chosen;
}

/** Shortens a title to at most `max` characters, ending with an ellipsis when cut (at a word where possible). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The map's URL parameters: a paper to mark (`paper`, an id), a topic or an area to zoom to (`topic`, `area`: its page URL's slug). */
export function mapParams(search: string): { paper: string | null; topic: string | null; area: string | null } {
  const params = new URLSearchParams(search);
  const clean = (v: string | null) => (v && /^[\w-]{1,120}$/.test(v) ? v : null);
  return { paper: clean(params.get('paper')), topic: clean(params.get('topic')), area: clean(params.get('area')) };
}

/** Title chunk holding point i. */
export function chunkOf(i: number, chunk: number): number {
  return Math.floor(i / chunk);
}

/** The shown point (by index, placed at bx, by) nearest to (x, y) within `radius`, or -1; visits only nearby quadtree cells. */
export function nearestShown(tree: Quadtree<number>, bx: ArrayLike<number>, by: ArrayLike<number>, shown: ArrayLike<number>, x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  tree.visit((node, x0, y0, x1, y1) => {
    if (!node.length) {
      let leaf: typeof node | undefined = node;
      while (leaf && !leaf.length) {
        const i = (leaf as { data: number }).data;
        const dx = (bx[i] as number) - x;
        const dy = (by[i] as number) - y;
        const d = dx * dx + dy * dy;
        if (shown[i] && d < bestD) {
          bestD = d;
          best = i;
        }
        leaf = (leaf as { next?: typeof node }).next;
      }
    }
    return x0 > x + radius || x1 < x - radius || y0 > y + radius || y1 < y - radius;
  });
  return best;
}

/** `#rrggbb` as one pixel of a little-endian Uint32 view of ImageData (bytes R, G, B, A). */
export function abgr(hex: string, alpha = 255): number {
  const v = Number.parseInt(hex.slice(1), 16);
  return ((alpha << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/** Mixes two `#rrggbb` colours: t of a, 1 − t of b (the dimmed colour of points a search leaves out). */
export function mix(a: string, b: string, t: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const ch = (s: number) => Math.round(((pa >> s) & 0xff) * t + ((pb >> s) & 0xff) * (1 - t));
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}
