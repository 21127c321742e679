/**
 * How far papers moved between two paper maps, each normalised as the browser draws it (its discs' bounding box,
 * the longer side scaled to 1): the measure of the map's stability when a digest arrives.
 */

/** The parts of a paper map (see `paper-layout.ts`) that the comparison reads. */
export interface MapPositions {
  papers: readonly string[];
  x: readonly number[];
  y: readonly number[];
  topics: readonly { x: number; y: number; r: number }[];
}

/** Moves of the papers on both maps, as shares of the map's width. */
export interface MapMoves {
  /** Papers on both maps. */
  count: number;
  median: number;
  p90: number;
}

/** Each paper's place normalised to the map's frame (the discs' bounding box; longer side 1). */
export function normalisedPlaces(map: MapPositions): Map<string, [number, number]> {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const t of map.topics) {
    minX = Math.min(minX, t.x - t.r);
    minY = Math.min(minY, t.y - t.r);
    maxX = Math.max(maxX, t.x + t.r);
    maxY = Math.max(maxY, t.y + t.r);
  }
  const side = Math.max(maxX - minX, maxY - minY) || 1;
  return new Map(map.papers.map((id, i) => [id, [((map.x[i] ?? 0) - minX) / side, ((map.y[i] ?? 0) - minY) / side]]));
}

/** The median and 90th percentile of how far the papers of `before` moved on `after` (papers on both). */
export function mapMoves(before: MapPositions, after: MapPositions): MapMoves {
  const a = normalisedPlaces(before);
  const b = normalisedPlaces(after);
  const moves: number[] = [];
  for (const [id, [x, y]] of a) {
    const to = b.get(id);
    if (to) moves.push(Math.hypot(to[0] - x, to[1] - y));
  }
  moves.sort((p, q) => p - q);
  const at = (q: number) => moves[Math.min(moves.length - 1, Math.floor(q * moves.length))] ?? 0;
  return { count: moves.length, median: at(0.5), p90: at(0.9) };
}
