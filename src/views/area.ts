/** The view of an area page: its label, its papers per digest, its topics with sizes, its term map, its most central papers and its neighbouring areas. */
import { papersInTopics } from './numbers';
import { areaRegionUrl, areaUrl, siteUrls } from '../lib/links';
import { must, type AreaData, type Site } from '../lib/site-data';
import type { PageSettings } from '../site-config';
import { paperItem, type PaperItem } from './paper-item';
import { termMapView, type TermMapView } from './term-map';
import { topicCard, type TopicsIndexTopic } from './lists';
import { trendPanelView, type TrendContext, type TrendPanelView } from './trend-views';

/** A link to an area or topic with its size in papers. */
export interface SizedLink {
  label: string;
  url: string;
  papers: number;
}

/** Everything an area page shows. */
export interface AreaView {
  label: string;
  description: string;
  /** `1,234 papers in 5 topics. Top terms: a, b, c.` */
  lead: string;
  topics: TopicsIndexTopic[];
  map: TermMapView;
  /** Its most central papers (each of its papers is listed on its topic's pages). */
  papers: PaperItem[];
  nearest: SizedLink[];
  topicsUrl: string;
  /** The paper map zoomed to the area. */
  regionUrl: string;
  /** Papers per digest and the area's feed (when the trends are given). */
  trend?: TrendPanelView;
}

/** The view of one area's page (with its trend panel when `trends` is given). */
export function areaView(site: Site, area: AreaData, pages: PageSettings, trends?: TrendContext): AreaView {
  const termLabel = (id: string) => site.termById.get(id)?.data.label ?? id;
  const topics = area.topics.map((id) => must(site.topicById, id, 'topic'));
  const papers = area.central.map((id) => must(site.paperById, id, 'paper'));
  const listed = new Set(area.central);
  const termPapers = Object.fromEntries(
    area.map.nodes.map((n) => {
      const users = site.termById.get(n.term)?.data.papers ?? papers.filter((p) => p.data.terms.some((t) => t.term === n.term)).map((p) => p.id);
      return [n.term, users.filter((id) => listed.has(id))];
    }),
  );
  const topTerms = area.terms.slice(0, pages.topicLeadTerms).map((t) => termLabel(t.term));
  return {
    label: area.label,
    description: `${papersInTopics(area.size, topics.length)} on ${area.label}.`,
    lead: `${papersInTopics(area.size, topics.length)}. Top terms: ${topTerms.join(', ')}.`,
    topics: topics.map((t) => topicCard(site, t, pages)),
    map: termMapView({
      map: area.map,
      slugs: Object.fromEntries(area.map.nodes.map((n) => [n.term, site.termById.get(n.term)?.data.slug ?? null])),
      label: `Key terms of ${area.label}`,
      download: siteUrls.areasJson,
      filterTarget: 'area-papers',
      termPapers,
    }),
    papers: papers.map((p) => paperItem(site, p, pages.previewChars)),
    nearest: area.nearest.map((id) => {
      const n = must(site.areaById, id, 'area');
      return { label: n.label, url: areaUrl(n.slug), papers: n.size };
    }),
    topicsUrl: siteUrls.topics,
    regionUrl: areaRegionUrl(area.slug),
    ...(trends ? { trend: trendPanelView(site, trends.settings, 'area', area.id, trends.siteName) } : {}),
  };
}
