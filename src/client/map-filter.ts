/** Pure helpers of the topic-page paper filter: the `?term=` URL state, list matching and the status text. */

/** Name of the query parameter that remembers the filtered term. */
export const TERM_PARAM = 'term';

/** The filtered term named in a URL's query (`?term=…`), or null when there is none. */
export function termFromUrl(url: string | URL): string | null {
  const value = new URL(url, 'http://x/').searchParams.get(TERM_PARAM);
  return value && value.trim() ? value.trim() : null;
}

/** The same URL with `?term=` set to `term`, or removed when `term` is null; other parameters and the hash are kept. */
export function urlWithTerm(url: string | URL, term: string | null): string {
  const u = new URL(url, 'http://x/');
  if (term) u.searchParams.set(TERM_PARAM, term);
  else u.searchParams.delete(TERM_PARAM);
  const search = u.searchParams.toString();
  return `${u.pathname}${search ? `?${search}` : ''}${u.hash}`;
}

/** A term the filter can select: its id and the other names a URL may use for it. */
export interface FilterTerm {
  id: string;
  slug?: string | null;
}

/** The term a URL parameter value names (by slug first, then by id), or undefined. */
export function resolveTerm<T extends FilterTerm>(terms: readonly T[], value: string | null): T | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  return terms.find((t) => t.slug === value) ?? terms.find((t) => t.id === value) ?? terms.find((t) => t.id.toLowerCase() === lower);
}

/** The value to put in the URL for a term: its slug when it has one, else its id. */
export function termParam(term: FilterTerm): string {
  return term.slug || term.id;
}

/** Plural-aware count: `1 paper`, `3 papers`. */
export function papersText(n: number): string {
  return `${n} ${n === 1 ? 'paper' : 'papers'}`;
}

/** The status line for a filtered list: “Showing 7 of 31 papers that use “x”.” */
export function filterStatus(shown: number, total: number, label: string): string {
  return `Showing ${shown} of ${papersText(total)} that use “${label}”.`;
}
