import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { withCachedCollators, withCachedCollatorsOnBuildDone } from './cached-collator';

/** URLs whose numeric, accented and case-different parts make the collator's order differ from code-unit order. */
const urls = ['/papers/x10/', '/papers/x9/', '/papers/X9/', '/papers/é1/', '/papers/e2/', '/terms/a-b/', '/terms/ab/', '/terms/a_b/', '/'];
const sitemapOrder = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('withCachedCollators', () => {
  it('sorts as localeCompare with the same locale and options does, and puts the builtin back', async () => {
    const builtin = String.prototype.localeCompare;
    const expected = sitemapOrder(urls);
    expect(expected).not.toEqual([...urls].sort());
    const sorted = await withCachedCollators(() => {
      expect(String.prototype.localeCompare).not.toBe(builtin);
      return sitemapOrder(urls);
    });
    expect(sorted).toEqual(expected);
    expect(String.prototype.localeCompare).toBe(builtin);
  });

  it('answers every kind of call as the builtin does', async () => {
    const calls: [string, string, (string | string[])?, Intl.CollatorOptions?][] = [
      ['a', 'B', 'en', { sensitivity: 'base' }],
      ['a', 'A', 'en', { sensitivity: 'base' }],
      ['a', 'A', 'en', { caseFirst: 'upper' }],
      ['x2', 'x10', 'en'],
      ['x2', 'x10', ['de', 'en'], { numeric: true }],
      ['ä', 'z', 'sv'],
      ['ä', 'z', 'de'],
      ['b', 'a'],
    ];
    const expected = calls.map(([a, b, l, o]) => a.localeCompare(b, l, o));
    expect(await withCachedCollators(() => calls.map(([a, b, l, o]) => a.localeCompare(b, l, o)))).toEqual(expected);
  });

  it('puts the builtin back when the hook throws', async () => {
    const builtin = String.prototype.localeCompare;
    await expect(withCachedCollators(() => Promise.reject(new Error('hook failed')))).rejects.toThrow('hook failed');
    expect(String.prototype.localeCompare).toBe(builtin);
  });
});

describe('withCachedCollatorsOnBuildDone', () => {
  it("runs the integration's build:done hook with cached collators and keeps its other hooks", async () => {
    let seen: string[] = [];
    const setup = () => {};
    const integration: AstroIntegration = {
      name: 'sorter',
      hooks: {
        'astro:config:setup': setup,
        'astro:build:done': () => {
          expect(String.prototype.localeCompare.name).toBe('cached');
          seen = sitemapOrder(urls);
        },
      },
    };
    const wrapped = withCachedCollatorsOnBuildDone(integration);
    expect(wrapped.name).toBe('sorter');
    expect(wrapped.hooks['astro:config:setup']).toBe(setup);
    await wrapped.hooks['astro:build:done']?.({} as never);
    expect(seen).toEqual(sitemapOrder(urls));
  });
});
