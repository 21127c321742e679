/**
 * What the paper map draws over its points with the 2D context: rings for the linked and the hovered paper, the
 * keyboard's centre cross, topic names (largest first, where they fit) and, close up, paper titles beside their
 * points; never two labels on top of each other (see `placeBoxes`).
 */
import { placeBoxes, shorten, type Box, type MapMeta } from './paper-map-data';

const TOPIC_FONT = '600 13px system-ui, sans-serif';
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
  /** A topic's disc (centre x, y, radius) in CSS px at zoom 1. */
  topicCircle: (k: number) => [number, number, number];
  /** Points in view (at most {@link TITLE_POINTS} + 1 listed). */
  inView: readonly number[];
  /** The title of a point if its chunk is loaded. */
  title: (i: number) => string | undefined;
}

/** Draws the overlay; returns the topic labels drawn, with their boxes (a click on one zooms to its topic). */
export function drawOverlay(ctx: CanvasRenderingContext2D, s: OverlayState): { box: Box; topic: number }[] {
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
  // Topic labels: largest topics first, where they fit.
  ctx.font = TOPIC_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const topics = s.topics
    .map((tp, k) => ({ k, tp, c: s.topicCircle(k) }))
    .filter(({ tp }) => tp.count > 0)
    .sort((a, b) => b.tp.count - a.tp.count || a.k - b.k);
  const view: Box = [0, 0, s.width, s.height];
  const boxes: Box[] = topics.map(({ tp, c }) => {
    const x = t.x + t.k * c[0];
    const y = t.y + t.k * c[1];
    const w = ctx.measureText(tp.label).width + 6;
    return [x - w / 2, y - 9, x + w / 2, y + 9];
  });
  const closeUp = s.inView.length <= TITLE_POINTS;
  const placed = placeBoxes(boxes, view).map((j) => ({ box: boxes[j] as Box, topic: (topics[j] as { k: number }).k }));
  ctx.lineJoin = 'round';
  ctx.globalAlpha = closeUp ? 0.75 : 1;
  for (const { box, topic } of placed) halo_text(ctx, s.topics[topic]?.label ?? '', (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, text, halo, 4);
  ctx.globalAlpha = 1;
  // Paper titles when close: to the right of their points, where they fit (the linked paper's first).
  if (closeUp && s.inView.length > 0) {
    ctx.font = TITLE_FONT;
    ctx.textAlign = 'left';
    const order = [...s.inView].sort((a, b) => (a === s.marked ? -1 : b === s.marked ? 1 : a - b));
    const labels: { text: string; x: number; y: number }[] = [];
    const candidates: Box[] = [];
    for (const i of order) {
      const title = s.title(i);
      if (title === undefined) continue;
      const label = shorten(title, 48);
      const x = t.x + t.k * (s.bx[i] as number) + 6;
      const y = t.y + t.k * (s.by[i] as number);
      labels.push({ text: label, x, y });
      candidates.push([x, y - 7, x + ctx.measureText(label).width, y + 7]);
    }
    for (const j of placeBoxes(candidates, view, placed.map((b) => b.box))) {
      const l = labels[j] as { text: string; x: number; y: number };
      halo_text(ctx, l.text, l.x, l.y, text, halo, 3);
    }
  }
  ctx.restore();
  return placed;
}

/** Text with a halo of the background colour around it, readable over points. */
function halo_text(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, fill: string, halo: string, width: number): void {
  ctx.strokeStyle = halo;
  ctx.lineWidth = width;
  ctx.strokeText(label, x, y);
  ctx.fillStyle = fill;
  ctx.fillText(label, x, y);
}
