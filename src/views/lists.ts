/** The views of the index pages: all papers A–Z, all topics, all key terms, all digests. */
import { count, papersInTopics, plural } from './numbers';
import { plainText } from '../typography';
import { areaUrl, digestName, digestUrl, termUrl, topicUrl } from '../lib/links';
import { must, type PaperEntry, type Site } from '../lib/site-data';
import type { PageSettings } from '../site-config';
import { paperItem, type PaperItem } from './paper-item';

/** The A–Z list: papers grouped by the first letter of their plain title (`#` for the rest). */
export interface PapersIndexView {
  description: string;
  paperCount: string;
  digestCount: number;
  letters: { letter: string; /** Fragment id (`letter-A`, `letter-other`). */ id: string; heading: string; papers: PaperItem[] }[];
}

/** The view of `/papers/`. */
export function papersIndexView(site: Site, pages: PageSettings): PapersIndexView {
  const sortKey = (p: PaperEntry) => plainText(p.data.title).normalize('NFKD').toLowerCase();
  const sorted = [...site.papers]
    .map((paper) => ({ paper, key: sortKey(paper) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.paper.id.localeCompare(b.paper.id)));
  const groups = new Map<string, PaperItem[]>();
  for (const { paper, key } of sorted) {
    const letter = /^[a-z]/.test(key) ? (key[0] ?? '#').toUpperCase() : '#';
    const list = groups.get(letter) ?? [];
    list.push(paperItem(site, paper, pages.previewChars));
    groups.set(letter, list);
  }
  return {
    description: `All ${site.papers.length} papers, A–Z.`,
    paperCount: count(site.papers.length),
    digestCount: site.digests.length,
    letters: [...groups].map(([letter, papers]) => ({
      letter,
      id: `letter-${letter === '#' ? 'other' : letter}`,
      heading: letter === '#' ? 'Other' : letter,
      papers,
    })),
  };
}

/** A topic as the topics index lists it. */
export interface TopicsIndexTopic {
  label: string;
  url: string;
  papers: number;
  terms: string;
}

/** The topics, largest first, with their top terms, grouped by area (largest first) when the site has areas. */
export interface TopicsIndexView {
  description: string;
  topicCount: number;
  areaCount: number;
  topics: TopicsIndexTopic[];
  /** Areas, largest first, each with its topics largest first; empty when the site has no areas. */
  areas: {
    id: string;
    label: string;
    url: string;
    papers: number;
    topics: TopicsIndexTopic[];
    /** Its size in words: "8,154 papers in 56 topics". */
    summary: string;
  }[];
}

/** A topic's card (on `/topics/` and on area pages): label, link, size and its first `pages.topicsIndexTerms` terms. */
export function topicCard(site: Site, t: Site['topics'][number], pages: PageSettings): TopicsIndexTopic {
  return {
    label: t.data.label,
    url: topicUrl(t.data.slug),
    papers: t.data.papers.length,
    terms: t.data.terms
      .slice(0, pages.topicsIndexTerms)
      .map((w) => site.termById.get(w.term)?.data.label ?? w.term)
      .join(', '),
  };
}

/** The view of `/topics/`. */
export function topicsIndexView(site: Site, pages: PageSettings): TopicsIndexView {
  const item = (t: Site['topics'][number]): TopicsIndexTopic => topicCard(site, t, pages);
  return {
    description:
      site.areas.length > 0
        ? `${count(site.topics.length)} topic clusters of ${plural(site.papers.length, 'paper')} in ${count(site.areas.length)} areas.`
        : `${count(site.topics.length)} topic clusters of ${plural(site.papers.length, 'paper')}.`,
    topicCount: site.topics.length,
    areaCount: site.areas.length,
    topics: [...site.topics].sort((a, b) => b.data.papers.length - a.data.papers.length || a.id.localeCompare(b.id)).map(item),
    areas: site.areas.map((a) => ({
      id: a.id,
      label: a.label,
      url: areaUrl(a.slug),
      papers: a.size,
      topics: a.topics.map((id) => item(must(site.topicById, id, 'topic'))),
      summary: papersInTopics(a.size, a.topics.length),
    })),
  };
}

/** The key terms with a page, A–Z, with their number of papers. */
export interface TermsIndexView {
  termCount: number;
  /** How many papers a term needs for a page (the analysis's setting), for the page's description. */
  minPapers: number;
  terms: { label: string; url: string; papers: number }[];
}

/** The view of `/terms/`. */
export function termsIndexView(site: Site, minPapers: number): TermsIndexView {
  return {
    termCount: site.terms.length,
    minPapers,
    terms: [...site.terms]
      .sort((a, b) => a.data.label.localeCompare(b.data.label, 'en') || a.id.localeCompare(b.id))
      .map((t) => ({ label: t.data.label, url: termUrl(t.data.slug), papers: t.data.papers.length })),
  };
}

/** The digests, newest first, with their counts. */
export interface DigestsIndexView {
  digestCount: number;
  digests: { name: string; url: string; file: string; papers: number; newPapers: number; seenBefore: number }[];
}

/** The view of `/digests/`. */
export function digestsIndexView(site: Site): DigestsIndexView {
  return {
    digestCount: site.digests.length,
    digests: [...site.digests].reverse().map((d) => ({
      name: digestName(d),
      url: digestUrl(d.id),
      file: d.data.file,
      papers: d.data.papers.length,
      newPapers: d.data.newPapers.length,
      seenBefore: d.data.papers.length - d.data.newPapers.length,
    })),
  };
}
