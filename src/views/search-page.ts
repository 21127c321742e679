/** The view of the search page: the collection's counts and the filter options (labels and order; Pagefind supplies the counts). */
import { digestName } from '../lib/links';
import { searchFilters } from '../lib/search-filters';
import type { Site } from '../lib/site-data';

/** One group of filter checkboxes. */
export interface FilterGroup {
  /** URL parameter and Pagefind filter name. */
  name: 'topic' | 'digest';
  legend: string;
  /** `key` goes into the URL (a topic slug, a digest id); `value` is the Pagefind filter value. */
  options: { key: string; value: string }[];
}

/** Everything the search page shows. */
export interface SearchPageView {
  papers: string;
  topics: string;
  terms: string;
  groups: FilterGroup[];
}

/** The view of `/search/`: topics largest first, digests newest first. */
export function searchPageView(site: Site): SearchPageView {
  const { topic: topicValues, digest: digestValues } = searchFilters(site);
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    papers: fmt(site.papers.length),
    topics: fmt(site.topics.length),
    terms: fmt(site.terms.length),
    groups: [
      {
        name: 'topic',
        legend: 'Topic',
        options: [...site.topics]
          .sort((a, b) => b.data.papers.length - a.data.papers.length || a.data.label.localeCompare(b.data.label))
          .map((t) => ({ key: t.data.slug, value: topicValues.get(t.id) ?? t.data.label })),
      },
      {
        name: 'digest',
        legend: 'Listed in digest',
        options: [...site.digests].reverse().map((d) => ({ key: d.id, value: digestValues.get(d.id) ?? digestName(d) })),
      },
    ],
  };
}
