/** The view of a digest page: what it brought, its papers in listing order (marking those seen before), its neighbours. */
import { digestHeading, digestName, digestUrl, termUrl, topicUrl } from '../lib/links';
import { must, type DigestEntry, type Site } from '../lib/site-data';
import type { PageSettings } from '../site-config';
import { paperItem, type PaperItem } from './paper-item';
import { roseWithDigestView, type TrendContext, type TrendGroupsView } from './trend-views';

/** A link to another digest. */
export interface DigestLink {
  name: string;
  url: string;
}

/** Everything a digest page shows. */
export interface DigestView {
  title: string;
  description: string;
  heading: string;
  file: string;
  paperCount: number;
  newCount: number;
  /** Topics that grew, largest growth first (the first `digestGrownTopics`). */
  grown: { label: string; url: string; added: number }[];
  /** Key terms first seen here (the first `digestNewTerms` that have a page). */
  newTerms: { label: string; url: string }[];
  /** In listing order; a paper listed before carries the badge `Seen before` and where it was first listed. */
  papers: PaperItem[];
  previous?: DigestLink;
  next?: DigestLink;
  /** What rose with this digest (when the trends are given). */
  rose?: TrendGroupsView;
}

const linkTo = (d: DigestEntry | undefined): DigestLink | undefined => (d ? { name: digestName(d), url: digestUrl(d.id) } : undefined);

/** The view of one digest's page. */
export function digestView(site: Site, digest: DigestEntry, pages: PageSettings, trends?: TrendContext): DigestView {
  const { data } = digest;
  const isNew = new Set(data.newPapers);
  const index = site.digests.findIndex((d) => d.id === digest.id);
  const previous = linkTo(site.digests[index - 1]);
  const next = linkTo(site.digests[index + 1]);
  const papers = data.papers.map((id) => {
    const paper = must(site.paperById, id, 'paper');
    const item = paperItem(site, paper, pages.previewChars);
    const first = isNew.has(id) ? undefined : paper.data.appearances[0];
    if (first === undefined || first.digest === digest.id) return item;
    return { ...item, badge: 'Seen before', note: `First listed in ${digestName(must(site.digestById, first.digest, 'digest'))}` };
  });
  return {
    title: `Digest ${digestName(digest)}`,
    description: `${data.papers.length} papers listed on ${digestName(digest)}, ${data.newPapers.length} of them new.`,
    heading: digestHeading(digest),
    file: data.file,
    paperCount: data.papers.length,
    newCount: data.newPapers.length,
    grown: data.grownTopics.slice(0, pages.digestGrownTopics).map((g) => {
      const topic = must(site.topicById, g.topic, 'topic');
      return { label: topic.data.label, url: topicUrl(topic.data.slug), added: g.added };
    }),
    newTerms: data.newTerms
      .flatMap((id) => {
        const t = site.termById.get(id);
        return t ? [{ label: t.data.label, url: termUrl(t.data.slug) }] : [];
      })
      .slice(0, pages.digestNewTerms),
    papers,
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
    ...(trends ? { rose: roseWithDigestView(site, trends.settings, digest.id, trends.settings.roseWithDigest) } : {}),
  };
}
