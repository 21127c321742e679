/**
 * The small papers-per-digest chart of a term or topic, as data for an inline SVG drawn at build time (one path of
 * bars, the window shaded), and its text equivalent: what a screen reader or a reader of the page gets instead.
 */
import type { Trend } from '../pipeline/trends';
import { count, plural } from './numbers';

/** ViewBox units per digest (a bar and its gap). */
const STEP = 3;
/** Bar width in viewBox units. */
export const BAR = 2;
/** ViewBox height: the tallest bar's length. */
export const CHART_HEIGHT = 24;

/** What the chart component draws and writes. */
export interface ChartModel {
  /** ViewBox width. */
  width: number;
  height: number;
  /** Path of vertical bar strokes, one per digest with papers. */
  bars: string;
  /** The window's start and width in viewBox units, or null without a window. */
  window: { x: number; width: number } | null;
  /** Names of the first and the latest digest (the axis ends). */
  from: string;
  to: string;
  /** The text equivalent of the figure. */
  summary: string;
  /** `Mar 14`, or null without papers. */
  firstSeen: string | null;
  /** `Jun 3 (5 papers)`, or null without papers. */
  peak: string | null;
}

const percent = (part: number, whole: number) => `${whole === 0 ? '0' : ((100 * part) / whole).toFixed(1)}%`;

/** The text equivalent of a trend: papers in the window against before, the shares and the verdict. */
export function trendSummary(trend: Trend): string {
  const { window, recent, earlier, recentAll, earlierAll, growth, status } = trend;
  const digests = trend.series.length;
  if (window === 0) return `${plural(trend.total, 'paper')} in ${plural(digests, 'digest')}: too few digests for a trend.`;
  const head = `${plural(recent, 'paper')} in the last ${plural(window, 'digest')}`;
  const before = `the ${plural(digests - window, 'digest')} before`;
  if (earlier === 0) return `${head}, none in ${before}${status === 'new' ? ': new' : ''}.`;
  const shares = `${percent(recent, recentAll)} of their new papers, against ${percent(earlier, earlierAll)}`;
  if (status === 'rising') return `${head}, up from ${count(earlier)} in ${before}: ${shares} (${growth!.toFixed(1)} times the share).`;
  return `${head} and ${count(earlier)} in ${before}: ${shares}.`;
}

/** The chart of a trend, with digests named by `names` (arrival order). */
export function trendChart(trend: Trend, names: readonly string[]): ChartModel {
  const { series } = trend;
  const max = Math.max(0, ...series);
  const bars = series
    .map((n, i) => {
      if (n === 0) return '';
      const h = Math.max(1, Math.round((n / max) * CHART_HEIGHT));
      return `M${i * STEP + BAR / 2} ${CHART_HEIGHT}v-${h}`;
    })
    .join('');
  const width = Math.max(1, series.length) * STEP;
  const name = (i: number | null) => (i === null ? null : (names[i] ?? `#${i + 1}`));
  return {
    width,
    height: CHART_HEIGHT,
    bars,
    window: trend.window > 0 ? { x: (series.length - trend.window) * STEP, width: trend.window * STEP } : null,
    from: names[0] ?? '',
    to: names[series.length - 1] ?? '',
    summary: trendSummary(trend),
    firstSeen: name(trend.first),
    peak: trend.peak === null ? null : `${name(trend.peak)} (${plural(series[trend.peak]!, 'paper')})`,
  };
}
