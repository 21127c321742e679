/**
 * How far papers moved between two paper maps, each normalised as the browser draws it (its discs' bounding box,
 * the longer side scaled to 1): the measure of the map's stability when a digest arrives.
 */

/** The parts of a paper map (see `paper-layout.ts`) that the comparison reads. */
export interface MapPositions {
  papers: readonly string[];
  x: readonly number[];
  y: readonly number[];
  /** Discs in paper order: each holds the next `count` papers. */
  topics: readonly { x: number; y: number; r: number; count: number }[];
}

/** Moves of the papers on both maps, as shares of the map's width. */
export interface MapMoves {
  /** Papers on both maps. */
  count: number;
  median: number;
  p90: number;
  /** The same for the centres of the papers' discs (how much of the move is the discs'). */
  discMedian: number;
  discP90: number;
  /** Share of the papers on both maps whose disc is a different one (by paper set: the disc holding most of its old disc's papers). */
  changedDisc: number;
}

/** Each paper's place and its disc's centre (and the disc's index) normalised to the map's frame (the discs' bounding box; longer side 1). */
export function normalisedPlaces(map: MapPositions): Map<string, { x: number; y: number; cx: number; cy: number; disc: number }> {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const t of map.topics) {
    if (t.count === 0) continue;
    minX = Math.min(minX, t.x - t.r);
    minY = Math.min(minY, t.y - t.r);
    maxX = Math.max(maxX, t.x + t.r);
    maxY = Math.max(maxY, t.y + t.r);
  }
  const side = Math.max(maxX - minX, maxY - minY) || 1;
  const out = new Map<string, { x: number; y: number; cx: number; cy: number; disc: number }>();
  let i = 0;
  map.topics.forEach((t, disc) => {
    for (let j = 0; j < t.count; j += 1, i += 1) {
      const id = map.papers[i] as string;
      out.set(id, { x: ((map.x[i] ?? 0) - minX) / side, y: ((map.y[i] ?? 0) - minY) / side, cx: (t.x - minX) / side, cy: (t.y - minY) / side, disc });
    }
  });
  return out;
}

/** The median and 90th percentile of how far the papers of `before` moved on `after` (papers on both). */
export function mapMoves(before: MapPositions, after: MapPositions): MapMoves {
  const a = normalisedPlaces(before);
  const b = normalisedPlaces(after);
  const moves: number[] = [];
  const discMoves: number[] = [];
  // Where most of each old disc's papers went.
  const flows = new Map<number, Map<number, number>>();
  for (const [id, p] of a) {
    const to = b.get(id);
    if (!to) continue;
    moves.push(Math.hypot(to.x - p.x, to.y - p.y));
    discMoves.push(Math.hypot(to.cx - p.cx, to.cy - p.cy));
    const flow = flows.get(p.disc) ?? new Map<number, number>();
    flow.set(to.disc, (flow.get(to.disc) ?? 0) + 1);
    flows.set(p.disc, flow);
  }
  const heir = new Map([...flows].map(([from, flow]) => [from, [...flow].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0]]));
  let changed = 0;
  for (const [id, p] of a) {
    const to = b.get(id);
    if (to && heir.get(p.disc) !== to.disc) changed += 1;
  }
  const at = (list: number[], q: number) => {
    const sorted = [...list].sort((x, y) => x - y);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };
  return {
    count: moves.length,
    median: at(moves, 0.5),
    p90: at(moves, 0.9),
    discMedian: at(discMoves, 0.5),
    discP90: at(discMoves, 0.9),
    changedDisc: moves.length > 0 ? changed / moves.length : 0,
  };
}
