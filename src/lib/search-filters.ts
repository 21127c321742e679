/** The Pagefind filter value of every topic and digest, computed once per build (pages and cache keys share them). */
import { filterValues } from '../views/search-index';
import { digestName } from './links';
import type { Site } from './site-data';

/** Filter values by topic id and by digest id. */
export interface SearchFilters {
  topic: Map<string, string>;
  digest: Map<string, string>;
}

const memo = new WeakMap<Site, SearchFilters>();

/** The filter values of a site's topics and digests (labels made unique where two are the same). */
export function searchFilters(site: Site): SearchFilters {
  let filters = memo.get(site);
  if (filters === undefined) {
    filters = {
      topic: filterValues(site.topics.map((t) => ({ id: t.id, label: t.data.label }))),
      digest: filterValues(site.digests.map((d) => ({ id: d.id, label: digestName(d) }))),
    };
    memo.set(site, filters);
  }
  return filters;
}
