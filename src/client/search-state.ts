/**
 * The search page's state as it lives in the URL (`/search/?q=lora&topic=<slug>&digest=<id>&sort=newest`):
 * pure parsing and serialising, so a search can be bookmarked, shared and restored by back/forward.
 */

/** How results are ordered: Pagefind's relevance, or by the digest a paper first arrived in. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** Every sort the page offers, default first. */
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

/** What the user asked for: the query text, the checked topics and digests, and the order. */
export interface SearchState {
  /** The query as typed (trimmed of outer whitespace only when serialised). */
  q: string;
  /** Topic slugs (URL-stable identifiers; the page maps them to Pagefind filter labels). */
  topics: string[];
  /** Digest ids (the digest file name without `.txt`). */
  digests: string[];
  sort: SearchSort;
}

/** The longest query kept from a URL (longer ones are cut: nobody types more, and it bounds the work). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many values per filter are read from a URL. */
const MAX_FILTER_VALUES = 100;

/** The state of an empty search page. */
export function emptySearchState(): SearchState {
  return { q: '', topics: [], digests: [], sort: 'relevance' };
}

function isSort(value: string | null): value is SearchSort {
  return value !== null && (SEARCH_SORTS as readonly string[]).includes(value);
}

/** Distinct non-empty values, in first-seen order. */
function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t !== '' && !seen.has(t) && seen.size < MAX_FILTER_VALUES) seen.add(t);
  }
  return [...seen];
}

/** Reads the state from a query string (`?q=…`, with or without the `?`) or URLSearchParams; unknown or bad values fall back to defaults. */
export function parseSearchState(input: string | URLSearchParams): SearchState {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trimStart().slice(0, MAX_QUERY_LENGTH);
  const sort = params.get('sort');
  return {
    q,
    topics: distinct(params.getAll('topic')),
    digests: distinct(params.getAll('digest')),
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** The query string for a state (`?q=lora&topic=a&sort=newest`, or `''` for an empty search); defaults are left out. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q !== '') params.set('q', q);
  for (const t of distinct(state.topics)) params.append('topic', t);
  for (const d of distinct(state.digests)) params.append('digest', d);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** Whether two states ask for the same search (same serialised URL). */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  return serializeSearchState(a) === serializeSearchState(b);
}

/** Whether the state asks for anything at all (a query or a filter); an idle page shows no results. */
export function hasSearch(state: SearchState): boolean {
  return state.q.trim() !== '' || state.topics.length > 0 || state.digests.length > 0;
}

/** Whether any filter is set. */
export function hasFilters(state: SearchState): boolean {
  return state.topics.length > 0 || state.digests.length > 0;
}
