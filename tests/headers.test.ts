/**
 * `public/_headers`: every kind of file the site writes gets exactly one Cache-Control rule (some hosts join the
 * values of all matching rules, so overlaps would send contradictory caching), and hashed files are the only
 * immutable ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Rule {
  pattern: string;
  cacheControl: string | null;
}

/** The rules of a `_headers` file: each unindented path line with the Cache-Control of its indented lines. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), cacheControl: null });
    else {
      const m = /^\s+Cache-Control:\s*(.+)$/i.exec(line);
      const last = rules.at(-1);
      if (m && last) last.cacheControl = (m[1] ?? '').trim();
    }
  }
  return rules;
}

/** Whether a rule's path (`*` spans any characters, folders included, as on Cloudflare Pages and Netlify) matches a URL path. */
function matches(pattern: string, url: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(url);
}

const rules = parseHeaders(readFileSync(path.join(import.meta.dirname, '..', 'public', '_headers'), 'utf8')).filter((r) => r.cacheControl !== null);

/** One URL of every kind of file a build writes (a large site's search shards included). */
const SAMPLES: Record<string, 'immutable' | 'short' | 'html'> = {
  '/': 'html',
  '/404.html': 'html',
  '/papers/a-paper/': 'html',
  '/topics/a-topic/2/': 'html',
  '/areas/an-area/': 'html',
  '/terms/a-term/': 'html',
  '/digests/001/': 'html',
  '/map/papers/': 'html',
  '/search/': 'html',
  '/trends/': 'html',
  '/_astro/index.abc123.js': 'immutable',
  '/pagefind/fragment/en_abc.pf_fragment': 'immutable',
  '/pagefind/index/en_abc.pf_index': 'immutable',
  '/pagefind/filter/en_abc.pf_filter': 'immutable',
  '/pagefind/pagefind.en_abc.pf_meta': 'immutable',
  '/pagefind/pagefind.js': 'short',
  '/pagefind/pagefind-entry.json': 'short',
  '/pagefind/shards.json': 'short',
  '/pagefind/shard-1/pagefind-entry.json': 'short',
  '/pagefind/shard-2/fragment/en_abc.pf_fragment': 'short',
  '/rss.xml': 'short',
  '/feeds/topics/t01.xml': 'short',
  '/sitemap-index.xml': 'short',
  '/data/papers.json': 'short',
};

describe('public/_headers', () => {
  it.each(Object.entries(SAMPLES))('gives %s exactly one Cache-Control rule of its kind', (url, kind) => {
    const hits = rules.filter((r) => matches(r.pattern, url));
    expect(hits.map((h) => h.pattern)).toHaveLength(1);
    const value = hits[0]?.cacheControl ?? '';
    if (kind === 'immutable') expect(value).toContain('immutable');
    else expect(value).not.toContain('immutable');
    if (kind === 'html') expect(value).toContain('max-age=0');
  });
});
