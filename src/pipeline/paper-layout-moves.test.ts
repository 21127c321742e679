import { describe, expect, it } from 'vitest';
import { mapMoves, normalisedPlaces } from './paper-layout-moves';

// Two discs side by side: the frame is x from 0 to 4, y from −1 to 1 (longer side 4).
const before = {
  papers: ['a', 'b', 'c', 'd'],
  x: [1, 1, 3, 3],
  y: [0, 0.5, 0, 0.5],
  topics: [
    { x: 1, y: 0, r: 1, count: 2 },
    { x: 3, y: 0, r: 1, count: 2 },
    { x: 9, y: 9, r: 9, count: 0 },
  ],
};

describe('normalisedPlaces', () => {
  it("scales the discs' bounding box (empty discs left out) so its longer side is 1", () => {
    expect(normalisedPlaces(before).get('d')).toEqual({ x: 0.75, y: 0.375, cx: 0.75, cy: 0.25, disc: 1 });
  });
});

describe('mapMoves', () => {
  it('is zero for the same map, whatever its scale and shift', () => {
    const moved = { ...before, x: before.x.map((v) => 2 * v + 5), y: before.y.map((v) => 2 * v), topics: before.topics.map((t) => ({ ...t, x: 2 * t.x + 5, y: 2 * t.y, r: 2 * t.r })) };
    expect(mapMoves(before, moved)).toEqual({ count: 4, median: 0, p90: 0, discMedian: 0, discP90: 0, changedDisc: 0 });
  });

  it('measures moves in map widths, with the disc centres, and counts papers that changed disc', () => {
    // 'd' moves into the first disc (beside 'a'), and a new paper 'e' joins the second.
    const after = { ...before, papers: ['a', 'b', 'd', 'c', 'e'], x: [1, 1, 1.5, 3, 3], y: [0, 0.5, 0, 0, 0.5], topics: [{ ...before.topics[0]!, count: 3 }, { ...before.topics[1]!, count: 2 }] };
    const moves = mapMoves(before, after);
    expect(moves.count).toBe(4);
    // Moves: 0, 0, 0 and |(1.5, 0) − (3, 0.5)| / 4 for 'd'.
    expect([moves.median, moves.p90]).toEqual([0, Math.hypot(1.5, 0.5) / 4]);
    expect(moves.discP90).toBe(0.5);
    expect(moves.changedDisc).toBe(0.25);
  });
});
