/**
 * Search shards: above {@link SHARD_PAGES} indexed pages the search index is built as several Pagefind bundles, one
 * after another (Pagefind holds a whole index in memory while it builds it: about 100 KB per page), and the browser
 * merges them with Pagefind's `mergeIndex`. The primary bundle is `/pagefind/`; shard `i` is `/pagefind/shard-<i>/`;
 * `/pagefind/shards.json` names them. Pure: the build assigns pages and writes the manifest, the browser reads it.
 */

/** Most pages in one Pagefind index: about 4 GB of Pagefind's memory (3.0–3.3 GB measured for 32,396 pages of a 75,000-paper site). */
export const SHARD_PAGES = 40_000;

/** File of the primary bundle that lists the other shards. */
export const SHARDS_FILE = 'shards.json';

/** The shards manifest, `/pagefind/shards.json` (checked by {@link parseShardsManifest}: no zod in the browser's bundle). */
export interface ShardsManifest {
  /** The bundles merged into the primary one, in shard order (empty with one index). */
  shards: {
    /** Folder of the shard's bundle, relative to the primary bundle (`shard-1/`). */
    path: string;
    /** Pagefind's `indexWeight` for the shard: orders a sorted search across shards (see {@link shardWeights}). */
    indexWeight: number;
  }[];
}

/** The manifest in a parsed `shards.json`, or an error naming what is wrong. */
export function parseShardsManifest(json: unknown): ShardsManifest {
  const shards = (json as { shards?: unknown } | null)?.shards;
  if (!Array.isArray(shards)) throw new Error('shards.json: no "shards" list');
  return {
    shards: shards.map((shard: unknown, i) => {
      const { path, indexWeight } = (shard ?? {}) as { path?: unknown; indexWeight?: unknown };
      if (typeof path !== 'string' || !/^[\w-]+\/$/.test(path) || typeof indexWeight !== 'number' || !Number.isFinite(indexWeight)) {
        throw new Error(`shards.json: shard ${i} is not { path, indexWeight }`);
      }
      return { path, indexWeight };
    }),
  };
}

/** An indexed page: its path and, for paper pages, the value of the sort key Pagefind sorts by. */
export interface ShardPage {
  path: string;
  sort?: string | undefined;
}

/** How many indexes `pages` indexed pages need, at most `perShard` pages each. */
export function shardCount(pages: number, perShard = SHARD_PAGES): number {
  return Math.max(1, Math.ceil(pages / Math.max(1, perShard)));
}

function compareSortValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deals pages to `count` shards in turn: pages with a sort value first, in the order of that value (then path), then
 * the others by path. Every shard gets an even sample of every kind of page and period (so their word statistics, and
 * hence Pagefind's scores, agree), and the page of global sort rank `g` lands in shard `g mod count` at rank
 * `floor(g / count)`, which is what lets the browser restore the global order (see {@link shardWeights}).
 * Returns each shard's paths, sorted.
 */
export function assignShards(pages: readonly ShardPage[], count: number): string[][] {
  const sorted = pages.filter((p) => p.sort !== undefined).sort((a, b) => compareSortValues(a.sort ?? '', b.sort ?? '') || (a.path < b.path ? -1 : 1));
  const rest = pages.filter((p) => p.sort === undefined).sort((a, b) => (a.path < b.path ? -1 : 1));
  const shards = Array.from({ length: Math.max(1, count) }, (): string[] => []);
  [...sorted, ...rest].forEach((page, i) => shards[i % shards.length]?.push(page.path));
  return shards.map((paths) => paths.sort());
}

/**
 * Pagefind's `indexWeight` per shard: `1 + i·δ`, with δ small enough never to reorder scores of a relevance search
 * beyond ties. In a sorted search Pagefind scores a page by its rank in its own index's sort order (`r`, or `-r`
 * ascending) and the merge orders all results by score times weight, so equal ranks order by shard, and the merged
 * order is the global rank `r·count + i` of {@link assignShards}.
 */
export function shardWeights(count: number, pages: number): number[] {
  const delta = 1 / (Math.max(1, count) * (pages + 1));
  return Array.from({ length: Math.max(1, count) }, (_, i) => 1 + i * delta);
}

/** The manifest for `count` shards over `pages` indexed pages. */
export function shardsManifest(count: number, pages: number): ShardsManifest {
  const weights = shardWeights(count, pages);
  return { shards: weights.slice(1).map((indexWeight, i) => ({ path: `shard-${i + 1}/`, indexWeight })) };
}
