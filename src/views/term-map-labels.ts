/**
 * First-paint label layout of a term map at each container width (the client script redoes it for the real
 * size): which labels show and where, written as inline custom properties per breakpoint.
 */
import {
  BREAKPOINTS,
  LABEL_GAP_PX,
  LABEL_LINE,
  LABEL_PX,
  LIFT_PX,
  PLACE_LINE_PX,
  PLACE_PX,
  discScale,
  estimateTextWidth,
  labelShift,
  placeLabels,
  round,
  wrapLabel,
  type LabelCandidate,
} from '../client/map-geometry';
import type { MapNode } from '../pipeline/types';

/** The map's frame: padding around the layout and the viewBox size. */
export interface MapFrame {
  pad: number;
  width: number;
  height: number;
}

/** A labelled place on the map (a topic's name at its centre). */
export interface PlaceInput {
  x: number;
  y: number;
  label: string;
  priority: number;
}

/** The inline styles of a map: its glyph scale per breakpoint, and each node's and place's label offsets. */
export interface LabelStyles {
  /** `--s0:…;--k0:…;…` on the SVG. */
  glyphScale: string;
  /** Style of each node (heaviest-first index), `''` when none. */
  nodes: string[];
  /** Style of each place, `''` when none. */
  places: string[];
  /** The wrapped lines of each place's label. */
  placeLines: string[][];
}

/** Lays the labels of `nodes` (heaviest first, with their radii) and `places` out at every breakpoint. */
export function labelStyles(nodes: readonly MapNode[], radii: readonly number[], places: readonly PlaceInput[], frame: MapFrame): LabelStyles {
  const { pad } = frame;
  const placeLines = places.map((p) => wrapLabel(p.label));
  const nodeLabelW = nodes.map((n) => estimateTextWidth(n.label, LABEL_PX) + 3);
  const placeHeight = (j: number) => (placeLines[j]?.length ?? 1) * PLACE_LINE_PX;
  const placeW = placeLines.map((lines) => Math.max(...lines.map((l) => estimateTextWidth(l, PLACE_PX, true))) + 4);
  const layouts = BREAKPOINTS.map((bp) => {
    const s = bp / frame.width;
    const k = discScale(s);
    const candidates: LabelCandidate[] = [
      ...nodes.map((n, i) => ({
        x: (n.x + pad) * s,
        y: (n.y + pad) * s - LIFT_PX,
        width: nodeLabelW[i] ?? 40,
        height: LABEL_PX * LABEL_LINE,
        r: (radii[i] ?? 4) * k,
        priority: n.weight,
      })),
      ...places.map((p, i) => ({
        x: (p.x + pad) * s,
        y: (p.y + pad) * s,
        width: placeW[i] ?? 80,
        height: (placeLines[i]?.length ?? 1) * PLACE_LINE_PX,
        r: 0,
        priority: 1e6 + p.priority,
        overNodes: true,
      })),
    ];
    const obstacles = nodes.map((n, i) => ({ x: (n.x + pad) * s, y: (n.y + pad) * s - LIFT_PX, r: (radii[i] ?? 4) * k + 1, owner: i, priority: n.weight }));
    return { k, placed: placeLabels(candidates, obstacles, { width: bp, height: frame.height * s }) };
  });
  // A label's visibility and offsets at each breakpoint (a hidden label sits below its node, shown on hover or focus).
  const labelStyle = (i: number, isPlace: boolean) =>
    layouts
      .map(({ k, placed }, b) => {
        const p = placed[i];
        const parts = p?.show ? [`--v${b}:visible`] : [];
        if (p?.show && p.dx) parts.push(`--x${b}:${p.dx}`);
        if (!isPlace) parts.push(`--y${b}:${labelShift(p?.show ? p.top : (radii[i] ?? 4) * k + LABEL_GAP_PX)}`);
        else if (p?.show && p.top + placeHeight(i - nodes.length) / 2 !== 0) parts.push(`--y${b}:${round(p.top + placeHeight(i - nodes.length) / 2, 1)}`);
        return parts.join(';');
      })
      .filter(Boolean)
      .join(';');
  return {
    glyphScale: BREAKPOINTS.map((bp, b) => `--s${b}:${round(frame.width / bp, 4)};--k${b}:${layouts[b]?.k ?? 1}`).join(';'),
    nodes: nodes.map((_, i) => labelStyle(i, false)),
    places: places.map((_, i) => labelStyle(nodes.length + i, true)),
    placeLines,
  };
}
