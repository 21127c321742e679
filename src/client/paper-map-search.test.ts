import { describe, expect, it } from 'vitest';
import { MAX_MARKED, searchPapers, searchStatusText } from './paper-map-search';
import type { PagefindApi, PagefindResult } from './search-pagefind';

/** A Pagefind stand-in whose results are the given pages' metadata. */
function fakePagefind(metas: Record<string, string>[]): PagefindApi {
  const results: PagefindResult[] = metas.map((meta, i) => ({ id: String(i), score: 1, data: () => Promise.resolve({ url: `/p${i}/`, excerpt: '', meta }) }));
  return {
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    mergeIndex: () => Promise.resolve(),
    filters: () => Promise.resolve({}),
    preload: () => Promise.resolve(),
    search: () => Promise.resolve({ results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} }),
  };
}

describe('searchPapers', () => {
  it('counts every matching page and keeps the paper ids among the best hits (topic and term pages have none)', async () => {
    const found = await searchPapers(fakePagefind([{ paper: 'a1' }, { title: 'A topic' }, { paper: 'b2' }]), 'q');
    expect(found).toEqual({ pages: 3, ids: ['a1', 'b2'] });
  });

  it(`looks up only the best ${MAX_MARKED} hits`, async () => {
    const found = await searchPapers(fakePagefind(Array.from({ length: MAX_MARKED + 5 }, (_, i) => ({ paper: `p${i}` }))), 'q');
    expect(found.pages).toBe(MAX_MARKED + 5);
    expect(found.ids.length).toBe(MAX_MARKED);
  });
});

describe('searchStatusText', () => {
  it('says how many papers match, or how many of the best are marked when there are more pages', () => {
    expect(searchStatusText('moe', 3, 0)).toBe('No paper matches “moe”.');
    expect(searchStatusText('moe', 3, 1)).toBe('1 paper matches “moe”, marked on the map.');
    expect(searchStatusText('moe', 1200, 480)).toBe('1,200 pages match “moe”; the 480 papers among the best 500 are marked.');
  });
});
