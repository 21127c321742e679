/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page's key is the hash of its
 * view, the plain data its template renders, so a rebuild renders only the pages whose view changed and copies
 * the others from the previous build (Astro adds the page's code, the config and the lock file on top). Because
 * templates read nothing but their view, a key cannot miss a value the page shows.
 */
import { sha1 } from '../lib/sha1';

/** The cache key of a view: SHA-1 of its JSON, base64url. */
export function viewKey(view: unknown): string {
  return sha1(JSON.stringify(view), 'base64url');
}

/**
 * A `getStaticPaths` entry whose props name the page's subject (an id, a page number), not its view: the page
 * computes its view when it renders, so the views of all pages are never in memory at once (Astro holds every
 * route's props for the whole build). An incremental build also gets the page's key, from the view made here
 * and dropped.
 */
export function staticPath<P extends Record<string, string>, Q extends Record<string, unknown>>(params: P, props: Q, view: () => unknown, incremental: boolean) {
  return { params, props, ...(incremental ? { cacheKey: viewKey(view()) } : {}) };
}
