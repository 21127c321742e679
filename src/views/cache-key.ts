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

/** A `getStaticPaths` entry with the page's view as its props, and its key when the build is incremental. */
export function staticPath<P extends Record<string, string>, V>(params: P, view: V, incremental: boolean) {
  return { params, props: { view }, ...(incremental ? { cacheKey: viewKey(view) } : {}) };
}
