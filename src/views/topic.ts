/**
 * The view of a topic page: its area, label, top terms, its term map, its papers (most central first, the first
 * `topicPagePapers` of them; the rest on numbered pages, see {@link topicMoreViews}), the nearest topics and the
 * other topics of its area.
 */
import { areaUrl, termUrl, topicDataUrl, topicPageUrl, topicRegionUrl, topicUrl, vosviewerTopicUrl } from '../lib/links';
import { must, type Site, type TopicEntry } from '../lib/site-data';
import type { PageSettings } from '../site-config';
import { paperItem, type PaperItem } from './paper-item';
import { termMapView, type TermMapView } from './term-map';
import { trendPanelView, type TrendContext, type TrendPanelView } from './trend-views';

/** Everything a topic page shows. */
export interface TopicView {
  label: string;
  description: string;
  /** `31 papers. Top terms: a, b, c.` */
  lead: string;
  /** The topic's region on the paper map. */
  regionUrl: string;
  /** The term map in VOSviewer's JSON format. */
  vosviewerUrl: string;
  map: TermMapView;
  papers: PaperItem[];
  /** Top terms that have a page, with their weight as shown (`0.123`). */
  topTerms: { label: string; url: string; weight: string }[];
  nearest: { label: string; url: string; count: number }[];
  /** Papers per digest and the topic's feed (when the trends are given). */
  trend?: TrendPanelView;
  /** The area the topic belongs to (the breadcrumb), null when the site has no areas. */
  area: { label: string; url: string } | null;
  /** The other topics of its area, largest first. */
  siblings: { label: string; url: string; count: number }[];
  paging: Paging;
}

/** Where a page of a topic's paper list stands among the others. */
export interface Paging {
  /** This page's number, 1-based. */
  page: number;
  /** Number of pages. */
  pages: number;
  /** Number of the first paper listed on this page, 1-based. */
  start: number;
  /** Papers on all pages. */
  total: number;
  /** Every page's number and URL (the first is the topic page). */
  links: { page: number; url: string }[];
  prev: string | null;
  next: string | null;
}

/** Later pages of a topic's paper list: the topic's label, its area and this page's papers. */
export interface TopicMoreView {
  label: string;
  description: string;
  topicUrl: string;
  area: { label: string; url: string } | null;
  papers: PaperItem[];
  paging: Paging;
}

/** Paging of page `page` of `total` papers at `per` per page, for the topic with this slug. */
export function paging(slug: string, total: number, per: number, page: number): Paging {
  const pages = Math.max(1, Math.ceil(total / per));
  const links = Array.from({ length: pages }, (_, i) => ({ page: i + 1, url: topicPageUrl(slug, i + 1) }));
  return {
    page,
    pages,
    start: (page - 1) * per + 1,
    total,
    links,
    prev: page > 1 ? topicPageUrl(slug, page - 1) : null,
    next: page < pages ? topicPageUrl(slug, page + 1) : null,
  };
}

/** The area breadcrumb of a topic. */
function areaOf(site: Site, topic: TopicEntry): { label: string; url: string } | null {
  const area = site.areaOfTopic.get(topic.id);
  return area ? { label: area.label, url: areaUrl(area.slug) } : null;
}

/** The numbers of a topic's pages after the first (2, 3, …; none when its papers fit on one page). */
export function topicMorePages(topic: TopicEntry, pages: PageSettings): number[] {
  const count = Math.ceil(topic.data.papers.length / pages.topicPagePapers);
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 2);
}

/** The view of page `page` (2, 3, …) of a topic's paper list. */
export function topicMoreView(site: Site, topic: TopicEntry, pages: PageSettings, page: number): TopicMoreView {
  const { data } = topic;
  const per = pages.topicPagePapers;
  const ids = data.papers.slice((page - 1) * per, page * per);
  return {
    label: data.label,
    description: `Papers ${(page - 1) * per + 1}–${(page - 1) * per + ids.length} of ${data.papers.length} on ${data.label}.`,
    topicUrl: topicUrl(data.slug),
    area: areaOf(site, topic),
    papers: ids.map((id) => paperItem(site, must(site.paperById, id, 'paper'), pages.previewChars)),
    paging: paging(data.slug, data.papers.length, per, page),
  };
}

/** The views of pages 2, 3, … of a topic's paper list (none when its papers fit on one page). */
export function topicMoreViews(site: Site, topic: TopicEntry, pages: PageSettings): TopicMoreView[] {
  return topicMorePages(topic, pages).map((page) => topicMoreView(site, topic, pages, page));
}

/** The view of one topic's page. */
export function topicView(site: Site, topic: TopicEntry, pages: PageSettings, trends?: TrendContext): TopicView {
  const { data } = topic;
  const papers = data.papers.slice(0, pages.topicPagePapers).map((id) => must(site.paperById, id, 'paper'));
  const total = data.papers.length;
  const topTerms = data.terms.flatMap((w) => {
    const t = site.termById.get(w.term);
    return t ? [{ label: t.data.label, url: termUrl(t.data.slug), weight: w.weight.toFixed(3) }] : [];
  });
  // The listed papers that use each map term (all uses, as the map counts them; not only key terms), for the map's list filter.
  const inTopic = new Set(papers.map((p) => p.id));
  const termPapers = Object.fromEntries(
    data.map.nodes.map((n) => {
      const users = site.termById.get(n.term)?.data.papers ?? papers.filter((p) => p.data.terms.some((t) => t.term === n.term)).map((p) => p.id);
      return [n.term, users.filter((id) => inTopic.has(id))];
    }),
  );
  return {
    label: data.label,
    description: `${total} papers on ${data.label}.`,
    lead: `${total} papers. Top terms: ${topTerms
      .slice(0, pages.topicLeadTerms)
      .map((t) => t.label)
      .join(', ')}.`,
    regionUrl: topicRegionUrl(data.slug),
    vosviewerUrl: vosviewerTopicUrl(topic.id),
    map: termMapView({
      map: data.map,
      slugs: Object.fromEntries(data.map.nodes.map((n) => [n.term, site.termById.get(n.term)?.data.slug ?? null])),
      label: `Key terms of ${data.label}`,
      download: topicDataUrl(topic.id),
      filterTarget: 'topic-papers',
      termPapers,
    }),
    papers: papers.map((p) => paperItem(site, p, pages.previewChars)),
    topTerms,
    nearest: data.nearest.map((id) => {
      const n = must(site.topicById, id, 'topic');
      return { label: n.data.label, url: topicUrl(n.data.slug), count: n.data.papers.length };
    }),
    ...(trends ? { trend: trendPanelView(site, trends.settings, 'topic', topic.id, trends.siteName) } : {}),
    area: areaOf(site, topic),
    siblings: (site.areaOfTopic.get(topic.id)?.topics ?? [])
      .filter((id) => id !== topic.id)
      .map((id) => {
        const n = must(site.topicById, id, 'topic');
        return { label: n.data.label, url: topicUrl(n.data.slug), count: n.data.papers.length };
      }),
    paging: paging(data.slug, total, pages.topicPagePapers, 1),
  };
}
