/**
 * The feed of a term or topic: one item per digest that brought it papers, latest first, each listing those
 * papers with links, so a reader can follow one subject instead of every digest.
 */
import { FEED_ITEMS } from '../lib/trend-settings';
import { papersByDigest, type SiteTrends, type TrendItem } from './trends';

/** A paper as a feed item lists it. */
export interface FeedPaper {
  title: string;
  url: string;
}

/** One feed item, as `@astrojs/rss` takes it. */
export interface FeedItem {
  title: string;
  /** The digest page (site-relative). */
  link: string;
  /** HTML: the list of papers, with absolute links. */
  description: string;
}

/** The feed of a term or topic. */
export interface FeedModel {
  title: string;
  description: string;
  items: FeedItem[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The feed of `item`: its latest FEED_ITEMS digests that brought papers. `paper(id)` gives a paper's plain title
 * and page URL; `origin` makes the links in the descriptions absolute (feed readers resolve them elsewhere).
 */
export function trendFeed(trends: SiteTrends, item: TrendItem, paper: (id: string) => FeedPaper, origin: string): FeedModel {
  const what = item.kind === 'term' ? `the term “${item.label}”` : `the topic “${item.label}”`;
  const items = papersByDigest(trends, item)
    .slice(0, FEED_ITEMS)
    .map(([d, ids]) => {
      const digest = trends.digests[d]!;
      const list = ids
        .map(paper)
        .map((p) => `<li><a href="${escapeHtml(new URL(p.url, origin).href)}">${escapeHtml(p.title)}</a></li>`)
        .join('');
      return {
        title: `${digest.name}: ${ids.length} new ${ids.length === 1 ? 'paper' : 'papers'} on ${item.label}`,
        link: digest.url,
        description: `<ul>${list}</ul>`,
      };
    });
  return {
    title: `Paper Explorer: ${item.label}`,
    description: `New papers on ${what}, one item per digest that brought some.`,
    items,
  };
}
