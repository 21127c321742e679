/**
 * What the site knows about trends: the series and trend figure (src/pipeline/trends.ts) of every term with a page,
 * every topic and every area (its topics' papers), computed once per build from the collections (a paper's first appearance dates it), and the
 * lists the trends page, the home page and the digest pages show. Pure: reads plain collection entries only.
 */
import { areaFeedUrl, areaUrl, digestUrl, termFeedUrl, termUrl, topicFeedUrl, topicUrl } from '../lib/links';
import { rankNew, rankRising, seriesOf, trendOf, type Trend, type TrendSettings } from '../pipeline/trends';

/** A term or topic entry as far as trends read it. */
interface ItemEntry {
  id: string;
  data: { slug: string; label: string; papers: readonly string[] };
}

/** The collections trends are computed from (the site's, or a test's). */
export interface TrendSource {
  /** Digests in arrival order. */
  digests: readonly { id: string; data: { name: string } }[];
  papers: readonly { id: string; data: { appearances: readonly { digest: string }[] } }[];
  terms: readonly ItemEntry[];
  topics: readonly ItemEntry[];
  /** Areas: groups of topics (ids in `topics`). */
  areas: readonly { id: string; slug: string; label: string; topics: readonly string[] }[];
}

/** What a trend item is. */
export type TrendKind = 'term' | 'topic' | 'area';

/** A term, topic or area with its trend and where it lives. */
export interface TrendItem {
  kind: TrendKind;
  id: string;
  label: string;
  /** Its page. */
  url: string;
  /** Its feed. */
  feed: string;
  /** Its papers, for its feed. */
  papers: readonly string[];
  trend: Trend;
}

/** The trends of a whole site. */
export interface SiteTrends {
  settings: TrendSettings;
  /** Digests in arrival order: the time axis. */
  digests: { id: string; name: string; url: string }[];
  /** Papers first seen in each digest, corpus-wide. */
  totals: number[];
  /** A paper's first digest (index in `digests`). */
  firstDigest: Map<string, number>;
  terms: TrendItem[];
  topics: TrendItem[];
  areas: TrendItem[];
  termById: Map<string, TrendItem>;
  topicById: Map<string, TrendItem>;
  areaById: Map<string, TrendItem>;
}

const memo = new WeakMap<TrendSource, SiteTrends>();

/** The trends of a site under the configured settings, computed once per build (the settings do not change within one). */
export function siteTrends(source: TrendSource, settings: TrendSettings): SiteTrends {
  let trends = memo.get(source);
  if (!trends) {
    trends = computeTrends(source, settings);
    memo.set(source, trends);
  }
  return trends;
}

/** The trends of a site under the given settings. */
export function computeTrends(source: TrendSource, settings: TrendSettings): SiteTrends {
  const digests = source.digests.map((d) => ({ id: d.id, name: d.data.name, url: digestUrl(d.id) }));
  const index = new Map(digests.map((d, i) => [d.id, i]));
  const firstDigest = new Map<string, number>();
  for (const p of source.papers) {
    const first = p.data.appearances[0]?.digest;
    const i = first === undefined ? undefined : index.get(first);
    if (i === undefined) throw new Error(`Paper "${p.id}" has no known first digest`);
    firstDigest.set(p.id, i);
  }
  const totals = seriesOf(firstDigest.values(), digests.length);
  const itemsOf = (kind: TrendKind, entries: readonly ItemEntry[]): TrendItem[] =>
    entries.map((e) => {
      const series = seriesOf(
        e.data.papers.map((id) => {
          const d = firstDigest.get(id);
          if (d === undefined) throw new Error(`Unknown paper "${id}" in ${kind} "${e.id}"`);
          return d;
        }),
        digests.length,
      );
      const url = kind === 'term' ? termUrl(e.data.slug) : kind === 'topic' ? topicUrl(e.data.slug) : areaUrl(e.data.slug);
      const feed = kind === 'term' ? termFeedUrl(e.data.slug) : kind === 'topic' ? topicFeedUrl(e.id) : areaFeedUrl(e.id);
      return { kind, id: e.id, label: e.data.label, url, feed, papers: e.data.papers, trend: trendOf(series, totals, settings) };
    });
  const terms = itemsOf('term', source.terms);
  const topics = itemsOf('topic', source.topics);
  const areas = itemsOf('area', areaEntries(source));
  return {
    settings,
    digests,
    totals,
    firstDigest,
    terms,
    topics,
    areas,
    termById: new Map(terms.map((t) => [t.id, t])),
    topicById: new Map(topics.map((t) => [t.id, t])),
    areaById: new Map(areas.map((a) => [a.id, a])),
  };
}

/** Areas as trend entries: an area's papers are its topics' (in topic order, each once). */
function areaEntries(source: TrendSource): ItemEntry[] {
  const topicPapers = new Map(source.topics.map((t) => [t.id, t.data.papers]));
  return source.areas.map((a) => {
    const papers = new Set<string>();
    for (const id of a.topics) {
      const list = topicPapers.get(id);
      if (list === undefined) throw new Error(`Unknown topic "${id}" in area "${a.id}"`);
      for (const p of list) papers.add(p);
    }
    return { id: a.id, data: { slug: a.slug, label: a.label, papers: [...papers] } };
  });
}

/** Rising and new terms, topics and areas, at most `limit` of each list. */
export function trendLists(trends: SiteTrends, limit: number) {
  return {
    risingAreas: rankRising(trends.areas).slice(0, limit),
    newAreas: rankNew(trends.areas).slice(0, limit),
    risingTopics: rankRising(trends.topics).slice(0, limit),
    risingTerms: rankRising(trends.terms).slice(0, limit),
    newTopics: rankNew(trends.topics).slice(0, limit),
    newTerms: rankNew(trends.terms).slice(0, limit),
  };
}

/** What rose with one digest: the items it brought papers to that were rising or new as of that digest, steepest first. */
export function roseWith(trends: SiteTrends, digestId: string, limit: number): { topics: TrendItem[]; terms: TrendItem[] } {
  const d = trends.digests.findIndex((x) => x.id === digestId);
  if (d < 0) throw new Error(`Unknown digest "${digestId}"`);
  const asOf = (items: TrendItem[]): TrendItem[] => {
    const taken = items
      .filter((x) => x.trend.series[d]! > 0)
      .map((x) => ({ ...x, trend: trendOf(x.trend.series, trends.totals, trends.settings, d + 1) }));
    // Rising first (steepest first), then new ones.
    return [...rankRising(taken), ...rankNew(taken)].slice(0, limit);
  };
  return { topics: asOf(trends.topics), terms: asOf(trends.terms) };
}

/** An item's papers grouped by their first digest: `[digest index, paper ids]`, latest digest first. */
export function papersByDigest(trends: SiteTrends, item: TrendItem): [number, string[]][] {
  const groups = new Map<number, string[]>();
  for (const id of item.papers) {
    const d = trends.firstDigest.get(id)!;
    const group = groups.get(d);
    if (group) group.push(id);
    else groups.set(d, [id]);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]);
}
