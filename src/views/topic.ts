/** The view of a topic page: label, top terms, its term map, its papers (most central first) and the nearest topics. */
import { termUrl, topicDataUrl, topicRegionUrl, topicUrl, vosviewerTopicUrl } from '../lib/links';
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
}

/** The view of one topic's page. */
export function topicView(site: Site, topic: TopicEntry, pages: PageSettings, trends?: TrendContext): TopicView {
  const { data } = topic;
  const papers = data.papers.map((id) => must(site.paperById, id, 'paper'));
  const topTerms = data.terms.flatMap((w) => {
    const t = site.termById.get(w.term);
    return t ? [{ label: t.data.label, url: termUrl(t.data.slug), weight: w.weight.toFixed(3) }] : [];
  });
  // The topic's papers that use each map term (all uses, as the map counts them; not only key terms), for the map's list filter.
  const inTopic = new Set(data.papers);
  const termPapers = Object.fromEntries(
    data.map.nodes.map((n) => {
      const users = site.termById.get(n.term)?.data.papers ?? papers.filter((p) => p.data.terms.some((t) => t.term === n.term)).map((p) => p.id);
      return [n.term, users.filter((id) => inTopic.has(id))];
    }),
  );
  return {
    label: data.label,
    description: `${papers.length} papers on ${data.label}.`,
    lead: `${papers.length} papers. Top terms: ${topTerms
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
  };
}
