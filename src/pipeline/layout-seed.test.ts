import { describe, expect, it } from 'vitest';
import { isSeeded, previousPlaces, seedTargets } from './layout-seed';

describe('previousPlaces', () => {
  it("gives each group the mean old place of its papers' topics, and how many papers had one", () => {
    const topics = [
      { id: 't1', papers: ['a', 'b'] },
      { id: 't2', papers: ['c'] },
      { id: 't3', papers: ['d'] },
    ];
    const places = { t1: [0, 0] as const, t2: [9, 3] as const };
    // Group 1 holds a (t1), c (t2) and a new paper; group 2 only d, whose topic has no place; group 3 b.
    expect(previousPlaces([['a', 'c', 'new'], ['d'], ['b']], topics, places)).toEqual([
      { x: 4.5, y: 1.5, papers: 2 },
      { x: 0, y: 0, papers: 0 },
      { x: 0, y: 0, papers: 1 },
    ]);
  });

  it('gives exactly the old place when all placed papers come from one disc (a mean of three 0.1s is not 0.1)', () => {
    expect(previousPlaces([['a', 'b', 'c']], [{ id: 't', papers: ['a', 'b', 'c'] }], { t: [0.1, 0.7] })).toEqual([{ x: 0.1, y: 0.7, papers: 3 }]);
  });
});

describe('isSeeded', () => {
  it('needs at least half of the papers placed, and one', () => {
    expect([isSeeded({ papers: 2 }, 4), isSeeded({ papers: 1 }, 3), isSeeded({ papers: 0 }, 0), isSeeded(undefined, 1)]).toEqual([true, false, false, false]);
  });
});

describe('seedTargets', () => {
  const targets = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1]);
  const sizes = [10, 10, 10, 10];

  it('returns the targets unchanged with fewer than three seeded discs', () => {
    const before = [
      { x: 5, y: 5, papers: 10 },
      { x: 6, y: 5, papers: 10 },
      { x: 0, y: 0, papers: 0 },
      { x: 0, y: 0, papers: 0 },
    ];
    expect([...seedTargets(targets, sizes, before)]).toEqual([...targets]);
  });

  it('puts seeded discs on their old places and maps the others by the fitted rotation, scale and shift', () => {
    // The old frame is the targets turned by 90°, doubled and moved by (10, 20): (x, y) → (10 − 2y, 20 + 2x).
    const before = [
      { x: 10, y: 20, papers: 10 },
      { x: 10, y: 22, papers: 8 },
      { x: 8, y: 20, papers: 5 },
      // Fewer than half of its papers placed before: not seeded, mapped by the fit.
      { x: 100, y: 100, papers: 4 },
    ];
    const out = seedTargets(targets, sizes, before);
    expect([...out.slice(0, 6)]).toEqual([10, 20, 10, 22, 8, 20]);
    expect(out[6]).toBeCloseTo(8, 9);
    expect(out[7]).toBeCloseTo(22, 9);
  });

  it('fits a mirrored frame when that matches better', () => {
    // The old frame mirrors y: (x, y) → (x, −y).
    const before = [
      { x: 0, y: 0, papers: 10 },
      { x: 1, y: 0, papers: 10 },
      { x: 0, y: -1, papers: 10 },
      { x: 0, y: 0, papers: 0 },
    ];
    const out = seedTargets(targets, sizes, before);
    expect(out[6]).toBeCloseTo(1, 9);
    expect(out[7]).toBeCloseTo(-1, 9);
  });
});
