/** The view of the home page: what the site holds, the digests newest first and the largest topics. */
import { count, papersInTopics } from './numbers';
import { areaUrl, digestName, digestUrl, siteUrls, topicUrl } from '../lib/links';
import type { Site } from '../lib/site-data';
import type { PageSettings } from '../site-config';
import { risingSummaryView, type TrendContext, type TrendGroupsView } from './trend-views';

/** Everything the home page shows. */
export interface HomeView {
  description: string;
  stats: { label: string; value: string; href: string }[];
  digests: { name: string; url: string; papers: number; newPapers: number }[];
  topics: { label: string; url: string; papers: number }[];
  topicCount: number;
  /** The top rising topics and terms (when the trends are given). */
  rising?: TrendGroupsView;
  /** Every area, largest first, with its largest topics (empty when the site has no areas). */
  areas: {
    label: string;
    url: string;
    papers: number;
    topicCount: number;
    topics: { label: string; url: string }[];
    /** Its size in words: "8,154 papers in 56 topics". */
    summary: string;
  }[];
}

/** The view of the home page (with what is rising when `trends` is given). */
export function homeView(site: Site, pages: PageSettings, trends?: TrendContext): HomeView {
  return {
    description: `Browse ${count(site.papers.length)} trending papers from ${count(site.digests.length)} daily digests by topic, key term and co-occurrence map.`,
    stats: [
      { label: 'papers', value: count(site.papers.length), href: siteUrls.papers },
      { label: 'digests', value: count(site.digests.length), href: siteUrls.digests },
      { label: 'topics', value: count(site.topics.length), href: siteUrls.topics },
      { label: 'key terms', value: count(site.terms.length), href: siteUrls.terms },
    ],
    digests: [...site.digests].reverse().map((d) => ({ name: digestName(d), url: digestUrl(d.id), papers: d.data.papers.length, newPapers: d.data.newPapers.length })),
    topics: [...site.topics]
      .sort((a, b) => b.data.papers.length - a.data.papers.length || a.id.localeCompare(b.id))
      .slice(0, pages.homeTopics)
      .map((t) => ({ label: t.data.label, url: topicUrl(t.data.slug), papers: t.data.papers.length })),
    topicCount: site.topics.length,
    ...(trends ? { rising: risingSummaryView(site, trends.settings, trends.settings.summarized) } : {}),
    areas: site.areas.map((a) => ({
      label: a.label,
      url: areaUrl(a.slug),
      papers: a.size,
      topicCount: a.topics.length,
      summary: papersInTopics(a.size, a.topics.length),
      topics: a.topics.slice(0, pages.homeAreaTopics).flatMap((id) => {
        const t = site.topicById.get(id);
        return t ? [{ label: t.data.label, url: topicUrl(t.data.slug) }] : [];
      }),
    })),
  };
}
