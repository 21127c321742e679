/** The RSS response of a term's, topic's or area's feed (shared by the three feed endpoints). */
import { getRssString } from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from './site';
import { must } from './site-data';
import { plainText } from '../typography';
import { siteConfig } from '../site-config';
import { siteTrends, type TrendKind } from '../views/trends';
import { trendFeed } from '../views/trend-feed';

/** Renders the feed of one term, topic or area. */
export async function feedResponse(context: APIContext, kind: TrendKind, id: string): Promise<Response> {
  const site = await getSite();
  const trends = siteTrends(site, siteConfig.trends);
  const item = must(kind === 'term' ? trends.termById : kind === 'topic' ? trends.topicById : trends.areaById, id, kind);
  const origin = (context.site ?? new URL(siteConfig.url)).href;
  const feed = trendFeed(trends, item, (paperId) => plainText(must(site.paperById, paperId, 'paper').data.title), {
    siteName: siteConfig.name,
    feedItems: siteConfig.trends.feedItems,
    feedTitles: siteConfig.trends.feedTitles,
  });
  // The channel links the term's, topic's or area's page; item links (site-relative) resolve against it.
  const xml = await getRssString({ ...feed, site: new URL(item.url, origin).href, trailingSlash: true });
  // Two edits of the library's output, for the tens of thousands of term feeds of a large site:
  // - <language> after the channel's <link> (the first one: titles and descriptions are escaped text), where the
  //   `customData` option would parse XML once per feed, three quarters of the feed's build time;
  // - no <guid> copy of each item's link (optional in RSS 2.0; readers then key items by their link): a tenth of
  //   the feed's bytes.
  const out = xml.replace('</link>', '</link><language>en</language>').replace(/<guid isPermaLink="true">[^<]*<\/guid>/g, '');
  return new Response(out, { headers: { 'Content-Type': 'application/xml' } });
}
