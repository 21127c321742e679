import { describe, expect, it } from 'vitest';
import { effectiveWindow, rankNew, rankRising, riseScore, seriesOf, trendOf, type TrendSettings } from './trends';

const settings: TrendSettings = { window: 2, minRecent: 2, minGrowth: 1.5 };
/** Papers first seen per digest across a corpus of six digests. */
const totals = [10, 10, 10, 10, 5, 5];

describe('seriesOf', () => {
  it('counts papers per first digest, zeros included', () => {
    expect(seriesOf([0, 3, 3, 5, 3], 6)).toEqual([1, 0, 0, 3, 0, 1]);
    expect(seriesOf([], 3)).toEqual([0, 0, 0]);
  });
  it('rejects a digest index outside the corpus', () => {
    expect(() => seriesOf([6], 6)).toThrow(/outside 0..5/);
    expect(() => seriesOf([-1], 6)).toThrow();
  });
});

describe('effectiveWindow', () => {
  it('is the setting, capped at half the digests', () => {
    expect(effectiveWindow(44, 10)).toBe(10);
    expect(effectiveWindow(5, 10)).toBe(2);
    expect(effectiveWindow(1, 10)).toBe(0);
    expect(effectiveWindow(0, 10)).toBe(0);
  });
});

describe('trendOf', () => {
  it('compares the share in the window with the share before it', () => {
    // Window: digests 4 and 5 (10 papers in all, 4 of them this item's); before: 40 papers, 2 of them.
    const t = trendOf([1, 0, 1, 0, 3, 1], totals, settings);
    expect(t).toEqual({
      series: [1, 0, 1, 0, 3, 1],
      total: 6,
      first: 0,
      peak: 4,
      window: 2,
      recent: 4,
      earlier: 2,
      recentAll: 10,
      earlierAll: 40,
      growth: 8, // (4 / 10) / (2 / 40)
      status: 'rising',
    });
  });

  it('takes the earliest digest as the peak when counts tie', () => {
    const t = trendOf([0, 2, 0, 2, 2, 0], totals, settings);
    expect(t.peak).toBe(1);
    expect(t.first).toBe(1);
    expect(t.growth).toBe(2); // (2 / 10) / (4 / 40)
    expect(t.status).toBe('rising');
  });

  it('a term seen in one digest only: first = peak, new when that digest is in the window and it has enough papers', () => {
    const inWindow = trendOf([0, 0, 0, 0, 0, 3], totals, settings);
    expect([inWindow.first, inWindow.peak, inWindow.recent, inWindow.earlier, inWindow.growth, inWindow.status]).toEqual([5, 5, 3, 0, null, 'new']);
    // One paper is not a trend.
    expect(trendOf([0, 0, 0, 0, 1, 0], totals, settings).status).toBe('steady');
    // Seen once, long ago: nothing in the window.
    const old = trendOf([0, 4, 0, 0, 0, 0], totals, settings);
    expect([old.first, old.peak, old.recent, old.earlier, old.growth, old.status]).toEqual([1, 1, 0, 4, 0, 'steady']);
  });

  it('needs both the minimum count and the minimum growth to rise', () => {
    // Growth exactly 1.5 rises: (3 / 10) / (8 / 40).
    expect(trendOf([2, 2, 2, 2, 2, 1], totals, settings)).toMatchObject({ recent: 3, earlier: 8, growth: 1.5, status: 'rising' });
    // Growth 1.25 does not: (5 / 10) / (16 / 40).
    expect(trendOf([4, 4, 4, 4, 3, 2], totals, settings)).toMatchObject({ growth: 1.25, status: 'steady' });
    // Growth 4 on one recent paper does not either.
    expect(trendOf([1, 0, 0, 0, 1, 0], totals, settings)).toMatchObject({ recent: 1, growth: 4, status: 'steady' });
  });

  it('is taken as of an earlier digest with upTo', () => {
    // As of digest 3: window = digests 2 and 3 (20 papers, 3 of them), before = 20 papers, 1 of them.
    const t = trendOf([1, 0, 1, 2, 3, 1], totals, settings, 4);
    expect(t).toMatchObject({ series: [1, 0, 1, 2], total: 4, window: 2, recent: 3, earlier: 1, recentAll: 20, earlierAll: 20, growth: 3, status: 'rising' });
  });

  it('has no window, so no trend, with a single digest; no first or peak without papers', () => {
    expect(trendOf([3], [5], settings)).toMatchObject({ window: 0, recent: 0, earlier: 3, growth: null, status: 'steady', first: 0, peak: 0 });
    expect(trendOf([0, 0, 0, 0], [1, 1, 1, 1], settings)).toMatchObject({ first: null, peak: null, total: 0, growth: null, status: 'steady' });
  });

  it('rejects totals of another length', () => {
    expect(() => trendOf([1, 2], [1, 2, 3], settings)).toThrow(/totals of 3/);
  });
});

describe('rankRising and rankNew', () => {
  const items = [
    { id: 'b', trend: trendOf([1, 0, 0, 0, 1, 1], totals, settings) }, // growth 8, recent 2
    { id: 'a', trend: trendOf([0, 2, 0, 0, 2, 2], totals, settings) }, // growth 8, recent 4
    { id: 'c', trend: trendOf([1, 0, 0, 0, 2, 0], totals, settings) }, // growth 8, recent 2: ties b
    { id: 'd', trend: trendOf([1, 0, 0, 0, 3, 3], totals, settings) }, // growth 24
    { id: 'e', trend: trendOf([0, 0, 0, 0, 2, 0], totals, settings) }, // new, recent 2, first 4
    { id: 'f', trend: trendOf([0, 0, 0, 0, 0, 2], totals, settings) }, // new, recent 2, first 5
    { id: 'g', trend: trendOf([0, 0, 0, 0, 1, 4], totals, settings) }, // new, recent 5
    { id: 'h', trend: trendOf([5, 5, 5, 5, 1, 1], totals, settings) }, // steady
  ];

  it('ranks rising items by their log-likelihood ratio, then growth, recent papers and id', () => {
    expect(rankRising(items).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
    // d: 6 of 10 papers in the window against 1 of 40 before: G² = 2·Σ O·ln(O/E) over the 2×2 table.
    const expected = 2 * (6 * Math.log(6 / 1.4) + 1 * Math.log(1 / 5.6) + 4 * Math.log(4 / 8.6) + 39 * Math.log(39 / 34.4));
    expect(riseScore(items[3]!.trend)).toBeCloseTo(expected, 12);
    expect(riseScore(trendOf([0, 0, 0, 0, 0, 0], totals, settings))).toBe(0);
  });

  it('puts a large steady rise above a steep one of a few papers', () => {
    const wide = [100, 100, 100, 100, 50, 50];
    const few = { id: 'few', trend: trendOf([1, 0, 0, 0, 1, 1], wide, settings) }; // 2 against 1: growth 8
    const many = { id: 'many', trend: trendOf([10, 10, 10, 10, 10, 10], wide, settings) }; // 20 against 40: growth 2
    expect([few.trend.growth, many.trend.growth]).toEqual([8, 2]);
    expect(rankRising([few, many]).map((x) => x.id)).toEqual(['many', 'few']);
  });

  it('ranks new items by recent papers, then the later first digest, then id', () => {
    expect(rankNew(items).map((x) => x.id)).toEqual(['g', 'f', 'e']);
  });

  it('does not depend on the input order', () => {
    const reversed = [...items].reverse();
    expect(rankRising(reversed).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(rankNew(reversed).map((x) => x.id)).toEqual(['g', 'f', 'e']);
  });
});
