/**
 * What the paper map draws over its points with the 2D context: rings for the linked and the hovered paper, the
 * keyboard's centre cross, area names (largest first, while an area does not fill the view), topic names once
 * zoomed in (largest first, where they fit) and, close up, paper titles beside their points; never two labels on
 * top of each other (see `placeBoxes`).
 */
import { placeBoxes, shorten, type Box, type MapMeta } from './paper-map-data';

const AREA_FONT = '700 15px system-ui, sans-serif';
const TOPIC_FONT = '600 13px system-ui, sans-serif';
/** Topic names appear from this zoom on (the full view shows the areas' names)… */
export const TOPIC_LABEL_ZOOM = 1.5;
/** …for topics whose disc is at least this wide on screen (CSS px radius). */
const TOPIC_LABEL_RADIUS = 24;
const TITLE_FONT = '11px system-ui, sans-serif';
/** Titles are drawn when at most this many points are in view. */
export const TITLE_POINTS = 300;

/** What the overlay needs from the map: the view, positions at zoom 1 and the papers' state. */
export interface OverlayState {
  dpr: number;
  width: number;
  height: number;
  dark: boolean;
  transform: { x: number; y: number; k: number };
  /** Point positions in CSS px at zoom 1. */
  bx: Float32Array;
  by: Float32Array;
  shown: Uint8Array;
  marked: number;
  hover: number;
  /** Whether the map has the keyboard focus (draws the centre cross). */
  focused: boolean;
  topics: MapMeta['topics'];
  areas: MapMeta['areas'];
  /** A topic's disc (centre x, y, radius) in CSS px at zoom 1. */
  topicCircle: (k: number) => [number, number, number];
  /** An area's label spot and a circle round it (centre x, y, radius) in CSS px at zoom 1. */
  areaCircle: (k: number) => [number, number, number];
  /** Points in view (at most {@link TITLE_POINTS} + 1 listed). */
  inView: readonly number[];
  /** The title of a point if its chunk is loaded. */
  title: (i: number) => string | undefined;
}

/** A label drawn on the map: its box and the area or topic it names (a click on it zooms there). */
export interface PlacedLabel {
  box: Box;
  kind: 'area' | 'topic';
  index: number;
}

/** Draws the overlay; returns the area and topic labels drawn, with their boxes. */
export function drawOverlay(ctx: CanvasRenderingContext2D, s: OverlayState): PlacedLabel[] {
  const t = s.transform;
  const text = s.dark ? '#e2e8f0' : '#0f172a';
  const halo = s.dark ? 'rgba(2,6,23,0.85)' : 'rgba(255,255,255,0.85)';
  ctx.save();
  ctx.scale(s.dpr, s.dpr);
  const ring = (i: number, colour: string, r: number) => {
    if (i < 0 || !s.shown[i]) return;
    ctx.beginPath();
    ctx.arc(t.x + t.k * (s.bx[i] as number), t.y + t.k * (s.by[i] as number), r, 0, 2 * Math.PI);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.stroke();
  };
  ring(s.marked, s.dark ? '#fbbf24' : '#b45309', 9);
  ring(s.hover, text, 6);
  if (s.focused) {
    ctx.strokeStyle = text;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(s.width / 2 - 8, s.height / 2);
    ctx.lineTo(s.width / 2 + 8, s.height / 2);
    ctx.moveTo(s.width / 2, s.height / 2 - 8);
    ctx.lineTo(s.width / 2, s.height / 2 + 8);
    ctx.stroke();
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const view: Box = [0, 0, s.width, s.height];
  const side = Math.max(s.width, s.height);
  // Area labels first (largest first, while the area does not fill the view), then topic labels once zoomed in.
  const candidates: { label: string; kind: 'area' | 'topic'; index: number; font: string; box: Box }[] = [];
  const add = (kind: 'area' | 'topic', index: number, label: string, c: [number, number, number], font: string, half: number) => {
    ctx.font = font;
    const x = t.x + t.k * c[0];
    const y = t.y + t.k * c[1];
    const w = ctx.measureText(label).width + 6;
    candidates.push({ label, kind, index, font, box: [x - w / 2, y - half, x + w / 2, y + half] });
  };
  s.areas
    .map((a, k) => ({ a, k }))
    .filter(({ a, k }) => a.count > 0 && t.k * s.areaCircle(k)[2] < side)
    .sort((p, q) => q.a.count - p.a.count || p.k - q.k)
    .forEach(({ a, k }) => add('area', k, a.label, s.areaCircle(k), AREA_FONT, 10));
  if (t.k >= TOPIC_LABEL_ZOOM) {
    s.topics
      .map((tp, k) => ({ k, tp, c: s.topicCircle(k) }))
      .filter(({ tp, c }) => tp.count > 0 && t.k * c[2] >= TOPIC_LABEL_RADIUS)
      .sort((a, b) => b.tp.count - a.tp.count || a.k - b.k)
      .forEach(({ tp, k, c }) => add('topic', k, tp.label, c, TOPIC_FONT, 9));
  }
  const closeUp = s.inView.length <= TITLE_POINTS;
  const placed = placeBoxes(
    candidates.map((c) => c.box),
    view,
  ).map((j) => candidates[j] as (typeof candidates)[number]);
  ctx.lineJoin = 'round';
  ctx.globalAlpha = closeUp ? 0.75 : 1;
  for (const c of placed) {
    ctx.font = c.font;
    halo_text(ctx, c.label, (c.box[0] + c.box[2]) / 2, (c.box[1] + c.box[3]) / 2, text, halo, c.kind === 'area' ? 5 : 4);
  }
  ctx.globalAlpha = 1;
  // Paper titles when close: to the right of their points, where they fit (the linked paper's first).
  if (closeUp && s.inView.length > 0) {
    ctx.font = TITLE_FONT;
    ctx.textAlign = 'left';
    const order = [...s.inView].sort((a, b) => (a === s.marked ? -1 : b === s.marked ? 1 : a - b));
    const labels: { text: string; x: number; y: number }[] = [];
    const titleBoxes: Box[] = [];
    for (const i of order) {
      const title = s.title(i);
      if (title === undefined) continue;
      const label = shorten(title, 48);
      const x = t.x + t.k * (s.bx[i] as number) + 6;
      const y = t.y + t.k * (s.by[i] as number);
      labels.push({ text: label, x, y });
      titleBoxes.push([x, y - 7, x + ctx.measureText(label).width, y + 7]);
    }
    for (const j of placeBoxes(titleBoxes, view, placed.map((b) => b.box))) {
      const l = labels[j] as { text: string; x: number; y: number };
      halo_text(ctx, l.text, l.x, l.y, text, halo, 3);
    }
  }
  ctx.restore();
  return placed.map(({ box, kind, index }) => ({ box, kind, index }));
}

/** Text with a halo of the background colour around it, readable over points. */
function halo_text(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, fill: string, halo: string, width: number): void {
  ctx.strokeStyle = halo;
  ctx.lineWidth = width;
  ctx.strokeText(label, x, y);
  ctx.fillStyle = fill;
  ctx.fillText(label, x, y);
}
