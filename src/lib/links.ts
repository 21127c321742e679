/** Page URLs and display names, free of Astro imports so build scripts and unit tests can use them. */
import { arrivalNumber } from '../pipeline/digest-names.ts';

/** URL of a paper page. */
export const paperUrl = (slug: string) => `/papers/${slug}/`;
/** URL of a digest page. */
export const digestUrl = (id: string) => `/digests/${id}/`;
/** URL of a topic page. */
export const topicUrl = (slug: string) => `/topics/${slug}/`;
/** URL of an area page (a group of topics). */
export const areaUrl = (slug: string) => `/areas/${slug}/`;
/** URL of page `n` (1-based) of a topic's papers: the topic page itself for n = 1. */
export const topicPageUrl = (slug: string, n: number) => (n <= 1 ? topicUrl(slug) : `/topics/${slug}/${n}/`);
/** URL of a term page. */
export const termUrl = (slug: string) => `/terms/${slug}/`;
/** URL of one topic's data (its term map and lists), the download under a topic's map. */
export const topicDataUrl = (id: string) => `/data/topics/${id}.json`;
/** URL of one topic's term map in VOSviewer's JSON format. */
export const vosviewerTopicUrl = (id: string) => `/data/vosviewer/topics/${id}.json`;
/** URL of the search page with a query filled in. */
export const searchUrl = (query: string) => `/search/?q=${encodeURIComponent(query)}`;

/** URLs of the site's fixed pages, feeds and data files. */
export const siteUrls = {
  home: '/',
  papers: '/papers/',
  topics: '/topics/',
  terms: '/terms/',
  map: '/map/',
  paperMap: '/map/papers/',
  digests: '/digests/',
  trends: '/trends/',
  search: '/search/',
  rss: '/rss.xml',
  papersJson: '/data/papers.json',
  digestsJson: '/data/digests.json',
  topicsJson: '/data/topics.json',
  trendsJson: '/data/trends.json',
  vosviewerCorpus: '/data/vosviewer/corpus.json',
  areasJson: '/data/areas.json',
  favicon: '/favicon.svg',
} as const;

/** Searches for a paper elsewhere by its plain-text title: arXiv's title search and the paper hub's search. */
export function findPaperUrls(titleText: string): { arxiv: string; hub: string } {
  const query = encodeURIComponent(titleText);
  return { arxiv: `https://arxiv.org/search/?searchtype=title&query=${query}`, hub: `https://huggingface.co/papers?q=${query}` };
}

/** URL of the paper map; with a paper id it opens zoomed on that paper, marked. */
export const paperMapUrl = (paperId?: string) => (paperId === undefined ? siteUrls.paperMap : `${siteUrls.paperMap}?paper=${encodeURIComponent(paperId)}`);
/** URL of the paper map zoomed to a topic's region. */
export const topicRegionUrl = (topicSlug: string) => `${siteUrls.paperMap}?topic=${encodeURIComponent(topicSlug)}`;
/** URL of the paper map zoomed to an area's region. */
export const areaRegionUrl = (areaSlug: string) => `${siteUrls.paperMap}?area=${encodeURIComponent(areaSlug)}`;

/** A digest's display name: its date label, made unique across digests by the analysis (`digestNames`). */
export function digestName(d: { data: { name: string } }): string {
  return d.data.name;
}

/** A digest's heading: `Listing of Mar 14`, or `Undated listing (#3)` for a listing without a date. */
export function digestHeading(d: { data: { name: string; date: string | null; order: number } }): string {
  return d.data.date === null ? `Undated listing (${arrivalNumber(d.data.order)})` : `Listing of ${d.data.name}`;
}

/** URL of the trends page (rising and new terms and topics). */
export const trendsUrl = () => siteUrls.trends;
/** URL of a term's feed (an item per digest that brought it papers). */
export const termFeedUrl = (slug: string) => `/feeds/terms/${slug}.xml`;
/** URL of a topic's feed, by topic id: ids outlive renames (slugs follow labels), so subscriptions keep working. */
export const topicFeedUrl = (id: string) => `/feeds/topics/${id}.xml`;
/** URL of an area's feed, by area id (ids outlive renames, as for topics). */
export const areaFeedUrl = (id: string) => `/feeds/areas/${id}.xml`;
/** URL of the series of every term and topic (`/data/trends.json`). */
export const trendsDataUrl = () => siteUrls.trendsJson;
