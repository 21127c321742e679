/**
 * The pages Pagefind indexes, set apart before it runs. Pagefind parses every HTML file it walks and keeps each
 * page's whole text and word positions until it writes the index; a page without `data-pagefind-body` is only
 * dropped at that point. So the search step hands Pagefind a folder of hard links to the indexed pages alone
 * (same relative paths, hence the same URLs and the same index), not the whole site, one such folder per shard.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SORT_KEY } from '../client/search-pagefind.ts';
import type { ShardPage } from '../client/search-shards.ts';

/** The attribute that marks the indexed part of a page (Pagefind's own). */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Pagefind's sort attribute with its key and value (`data-pagefind-sort="order:000003"`). */
const SORT_ATTRIBUTE = new RegExp(`data-pagefind-sort="${SORT_KEY}:([^"]*)"`);

/**
 * Whether the HTML file carries `data-pagefind-body`, and its `order` sort value if it has one. Synchronous: for a
 * hundred thousand small files, Node's asynchronous reads took four times as long.
 */
export function readIndexedPage(file: string): { indexed: boolean; sort?: string } {
  const text = readFileSync(file, 'latin1');
  if (!text.includes(BODY_ATTRIBUTE)) return { indexed: false };
  const sort = SORT_ATTRIBUTE.exec(text)?.[1];
  return sort === undefined ? { indexed: true } : { indexed: true, sort };
}

/** The HTML files under `siteDir` that carry `data-pagefind-body` (paths relative to it, sorted), with their sort values; `skip` names top-level folders to leave out. */
export function indexedPages(siteDir: string, skip: readonly string[] = []): ShardPage[] {
  const html: string[] = [];
  for (const entry of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const relative = path.relative(siteDir, path.join(entry.parentPath, entry.name));
    if (skip.includes(relative.split(path.sep)[0] ?? '')) continue;
    html.push(relative);
  }
  return html.sort().flatMap((file): ShardPage[] => {
    const { indexed, sort } = readIndexedPage(path.join(siteDir, file));
    return indexed ? [{ path: file, sort }] : [];
  });
}

/** Makes `dir` hold the given files of `siteDir` at the same relative paths: hard links, or copies where linking fails. */
export function mirrorPages(siteDir: string, files: readonly string[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  let made = '';
  for (const file of files) {
    const from = path.join(siteDir, file);
    const to = path.join(dir, file);
    const folder = path.dirname(to);
    if (folder !== made) mkdirSync(folder, { recursive: true });
    made = folder;
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}
