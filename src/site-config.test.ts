import { describe, expect, it } from 'vitest';
import { readSiteConfig } from './site-config';

describe('readSiteConfig', () => {
  it('has the defaults without environment', () => {
    const config = readSiteConfig({});
    expect(config.url).toBe('https://papers.example.org');
    expect(config.build).toEqual({
      digestsDir: null,
      strict: false,
      topicsState: null,
      outDir: './dist',
      cacheDir: './node_modules/.astro',
      incremental: false,
      pagefindDeferred: false,
      searchShardPages: 40_000,
    });
  });

  it('reads every setting from its variable', () => {
    const config = readSiteConfig({
      SITE_URL: 'https://example.com',
      DIGESTS_DIR: 'x/digests',
      STRICT: 'true',
      TOPICS_STATE: 'None',
      ASTRO_OUT_DIR: 'out',
      ASTRO_CACHE_DIR: 'cache',
      INCREMENTAL_BUILD: '1',
      PAGEFIND_DEFERRED: '1',
      SEARCH_SHARD_PAGES: '200',
    });
    expect(config.url).toBe('https://example.com');
    expect(config.build).toEqual({ digestsDir: 'x/digests', strict: true, topicsState: 'off', outDir: 'out', cacheDir: 'cache', incremental: true, pagefindDeferred: true, searchShardPages: 200 });
    expect(readSiteConfig({ TOPICS_STATE: 'state.json', INCREMENTAL_BUILD: 'true' }).build).toMatchObject({ topicsState: 'state.json', incremental: false });
    // A shard size that is not a positive whole number keeps the default.
    expect(readSiteConfig({ SEARCH_SHARD_PAGES: '0' }).build.searchShardPages).toBe(40_000);
    expect(readSiteConfig({ SEARCH_SHARD_PAGES: 'many' }).build.searchShardPages).toBe(40_000);
  });

  it('refuses a SITE_URL that is not a URL', () => {
    expect(() => readSiteConfig({ SITE_URL: 'papers' })).toThrow();
  });
});
