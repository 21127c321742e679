/**
 * The paper map's search: the site's Pagefind index (no second index) finds pages; paper pages carry their id as
 * Pagefind metadata (`paper`), which the map turns into points. Topic and term pages are in the index too and are
 * left out. Only the best {@link MAX_MARKED} hits are looked up (each costs Pagefind one fragment request).
 */
import { openPagefind } from './pagefind-open';
import type { PagefindApi } from './search-pagefind';

/** Search hits whose paper ids are looked up. */
export const MAX_MARKED = 500;

let pagefind: Promise<PagefindApi> | null = null;

/** Imports and sets up Pagefind once (a failed load is forgotten, so a later search tries again). */
export function loadPagefind(url: string): Promise<PagefindApi> {
  pagefind ??= openPagefind(url).catch((error: unknown) => {
    pagefind = null;
    throw error;
  });
  return pagefind;
}

/** Runs a query: how many pages match, and the paper ids among the best {@link MAX_MARKED}. */
export async function searchPapers(api: PagefindApi, query: string): Promise<{ pages: number; ids: string[] }> {
  const found = await api.search(query);
  const results = found?.results ?? [];
  const data = await Promise.all(results.slice(0, MAX_MARKED).map((r) => r.data()));
  return { pages: results.length, ids: data.flatMap((d) => (typeof d.meta['paper'] === 'string' ? [d.meta['paper']] : [])) };
}

/** The status line after a search: `marked` papers marked out of `pages` matching pages. */
export function searchStatusText(query: string, pages: number, marked: number): string {
  if (marked === 0) return `No paper matches “${query}”.`;
  if (pages > MAX_MARKED) {
    return `${pages.toLocaleString('en')} pages match “${query}”; the ${marked.toLocaleString('en')} papers among the best ${MAX_MARKED} are marked.`;
  }
  return `${marked.toLocaleString('en')} ${marked === 1 ? 'paper matches' : 'papers match'} “${query}”, marked on the map.`;
}
