/**
 * The feed of a term, topic or area: one item per digest that brought it papers, latest first, each listing those
 * papers with links, so a reader can follow one subject instead of every digest.
 */
import { papersByDigest, type SiteTrends, type TrendItem } from './trends';

/** A paper as a feed item lists it: its plain-text title. */
export type FeedPaper = string;

/** One feed item, as `@astrojs/rss` takes it. */
export interface FeedItem {
  title: string;
  /** The digest page (site-relative). */
  link: string;
  /** Plain text: the titles of those papers (the first `feedTitles`, then how many more), `; `-separated. */
  description: string;
}

/** The feed of a term, topic or area. */
export interface FeedModel {
  title: string;
  description: string;
  items: FeedItem[];
}

/**
 * The feed of `item`: its latest `feedItems` digests that brought papers, each listing their titles (`title(id)`,
 * plain text). Titles rather than linked HTML keep the thousands of term feeds small: a link per paper would
 * more than double them, and the item's link, the digest page, links every paper.
 */
export function trendFeed(
  trends: SiteTrends,
  item: TrendItem,
  title: (id: string) => FeedPaper,
  options: { siteName: string; feedItems: number; feedTitles: number },
): FeedModel {
  const { feedItems, feedTitles } = options;
  const what = `the ${item.kind} “${item.label}”`;
  const items = papersByDigest(trends, item)
    .slice(0, feedItems)
    .map(([d, ids]) => {
      const digest = trends.digests[d]!;
      const titles = ids.slice(0, feedTitles).map(title).join('; ');
      const more = ids.length > feedTitles ? ` (and ${ids.length - feedTitles} more)` : '';
      return {
        // The channel's title names the term or topic.
        title: `${digest.name}: ${ids.length} new ${ids.length === 1 ? 'paper' : 'papers'}`,
        link: digest.url,
        description: `${titles}${more}`,
      };
    });
  return {
    title: `${options.siteName}: ${item.label}`,
    description: `New papers on ${what}, one item per digest that brought some.`,
    items,
  };
}
