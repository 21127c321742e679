/** What a term page's trend panel shows, for the term page's incremental-build cache key (src/lib/page-keys.ts). */
import { trendChart } from './trend-chart';
import { siteTrends, type TrendSource } from './trends';

const names = new WeakMap<TrendSource, string[]>();

/** The panel's content: label, feed URL and chart (bars, window, axis names, text equivalent, first and peak). */
export function termTrendKey(site: TrendSource, id: string): unknown {
  const trends = siteTrends(site);
  let axis = names.get(site);
  if (!axis) {
    axis = trends.digests.map((d) => d.name);
    names.set(site, axis);
  }
  const item = trends.termById.get(id);
  return item ? [item.label, item.feed, trendChart(item.trend, axis)] : null;
}
