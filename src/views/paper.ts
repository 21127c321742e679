/** The view of a paper page: title, abstract, topic, key terms, related papers, where it was listed, and its search fields. */
import { plainText } from '../typography';
import { digestName, digestUrl, findPaperUrls, paperMapUrl, paperUrl, termUrl, topicUrl } from '../lib/links';
import { must, type PaperEntry, type Site } from '../lib/site-data';
import { searchFilters } from '../lib/search-filters';
import { sortKey, termsText } from './search-index';
import type { PageSettings } from '../site-config';

/** A key term chip: linked when the term has a page. */
export interface TermChip {
  label: string;
  url?: string;
}

/** Everything a paper page shows. */
export interface PaperView {
  /** Title as written (rendered with its typography) and as plain text (page title, search metadata). */
  title: string;
  titleText: string;
  /** Meta description: the start of the plain abstract. */
  description: string;
  abstract: string;
  topic: { label: string; url: string; /** Its Pagefind filter value. */ filter: string };
  /** `data-pagefind-sort` value: the arrival order of the first digest the paper was listed in. */
  sort: string;
  /** The hidden, indexed line of key terms with acronyms and long forms (`''`: none), so "MoE" finds "mixture of experts" and back. */
  searchTerms: string;
  terms: TermChip[];
  related: { url: string; title: string; /** Labels of the first shared key terms. */ shared: string[] }[];
  appearances: { name: string; url: string; position: number; /** Its Pagefind filter value. */ filter: string }[];
  /** Searches for the paper elsewhere. */
  find: { arxiv: string; hub: string };
  /** The paper's spot on the paper map, and the paper's id as its search metadata (the map's search reads it). */
  onMap: { url: string; meta: string };
}

/** The view of one paper's page. */
export function paperView(site: Site, paper: PaperEntry, pages: PageSettings): PaperView {
  const { data } = paper;
  const topic = must(site.topicById, data.topic, 'topic');
  const titleText = plainText(data.title);
  const filters = searchFilters(site);
  const appearances = data.appearances.map((a) => ({ ...a, digest: must(site.digestById, a.digest, 'digest') }));
  const termLabel = (id: string) => site.termById.get(id)?.data.label ?? id;
  return {
    title: data.title,
    titleText,
    description: plainText(data.abstract).slice(0, pages.descriptionChars),
    abstract: data.abstract,
    topic: { label: topic.data.label, url: topicUrl(topic.data.slug), filter: filters.topic.get(topic.id) ?? topic.data.label },
    sort: `order:${sortKey(appearances[0]?.digest.data.order ?? 0)}`,
    searchTerms: termsText(
      data.terms.flatMap((t) => {
        const term = site.termById.get(t.term);
        return term ? [{ label: term.data.label, acronym: term.data.acronym, longForm: term.data.longForm }] : [];
      }),
    ),
    terms: data.terms.map(({ term: id, label }) => {
      const term = site.termById.get(id);
      return term ? { label: term.data.label, url: termUrl(term.data.slug) } : { label: label ?? id };
    }),
    related: data.related.map((r) => {
      const other = must(site.paperById, r.id, 'paper');
      return { url: paperUrl(other.data.slug), title: other.data.title, shared: r.shared.slice(0, pages.sharedTermsShown).map(termLabel) };
    }),
    appearances: appearances.map((a) => ({
      name: digestName(a.digest),
      url: digestUrl(a.digest.id),
      position: a.position,
      filter: filters.digest.get(a.digest.id) ?? digestName(a.digest),
    })),
    find: findPaperUrls(titleText),
    onMap: { url: paperMapUrl(paper.id), meta: `paper:${paper.id}` },
  };
}
