import { describe, expect, it } from 'vitest';
import { hysteresisTop, type Scored } from './list-hysteresis';

const list = (...pairs: [string, number][]): Scored[] => pairs.map(([id, score]) => ({ id, score }));
const ids = (xs: readonly Scored[]) => xs.map((x) => x.id);

describe('hysteresisTop', () => {
  // Candidates best first, as a fresh ranking gives them.
  const fresh = list(['a', 1.0], ['b', 0.9], ['c', 0.85], ['d', 0.8], ['e', 0.5]);

  it('gives the fresh top k without a previous list', () => {
    expect(ids(hysteresisTop(fresh, undefined, { k: 3, margin: 0.1 }))).toEqual(['a', 'b', 'c']);
  });

  it('keeps previous members and their order while no candidate beats them by the margin', () => {
    // c (0.85) is not 30 % above the weakest, d (0.8), and a (1.0) not 30 % above d: [b, d, a] stays as it was.
    expect(ids(hysteresisTop(fresh, ['b', 'd', 'a'], { k: 3, margin: 0.3 }))).toEqual(['b', 'd', 'a']);
    // With 10 %, a beats d (by 25 %) then b (by 11 %).
    expect(ids(hysteresisTop(fresh, ['b', 'd', 'a'], { k: 3, margin: 0.1 }))).toEqual(['a', 'b', 'd']);
  });

  it('moves a member up only past one it beats by the margin', () => {
    // 10 %: b beats d (by 12.5 %), a beats d and then b: best first again.
    expect(ids(hysteresisTop(fresh, ['d', 'b', 'a'], { k: 3, margin: 0.1 }))).toEqual(['a', 'b', 'd']);
    // 20 %: only a beats d, and moves only past neighbours it beats: b (0.9) stands between them, so nothing moves.
    expect(ids(hysteresisTop(fresh, ['d', 'b', 'a'], { k: 3, margin: 0.2 }))).toEqual(['d', 'b', 'a']);
    expect(ids(hysteresisTop(fresh, ['d', 'a', 'b'], { k: 3, margin: 0.2 }))).toEqual(['a', 'd', 'b']);
  });

  it('lets an outside candidate replace the weakest member when it beats it by the margin', () => {
    // e (0.5) is the weakest kept; a (1.0) beats it, takes its place, then moves up past b and d.
    expect(ids(hysteresisTop(fresh, ['b', 'd', 'e'], { k: 3, margin: 0.1 }))).toEqual(['a', 'b', 'd']);
    // With a margin of 1.5 nothing beats anything: the previous list stays as it was.
    expect(ids(hysteresisTop(fresh, ['e', 'd', 'b'], { k: 3, margin: 1.5 }))).toEqual(['e', 'd', 'b']);
  });

  it('drops members that are no longer candidates and fills their places with the best others', () => {
    expect(ids(hysteresisTop(fresh, ['x', 'c', 'y'], { k: 3, margin: 0.5 }))).toEqual(['c', 'a', 'b']);
    // A new paper's first list (empty before) is the fresh one.
    expect(ids(hysteresisTop(fresh, [], { k: 2, margin: 0.5 }))).toEqual(['a', 'b']);
  });

  it('never puts two conflicting members in one list', () => {
    const conflict = (x: string, y: string) => (x === 'a' && y === 'b') || (x === 'b' && y === 'a');
    expect(ids(hysteresisTop(fresh, ['b'], { k: 3, margin: 0.05, conflict }))).toEqual(['b', 'c', 'd']);
    expect(ids(hysteresisTop(fresh, ['a', 'b'], { k: 3, margin: 0.05, conflict }))).toEqual(['a', 'c', 'd']);
  });

  it('ends with negative scores, where a relative margin flips sign', () => {
    const negative = list(['a', -0.1], ['b', -0.2], ['c', -0.3]);
    expect(ids(hysteresisTop(negative, ['c', 'b', 'a'], { k: 3, margin: 0.1 }))).toEqual(['a', 'b', 'c']);
  });
});
