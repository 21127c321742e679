/**
 * The view of the RSS feed: one item per digest, newest first. Digests carry a month and day but no year, so
 * items have no pubDate (optional in RSS 2.0) rather than an invented one; the guid is the digest page URL,
 * which is stable because it is built from the digest file name.
 */
import { plainText } from '../typography';
import { digestHeading, digestUrl } from '../lib/links';
import { must, type DigestEntry, type Site } from '../lib/site-data';
import type { SiteConfig } from '../site-config';

/** The feed's items, with the feed's title and description. */
export interface FeedView {
  title: string;
  description: string;
  items: { title: string; link: string; description: string }[];
}

/** The plain-text description of a digest: counts, then the first `shown` new titles. */
export function describeDigest(digest: DigestEntry, site: Site, shown: number): string {
  const { papers, newPapers } = digest.data;
  const counts = `${papers.length} paper${papers.length === 1 ? '' : 's'}, ${newPapers.length} new.`;
  if (newPapers.length === 0) return counts;
  const titles = newPapers.slice(0, shown).map((id) => plainText(must(site.paperById, id, 'paper').data.title));
  const more = newPapers.length > shown ? ` (and ${newPapers.length - shown} more)` : '';
  return `${counts} New: ${titles.join('; ')}${more}.`;
}

/** The view of `/rss.xml`. */
export function feedView(site: Site, config: Pick<SiteConfig, 'feed' | 'pages'>): FeedView {
  return {
    title: config.feed.title,
    description: config.feed.description,
    items: [...site.digests].reverse().map((digest) => ({
      title: digestHeading(digest),
      link: digestUrl(digest.id),
      description: describeDigest(digest, site, config.pages.feedTitles),
    })),
  };
}
