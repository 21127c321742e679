/**
 * Trends across digests. Digests carry no year, so arrival order is the time axis: a term's or topic's series is
 * the number of its papers first seen in each digest. The trend figure compares the latest digests with the
 * ones before:
 *
 * - the window is the latest `window` digests, at most half of them (so that there is a before to compare with);
 * - `recent` / `earlier` are the item's papers first seen inside / before the window;
 * - its shares are those counts over all papers first seen inside / before the window (digests differ in size);
 * - growth = recent share ÷ earlier share; an item *rises* when it has at least `minRecent` papers in the window
 *   and a growth of at least `minGrowth`, and is *new* when all its papers (at least `minRecent`) came in the window.
 *
 * Pure and deterministic: integer counts in, ranks decided by exact integer comparisons (no float ties).
 */

/** Settings of the trend figure. */
export interface TrendSettings {
  /** The latest N digests form the recent window (capped at half the digests). */
  window: number;
  /** Fewest papers in the window for a rise or a newcomer to count, so that one paper is not a trend. */
  minRecent: number;
  /** Smallest growth (recent share ÷ earlier share) that counts as rising. */
  minGrowth: number;
}

/** Whether an item rose in the window, is new in it, or neither. */
export type TrendStatus = 'rising' | 'new' | 'steady';

/** The trend of one term or topic as of one digest. */
export interface Trend {
  /** Papers first seen in each digest up to the one the trend is taken at, in arrival order. */
  series: number[];
  /** All its papers up to that digest. */
  total: number;
  /** Index of the first digest with papers, or null when there are none. */
  first: number | null;
  /** Index of the digest with the most papers (the earliest of equal ones), or null when there are none. */
  peak: number | null;
  /** Digests in the window (0 with fewer than two digests). */
  window: number;
  /** Papers first seen in the window. */
  recent: number;
  /** Papers first seen before the window. */
  earlier: number;
  /** All papers first seen in the window (every item's, the denominator of the recent share). */
  recentAll: number;
  /** All papers first seen before the window. */
  earlierAll: number;
  /** Recent share ÷ earlier share; null when there is no earlier paper (or no recent one anywhere). */
  growth: number | null;
  /** Rising, new, or neither, under the settings. */
  status: TrendStatus;
}

/** The digests in the window for a site of `digests` digests: `window`, at most half of them. */
export function effectiveWindow(digests: number, window: number): number {
  return Math.max(0, Math.min(Math.floor(window), Math.floor(digests / 2)));
}

/** Papers per digest from each paper's first digest index (indices outside 0..digests-1 are an error). */
export function seriesOf(firstDigests: Iterable<number>, digests: number): number[] {
  const series = new Array<number>(digests).fill(0);
  for (const d of firstDigests) {
    if (!Number.isInteger(d) || d < 0 || d >= digests) throw new Error(`Digest index ${d} outside 0..${digests - 1}`);
    series[d]! += 1;
  }
  return series;
}

const sum = (xs: readonly number[], from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n += xs[i]!;
  return n;
};

/**
 * The trend of a series as of digest `upTo - 1` (default: the latest), against `totals`, the papers first seen
 * in each digest across the corpus.
 */
export function trendOf(series: readonly number[], totals: readonly number[], settings: TrendSettings, upTo = series.length): Trend {
  if (totals.length !== series.length) throw new Error(`Series of ${series.length} digests against totals of ${totals.length}`);
  const seen = series.slice(0, upTo);
  const window = effectiveWindow(seen.length, settings.window);
  const start = seen.length - window;
  let first: number | null = null;
  let peak: number | null = null;
  seen.forEach((n, i) => {
    if (n > 0 && first === null) first = i;
    if (n > 0 && (peak === null || n > seen[peak]!)) peak = i;
  });
  const recent = sum(seen, start, seen.length);
  const earlier = sum(seen, 0, start);
  const recentAll = sum(totals, start, seen.length);
  const earlierAll = sum(totals, 0, start);
  const growth = window > 0 && earlier > 0 && recentAll > 0 ? (recent * earlierAll) / (earlier * recentAll) : null;
  let status: TrendStatus = 'steady';
  if (window > 0 && recent >= settings.minRecent) {
    if (earlier === 0) status = 'new';
    // recent / recentAll >= minGrowth * earlier / earlierAll, compared without division.
    else if (recent * earlierAll >= settings.minGrowth * earlier * recentAll) status = 'rising';
  }
  return { series: seen, total: recent + earlier, first, peak, window, recent, earlier, recentAll, earlierAll, growth, status };
}

/** An item with its trend, as the rankings take it. */
export interface Trended {
  id: string;
  trend: Trend;
}

const byId = (a: Trended, b: Trended): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** x·ln(x / expected), 0 for x = 0: one cell of the log-likelihood ratio. */
const cell = (x: number, expected: number): number => (x > 0 ? x * Math.log(x / expected) : 0);

/**
 * How unlikely a trend's split of papers between the window and the digests before is if its share had not changed:
 * Dunning's log-likelihood ratio G² of the 2×2 table (its papers and the others, in the window and before). Unlike
 * the growth alone, it does not put 4 papers against 1 above 42 against 86.
 */
export function riseScore(trend: Trend): number {
  const { recent, earlier, recentAll, earlierAll } = trend;
  const all = recentAll + earlierAll;
  const mine = recent + earlier;
  if (all === 0 || mine === 0) return 0;
  const others = all - mine;
  return (
    2 *
    (cell(recent, (recentAll * mine) / all) +
      cell(earlier, (earlierAll * mine) / all) +
      cell(recentAll - recent, (recentAll * others) / all) +
      cell(earlierAll - earlier, (earlierAll * others) / all))
  );
}

/**
 * Rising items, most significant first: by {@link riseScore}, then growth (compared exactly, as cross products of
 * counts: every item shares the same denominators), then more recent papers, then id.
 */
export function rankRising<T extends Trended>(items: readonly T[]): T[] {
  const rising = items.filter((x) => x.trend.status === 'rising');
  const score = new Map(rising.map((x) => [x, riseScore(x.trend)]));
  return rising.sort(
    (a, b) =>
      (score.get(b) as number) - (score.get(a) as number) ||
      b.trend.recent * a.trend.earlier - a.trend.recent * b.trend.earlier ||
      b.trend.recent - a.trend.recent ||
      byId(a, b),
  );
}

/** New items, most recent papers first, then the later first digest, then id. */
export function rankNew<T extends Trended>(items: readonly T[]): T[] {
  return items
    .filter((x) => x.trend.status === 'new')
    .sort((a, b) => b.trend.recent - a.trend.recent || (b.trend.first ?? 0) - (a.trend.first ?? 0) || byId(a, b));
}
