/**
 * What pages show of trends: a term's or topic's panel (chart, first and peak digest, its feed), and the lists of
 * rising and new items on /trends/, the home page and the digest pages, each row with its count line and chart.
 * Pure: plain data from {@link siteTrends} in, plain data out (part of each page's view, so of its cache key).
 */
import { trendOf, type TrendSettings } from '../pipeline/trends';
import type { SiteConfig } from '../site-config';
import { trendChart, type ChartModel } from './trend-chart';
import { roseWith, siteTrends, trendLists, type SiteTrends, type TrendItem, type TrendKind, type TrendSource } from './trends';

/** What the trend views need from the site configuration: the trend settings and list lengths, and the site's name. */
export interface TrendContext {
  settings: SiteConfig['trends'];
  siteName: string;
}

/** The trend context of a configuration, or undefined when trends are turned off (pages then show none). */
export function trendContext(config: Pick<SiteConfig, 'trends' | 'name'>): TrendContext | undefined {
  return config.trends.enabled ? { settings: config.trends, siteName: config.name } : undefined;
}

/** A term's or topic's trend panel, and the feed its page links in its head. */
export interface TrendPanelView {
  chart: ChartModel;
  /** Digests in the window (the chart's shaded part). */
  window: number;
  /** The item's feed (site-relative). */
  feed: string;
  /** The feed's title in the page head (`<site>: <label>`). */
  feedTitle: string;
}

/** One row of a trend list. */
export interface TrendRow {
  label: string;
  url: string;
  /** `12 new in the last 10, 3.2 times the share before`. */
  count: string;
  /** The row's chart, where the list shows charts. */
  chart: ChartModel | null;
  window: number;
}

/** Lists of trend rows under headings (home: rising topics and terms; a digest page: what rose with it). */
export interface TrendGroupsView {
  groups: { id: string; title: string; rows: TrendRow[] }[];
}

/** Digest names of the axis, once per site. */
const axes = new WeakMap<SiteTrends, string[]>();
function axisOf(trends: SiteTrends): string[] {
  let names = axes.get(trends);
  if (!names) {
    names = trends.digests.map((d) => d.name);
    axes.set(trends, names);
  }
  return names;
}

/** The count line of a rising or new item. */
export function countLine(x: TrendItem): string {
  return x.trend.status === 'rising' && x.trend.growth !== null
    ? `${x.trend.recent} new in the last ${x.trend.window}, ${x.trend.growth.toFixed(1)} times the share before`
    : `${x.trend.recent} new in the last ${x.trend.window}`;
}

/** Rows of a list, with charts or without. */
export function trendRows(trends: SiteTrends, items: readonly TrendItem[], charts: boolean): TrendRow[] {
  return items.map((x) => ({
    label: x.label,
    url: x.url,
    count: countLine(x),
    chart: charts ? trendChart(x.trend, axisOf(trends)) : null,
    window: x.trend.window,
  }));
}

/**
 * The trend panel of a term, topic or area page; throws for an item without a trend (every term with a page, every
 * topic and area has one). A term's chart runs up to the latest digest with its papers, and says so: a digest that
 * brings it none leaves its page as it was (there are thousands of term pages; only /trends/ and the lists follow
 * every digest). Topics and areas, a few pages, chart every digest.
 */
export function trendPanelView(source: TrendSource, settings: TrendSettings, kind: TrendKind, id: string, siteName: string): TrendPanelView {
  const trends = siteTrends(source, settings);
  const item = (kind === 'term' ? trends.termById : kind === 'topic' ? trends.topicById : trends.areaById).get(id);
  if (!item) throw new Error(`No trend for ${kind} "${id}"`);
  const feeds = { feed: item.feed, feedTitle: `${siteName}: ${item.label}` };
  const latest = kind === 'term' ? lastWithPapers(item.trend.series) : -1;
  if (latest < 0) return { chart: trendChart(item.trend, axisOf(trends)), window: item.trend.window, ...feeds };
  const asOf = trendOf(item.trend.series, trends.totals, settings, latest + 1);
  const chart = trendChart(asOf, axisOf(trends));
  return { chart: { ...chart, summary: `Up to ${chart.to}, its latest digest with papers: ${chart.summary}` }, window: asOf.window, ...feeds };
}

/** Index of the last digest with papers in a series (-1: none). */
function lastWithPapers(series: readonly number[]): number {
  for (let i = series.length - 1; i >= 0; i -= 1) if ((series[i] as number) > 0) return i;
  return -1;
}

/** The home page's summary: the top rising topics and terms. */
export function risingSummaryView(source: TrendSource, settings: TrendSettings, limit: number): TrendGroupsView {
  const trends = siteTrends(source, settings);
  const { risingTopics, risingTerms } = trendLists(trends, limit);
  return {
    groups: [
      { id: 'home-rising-topics', title: 'Rising topics', rows: trendRows(trends, risingTopics, false) },
      { id: 'home-rising-terms', title: 'Rising terms', rows: trendRows(trends, risingTerms, false) },
    ],
  };
}

/** A digest page's list: the topics and terms it brought papers to that were rising or new as of that digest. */
export function roseWithDigestView(source: TrendSource, settings: TrendSettings, digestId: string, limit: number): TrendGroupsView {
  const trends = siteTrends(source, settings);
  const { topics, terms } = roseWith(trends, digestId, limit);
  return {
    groups: [
      { id: 'rose-topics', title: 'Topics', rows: trendRows(trends, topics, false) },
      { id: 'rose-terms', title: 'Terms', rows: trendRows(trends, terms, false) },
    ],
  };
}

/** The view of `/trends/`: the six lists (areas, topics, terms) with charts, and the definition's figures for its lead. */
export interface TrendsPageView extends TrendGroupsView {
  /** Digests in the window (0: too few digests for trends). */
  window: number;
  /** Digests before the window. */
  before: number;
  minRecent: number;
  minGrowth: number;
}

/** The view of `/trends/`. */
export function trendsPageView(source: TrendSource, settings: TrendSettings, limit: number): TrendsPageView {
  const trends = siteTrends(source, settings);
  const lists = trendLists(trends, limit);
  const window = trends.topics[0]?.trend.window ?? 0;
  return {
    window,
    before: trends.digests.length - window,
    minRecent: settings.minRecent,
    minGrowth: settings.minGrowth,
    groups: [
      { id: 'rising-areas', title: 'Rising areas', rows: trendRows(trends, lists.risingAreas, true) },
      { id: 'new-areas', title: 'New areas', rows: trendRows(trends, lists.newAreas, true) },
      { id: 'rising-topics', title: 'Rising topics', rows: trendRows(trends, lists.risingTopics, true) },
      { id: 'rising-terms', title: 'Rising terms', rows: trendRows(trends, lists.risingTerms, true) },
      { id: 'new-topics', title: 'New topics', rows: trendRows(trends, lists.newTopics, true) },
      { id: 'new-terms', title: 'New terms', rows: trendRows(trends, lists.newTerms, true) },
    ],
  };
}
