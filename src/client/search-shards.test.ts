import { describe, expect, it } from 'vitest';
import { assignShards, parseShardsManifest, shardCount, shardWeights, shardsManifest, type ShardPage } from './search-shards';

/** Papers with sort values in several runs of equal values, plus pages without one (topics, terms). */
function samplePages(): ShardPage[] {
  const pages: ShardPage[] = [];
  for (let i = 0; i < 53; i++) pages.push({ path: `papers/p${String((i * 37) % 53).padStart(2, '0')}/index.html`, sort: String(Math.floor(i / 7)).padStart(6, '0') });
  for (let i = 0; i < 11; i++) pages.push({ path: `terms/t${i}/index.html` });
  return pages;
}

/**
 * What Pagefind and its merge do with a sorted search over the shards: each index ranks its pages with a sort value
 * by that value (ties in the index's page order, its sorted paths), scores a page by its rank (negated ascending),
 * multiplied by the shard's weight; the merge orders all results by score, keeping shard order on ties.
 */
function mergedSortedSearch(shards: string[][], pages: ShardPage[], direction: 'asc' | 'desc'): string[] {
  const sortOf = new Map(pages.map((p) => [p.path, p.sort]));
  const weights = shardWeights(shards.length, pages.length);
  const scored = shards.flatMap((paths, i) =>
    paths
      .filter((p) => sortOf.get(p) !== undefined)
      .map((p, order) => ({ p, order, sort: Number(sortOf.get(p)) }))
      .sort((a, b) => a.sort - b.sort || a.order - b.order)
      .map(({ p }, rank) => ({ p, score: (direction === 'asc' ? -rank : rank) * (weights[i] ?? 1) })),
  );
  return scored.sort((a, b) => b.score - a.score).map((s) => s.p);
}

describe('shardCount', () => {
  it('keeps one index up to the limit and splits above it', () => {
    expect(shardCount(0, 100)).toBe(1);
    expect(shardCount(100, 100)).toBe(1);
    expect(shardCount(101, 100)).toBe(2);
    expect(shardCount(97_188, 40_000)).toBe(3);
  });
});

describe('assignShards', () => {
  it('puts every page in exactly one shard, evenly, each shard sorted', () => {
    const pages = samplePages();
    const shards = assignShards(pages, 3);
    expect(shards.flat().sort()).toEqual(pages.map((p) => p.path).sort());
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const shard of shards) expect(shard).toEqual([...shard].sort());
    // Every shard gets pages of both kinds.
    for (const shard of shards) {
      expect(shard.some((p) => p.startsWith('papers/'))).toBe(true);
      expect(shard.some((p) => p.startsWith('terms/'))).toBe(true);
    }
  });

  it('with one shard, holds all pages in path order', () => {
    const pages = samplePages();
    expect(assignShards(pages, 1)).toEqual([pages.map((p) => p.path).sort()]);
  });

  it('lets the weighted merge of sorted searches come out in sort order, both ways', () => {
    const pages = samplePages();
    const sortOf = new Map(pages.map((p) => [p.path, Number(p.sort)]));
    for (const count of [2, 3, 4]) {
      const shards = assignShards(pages, count);
      const desc = mergedSortedSearch(shards, pages, 'desc').map((p) => sortOf.get(p) ?? NaN);
      const asc = mergedSortedSearch(shards, pages, 'asc').map((p) => sortOf.get(p) ?? NaN);
      expect(desc).toHaveLength(53);
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
    }
  });

  it('would not sort newest first across shards without the weights', () => {
    const pages = samplePages();
    const shards = assignShards(pages, 3);
    const sortOf = new Map(pages.map((p) => [p.path, Number(p.sort)]));
    const unweighted = shards
      .flatMap((paths) =>
        paths
          .filter((p) => sortOf.has(p))
          .sort((a, b) => (sortOf.get(a) ?? 0) - (sortOf.get(b) ?? 0))
          .map((p, rank) => ({ p, score: rank })),
      )
      .sort((a, b) => b.score - a.score)
      .map((s) => sortOf.get(s.p) ?? NaN);
    expect(unweighted).not.toEqual([...unweighted].sort((a, b) => b - a));
  });
});

describe('shardWeights', () => {
  it('starts at 1 and stays within a part in the page count of it', () => {
    const weights = shardWeights(3, 97_188);
    expect(weights[0]).toBe(1);
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
    expect(new Set(weights).size).toBe(3);
    for (const w of weights) expect(w - 1).toBeLessThan(1 / 97_188);
  });
});

describe('shards manifest', () => {
  it('lists the shards after the primary, and reads back', () => {
    const manifest = shardsManifest(3, 1000);
    expect(manifest.shards.map((s) => s.path)).toEqual(['shard-1/', 'shard-2/']);
    expect(parseShardsManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    expect(shardsManifest(1, 1000)).toEqual({ shards: [] });
  });

  it('rejects what it cannot use', () => {
    expect(() => parseShardsManifest({})).toThrow(/no "shards"/);
    expect(() => parseShardsManifest({ shards: [{ path: '../x/', indexWeight: 1 }] })).toThrow(/shard 0/);
    expect(() => parseShardsManifest({ shards: [{ path: 'shard-1/', indexWeight: 'x' }] })).toThrow(/shard 0/);
  });
});
