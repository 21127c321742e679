/** The view of a term page: the papers that use the term (newest first), its topics and the terms it co-occurs with. */
import { searchUrl, termUrl, topicUrl } from '../lib/links';
import { must, type PaperEntry, type Site, type TermEntry } from '../lib/site-data';
import type { PageSettings, SiteConfig } from '../site-config';
import { paperItem, type PaperItem } from './paper-item';
import { trendPanelView, type TrendContext, type TrendPanelView } from './trend-views';

/** Everything a term page shows. */
export interface TermView {
  label: string;
  /** Both names: `mixture of experts (MoE)`, or for a term named by its acronym `CLIP (Contrastive Language-Image Pre-training)`. */
  heading: string;
  description: string;
  /** Whether Pagefind indexes the page (terms that many papers use). */
  indexed: boolean;
  /** `Used by 12 papers across 3 topics.` */
  lead: string;
  /** The papers listed: the newest `termPagePapers`. */
  papers: PaperItem[];
  /** When not every paper is listed: how many there are, and the search for all of them. */
  more?: { total: string; searchUrl: string };
  topics: { label: string; url: string; count: number }[];
  cooccurring: { label: string; url: string; count: number; unit: 'paper' | 'papers' }[];
  /** Papers per digest and the term's feed (when the trends are given). */
  trend?: TrendPanelView;
}

const ranks = new WeakMap<Site, Map<PaperEntry, number>>();

/**
 * Every paper's place in the site's newest-first order (the digest it first appeared in, latest first; then by
 * id), computed once per site: each term page sorts its papers by it instead of looking their digests up anew.
 */
export function newestFirstRanks(site: Site): Map<PaperEntry, number> {
  let rank = ranks.get(site);
  if (rank === undefined) {
    const firstOrder = (p: PaperEntry) => site.digestById.get(p.data.appearances[0]?.digest ?? '')?.data.order ?? -1;
    const keyed = site.papers.map((p) => ({ p, order: firstOrder(p) }));
    keyed.sort((a, b) => b.order - a.order || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0));
    rank = new Map(keyed.map(({ p }, i) => [p, i]));
    ranks.set(site, rank);
  }
  return rank;
}

/** The view of one term's page (with its trend panel when `trends` is given). */
export function termView(site: Site, term: TermEntry, pages: PageSettings, search: SiteConfig['search'], trends?: TrendContext): TermView {
  const { data } = term;
  const papers = data.papers.map((id) => must(site.paperById, id, 'paper'));
  const topicCounts = new Map<string, number>();
  for (const p of papers) topicCounts.set(p.data.topic, (topicCounts.get(p.data.topic) ?? 0) + 1);
  const topics = [...topicCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => {
      const topic = must(site.topicById, id, 'topic');
      return { label: topic.data.label, url: topicUrl(topic.data.slug), count };
    });
  // Newest first (the digest a paper first appeared in, latest first; then by id): a term that hundreds of
  // papers use would otherwise make a page of megabytes. Search finds all of them.
  const rank = newestFirstRanks(site);
  const listed = [...papers].sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number)).slice(0, pages.termPagePapers);
  const other = data.longForm ?? data.acronym;
  const heading = other && other !== data.label ? `${data.label} (${other})` : data.label;
  return {
    label: data.label,
    heading,
    description: `${papers.length} papers use the term “${heading}”.`,
    indexed: papers.length >= search.indexedTermMinPapers,
    lead: `Used by ${papers.length} papers${topics.length > 1 ? ` across ${topics.length} topics` : ''}.`,
    papers: listed.map((p) => paperItem(site, p, pages.previewChars)),
    ...(listed.length < papers.length ? { more: { total: papers.length.toLocaleString('en-US'), searchUrl: searchUrl(data.label) } } : {}),
    topics,
    cooccurring: data.cooccurring.flatMap((c) => {
      const t = site.termById.get(c.term);
      return t ? [{ label: t.data.label, url: termUrl(t.data.slug), count: c.count, unit: c.count === 1 ? ('paper' as const) : ('papers' as const) }] : [];
    }),
    ...(trends ? { trend: trendPanelView(site, trends.settings, 'term', term.id, trends.siteName) } : {}),
  };
}
