/**
 * Opens the site's Pagefind index in the browser: imports `/pagefind/pagefind.js`, applies the site's options and
 * merges the shards `/pagefind/shards.json` lists (one index has none; see search-shards.ts). Shared by the search
 * page and the paper map, so both search the same pages the same way.
 */
import { PAGEFIND_OPTIONS, type PagefindApi } from './search-pagefind';
import { SHARDS_FILE, parseShardsManifest, type ShardsManifest } from './search-shards';

/** The shards beside the bundle at `base` (a folder URL ending in `/`); none if the file is missing. */
async function loadShards(base: string): Promise<ShardsManifest> {
  const response = await fetch(`${base}${SHARDS_FILE}`);
  if (response.status === 404) return { shards: [] };
  if (!response.ok) throw new Error(`${base}${SHARDS_FILE}: HTTP ${response.status}`);
  return parseShardsManifest(await response.json());
}

/** Imports Pagefind from `url`, sets it up and merges its shards; the shards get the primary's ranking and excerpts. */
export async function openPagefind(url: string): Promise<PagefindApi> {
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  const [api, manifest] = await Promise.all([import(/* @vite-ignore */ url) as Promise<PagefindApi>, loadShards(base)]);
  await api.options(PAGEFIND_OPTIONS);
  await api.init();
  const { ranking, excerptLength } = PAGEFIND_OPTIONS;
  for (const shard of manifest.shards) await api.mergeIndex(`${base}${shard.path}`, { ranking, excerptLength, indexWeight: shard.indexWeight });
  return api;
}
