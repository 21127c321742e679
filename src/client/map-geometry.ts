/**
 * Pure geometry of the term map, shared by the build-time SVG (TermMap.astro) and the client
 * script (term-map-element.ts): glyph sizes in CSS pixels, link styles, label placement without overlaps
 * and a colour assignment that keeps neighbouring clusters apart. No DOM, no I/O.
 */

/** Number of colours in the categorical palette (see the `--tm-c*` custom properties in TermMap.astro). */
export const PALETTE_SIZE = 8;

/** Font size of term labels in CSS pixels (≥ 11 px: readable on a phone); the pipeline lays labels out at this size. */
export const LABEL_PX = 12.5;
/** Line box of a label relative to its font size. */
export const LABEL_LINE = 1.2;
/**
 * The pipeline centres each node's circle-plus-label stack on (x, y), so the circle sits this many
 * CSS px above the point and the label below it (see the `labelBox` of src/pipeline/force-layout.ts).
 */
export const LIFT_PX = (LABEL_PX * LABEL_LINE) / 2;
/** Font size of place (topic) labels in CSS pixels. */
export const PLACE_PX = 13;
/** Line height of place labels in CSS pixels. */
export const PLACE_LINE_PX = 16;
/** Gap between a node's circle and its label, in CSS pixels. */
export const LABEL_GAP_PX = 2;

/** Container widths (CSS px) at which the SVG's first paint is laid out; matched by container queries. */
export const BREAKPOINTS = [328, 420, 560, 720, 900] as const;

/** Radius in CSS pixels of a node used by `weight` papers when the heaviest node has `maxWeight`: area ∝ papers. */
export function nodeRadius(weight: number, maxWeight: number): number {
  const share = maxWeight > 0 ? Math.max(0, weight) / maxWeight : 0;
  return round(Math.max(3.5, 14 * Math.sqrt(share)), 2);
}

/** Baseline of a label (CSS px) below the bottom of its node's circle; the label is then moved by {@link labelShift}. */
export const LABEL_BASELINE = round(LABEL_GAP_PX + LABEL_PX * 0.92, 2);

/** Vertical shift (CSS px) of a node label whose box top is `top` px from the node centre (the text sits at {@link LABEL_BASELINE}). */
export function labelShift(top: number): number {
  return round(top - LABEL_GAP_PX, 2);
}

/**
 * How much circles shrink on a small map: by the map's scale (CSS px per viewBox unit, zoom
 * included), but to no less than 55 % and never beyond their full size, so that a phone shows
 * the map's shape instead of a heap of discs while labels keep their readable size.
 */
export function discScale(scale: number): number {
  return round(Math.min(1, Math.max(0.55, scale)), 3);
}

/** Stroke width (CSS px) and opacity of a link of association `strength`, on a log scale between the map's weakest and strongest. */
export function linkStyle(strength: number, min: number, max: number): { width: number; opacity: number } {
  const lo = Math.log(Math.max(min, 1e-9));
  const hi = Math.log(Math.max(max, 1e-9));
  const t = hi > lo ? Math.min(1, Math.max(0, (Math.log(Math.max(strength, 1e-9)) - lo) / (hi - lo))) : 0.5;
  return { width: round(0.6 + 2.4 * t, 2), opacity: round(0.28 + 0.5 * t, 2) };
}

/** Estimated width in CSS px of `text` set in the system sans-serif at `fontPx` (used before the browser can measure). */
export function estimateTextWidth(text: string, fontPx: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (/[ilj.,:;'|!·]/.test(ch)) ems += 0.28;
    else if (/[mwMW]/.test(ch)) ems += 0.85;
    else if (/[A-Z0-9]/.test(ch)) ems += 0.64;
    else if (ch === ' ') ems += 0.28;
    else ems += 0.54;
  }
  return round(ems * fontPx * (bold ? 1.06 : 1), 1);
}

/** Splits a place label ("a · b · c") into lines of at most `maxChars` characters, breaking at the separators first. */
export function wrapLabel(label: string, maxChars = 32): string[] {
  const parts = label.split(/\s+·\s+/);
  const lines: string[] = [];
  for (const part of parts) {
    const words = part.split(/\s+/);
    let line = '';
    for (const word of words) {
      if (line && (line + ' ' + word).length > maxChars) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** A label that wants a place on screen; all lengths in CSS px relative to the SVG's top-left corner. */
export interface LabelCandidate {
  /** Anchor (the node's centre) on screen. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Radius of the node's circle (0 for a label with no node: it is centred on the anchor). */
  r: number;
  /** Larger goes first. */
  priority: number;
  /** May cover node circles (topic names drawn over the map). */
  overNodes?: boolean;
}

/** Where a label ended up: hidden, or shown with its box moved `dx` from centred on the anchor and its top `top` px from the anchor. */
export interface LabelPlacement {
  show: boolean;
  dx: number;
  top: number;
}

/**
 * A circle that labels should not cover (a node), with the index of the candidate that belongs to
 * it (-1 for none) and its priority: a label may cover a node of at most a third of its priority
 * (drawn beneath it), overlap the edge of a lighter one but not its centre, and not touch a
 * heavier one at all.
 */
export interface Obstacle {
  x: number;
  y: number;
  r: number;
  owner: number;
  priority?: number;
}

/** Labels keep this far (CSS px) from the sides of the view. */
const EDGE = 4;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function hitsCircle(b: Box, c: Obstacle): boolean {
  const nx = Math.min(Math.max(c.x, b.x0), b.x1);
  const ny = Math.min(Math.max(c.y, b.y0), b.y1);
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

/**
 * Greedy label placement: candidates in priority order take the first free spot of below, above,
 * right of and left of their node (labels without a node: centred on the anchor), centred spots
 * shifted horizontally to stay inside the view; a label that fits nowhere without covering a placed
 * label or another node's circle is hidden.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Obstacle[],
  view: { width: number; height: number },
  pad = 1.5,
): LabelPlacement[] {
  const result: LabelPlacement[] = candidates.map(() => ({ show: false, dx: 0, top: 0 }));
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[b]?.priority ?? 0) - (candidates[a]?.priority ?? 0) || a - b);
  const placed: Box[] = [];
  // Coarse grid of obstacle circles so each test only looks at nearby ones.
  const cell = 64;
  const grid = new Map<string, Obstacle[]>();
  for (const o of obstacles) {
    for (let gx = Math.floor((o.x - o.r) / cell); gx <= Math.floor((o.x + o.r) / cell); gx++) {
      for (let gy = Math.floor((o.y - o.r) / cell); gy <= Math.floor((o.y + o.r) / cell); gy++) {
        const key = `${gx},${gy}`;
        const list = grid.get(key);
        if (list) list.push(o);
        else grid.set(key, [o]);
      }
    }
  }
  const inside = (b: Box, o: Obstacle) => o.x > b.x0 && o.x < b.x1 && o.y > b.y0 && o.y < b.y1;
  /** Whether a box collides; `nodes`: 'weighed' (the rules of {@link Obstacle}), 'centres' (no circle centre inside) or 'none'. */
  const blocked = (b: Box, self: number, priority: number, nodes: 'weighed' | 'centres' | 'none'): boolean => {
    if (placed.some((p) => overlaps(b, p))) return true;
    if (nodes === 'none') return false;
    for (let gx = Math.floor(b.x0 / cell); gx <= Math.floor(b.x1 / cell); gx++) {
      for (let gy = Math.floor(b.y0 / cell); gy <= Math.floor(b.y1 / cell); gy++) {
        for (const o of grid.get(`${gx},${gy}`) ?? []) {
          if (o.owner === self) continue;
          if (nodes === 'centres') {
            if (inside(b, o)) return true;
            continue;
          }
          if (o.priority !== undefined && o.priority * 3 <= priority) continue;
          const lighter = o.priority !== undefined && o.priority < priority;
          if (lighter ? inside(b, o) : hitsCircle(b, o)) return true;
        }
      }
    }
    return false;
  };
  for (const i of order) {
    const c = candidates[i];
    if (!c) continue;
    if (c.x < 0 || c.y < 0 || c.x > view.width || c.y > view.height) continue;
    const centred = c.x - c.width / 2;
    let shift = 0;
    if (c.width >= view.width - 2 * EDGE) shift = (view.width - c.width) / 2 - centred;
    else if (centred < EDGE) shift = EDGE - centred;
    else if (centred + c.width > view.width - EDGE) shift = view.width - EDGE - (centred + c.width);
    const side = c.r + LABEL_GAP_PX + 1;
    const x = centred + shift;
    type Spot = [number, number, 'weighed' | 'centres' | 'none'];
    const spots: Spot[] =
      c.r > 0
        ? [
            [x, c.y + c.r + LABEL_GAP_PX, 'weighed'],
            [x, c.y - c.r - LABEL_GAP_PX - c.height, 'weighed'],
            [c.x + side, c.y - c.height / 2, 'weighed'],
            [c.x - side - c.width, c.y - c.height / 2, 'weighed'],
          ]
        : c.overNodes
          ? // A name over the map: centred if that covers no node's centre, else a little above or
            // below; failing that, centred anyway (names matter more than the circles they hide).
            [
              [x, c.y - c.height / 2, 'centres'],
              [x, c.y - c.height - 6, 'centres'],
              [x, c.y + 6, 'centres'],
              [x, c.y - c.height / 2, 'none'],
            ]
          : [[x, c.y - c.height / 2, 'weighed']];
    for (const [x0, top, nodes] of spots) {
      if (top < 0 || top + c.height > view.height || x0 < EDGE - 0.01 || x0 + c.width > view.width - EDGE + 0.01) continue;
      const box = { x0: x0 - pad, y0: top - pad, x1: x0 + c.width + pad, y1: top + c.height + pad };
      if (blocked(box, i, c.priority, nodes)) continue;
      placed.push(box);
      result[i] = { show: true, dx: round(x0 - centred, 1), top: round(top - c.y, 1) };
      break;
    }
  }
  return result;
}

/**
 * Colours for clusters: index mod palette when there are few, otherwise each cluster (in index
 * order) takes the colour whose nearest same-coloured cluster centre is farthest away.
 */
export function assignColours(centres: readonly { x: number; y: number }[], paletteSize = PALETTE_SIZE): number[] {
  if (centres.length <= paletteSize) return centres.map((_, i) => i);
  const colours: number[] = [];
  centres.forEach((c, i) => {
    let best = 0;
    let bestDistance = -1;
    for (let colour = 0; colour < paletteSize; colour++) {
      let nearest = Infinity;
      for (let j = 0; j < i; j++) {
        if (colours[j] !== colour) continue;
        const other = centres[j];
        if (other) nearest = Math.min(nearest, Math.hypot(other.x - c.x, other.y - c.y));
      }
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = colour;
      }
    }
    colours.push(best);
  });
  return colours;
}

/** Rounds to `digits` decimals (keeps the SVG markup short and stable). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
