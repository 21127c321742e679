/** `/data/trends.json`: the series and trend figure of every area, every topic and every term with a page, for reuse. */
import type { SiteTrends, TrendItem } from './trends';

/** One item's series, sparse: `[digest index, papers]` for each digest that brought it papers. */
const sparse = (series: readonly number[]): [number, number][] => series.flatMap((n, i) => (n > 0 ? [[i, n] as [number, number]] : []));

const itemJson = (x: TrendItem) => ({
  id: x.id,
  label: x.label,
  url: x.url,
  feed: x.feed,
  total: x.trend.total,
  first: x.trend.first,
  peak: x.trend.peak,
  recent: x.trend.recent,
  earlier: x.trend.earlier,
  growth: x.trend.growth === null ? null : Math.round(x.trend.growth * 1000) / 1000,
  status: x.trend.status,
  series: sparse(x.trend.series),
});

const withoutSwitch = <T extends object>(settings: T): Omit<T, 'enabled'> => {
  const { enabled: _enabled, ...rest } = settings as T & { enabled?: boolean };
  return rest;
};

/** The JSON document: settings, the digest axis with corpus-wide totals, then topics, terms and areas. */
export function trendsJson(trends: SiteTrends) {
  const window = trends.terms[0]?.trend.window ?? trends.topics[0]?.trend.window ?? 0;
  return {
    definition:
      'series: papers first seen per digest ([digest index, count], zeros left out). recent/earlier: papers first seen in the ' +
      'last `window` digests / before them. growth = (recent / all papers first seen in the window) ÷ (earlier / all papers ' +
      'first seen before it). status: rising when recent ≥ minRecent and growth ≥ minGrowth; new when recent ≥ minRecent and earlier = 0.',
    // The figure's settings as configured (not whether trends are on: this file exists only when they are).
    settings: { ...withoutSwitch(trends.settings), window },
    digests: trends.digests.map((d, i) => ({ id: d.id, name: d.name, url: d.url, papers: trends.totals[i] })),
    topics: trends.topics.map(itemJson),
    terms: trends.terms.map(itemJson),
    areas: trends.areas.map(itemJson),
  };
}
