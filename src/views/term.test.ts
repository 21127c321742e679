import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { termView } from './term';

const { pages, search } = readSiteConfig({});

describe('termView', () => {
  it('lists the papers newest first, with the topics they are in and the co-occurring terms that have a page', () => {
    const site = fixtureSite();
    const view = termView(site, site.termById.get('router')!, pages, search);
    expect(view.heading).toBe('router');
    expect(view.description).toBe('3 papers use the term “router”.');
    expect(view.lead).toBe('Used by 3 papers across 2 topics.');
    // b and c first appeared in d2, a in d1; ties by id.
    expect(view.papers.map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(view.more).toBeUndefined();
    expect(view.topics).toEqual([
      { label: 'mixture of experts · router', url: '/topics/moe-topic/', count: 2 },
      { label: 'other', url: '/topics/other/', count: 1 },
    ]);
    expect(view.cooccurring).toEqual([{ label: 'mixture of experts', url: '/terms/moe/', count: 2, unit: 'papers' }]);
  });

  it('names both forms, lists at most termPagePapers and links the search for the rest', () => {
    const site = fixtureSite();
    const view = termView(site, site.termById.get('moe')!, { ...pages, termPagePapers: 1 }, search);
    expect(view.heading).toBe('mixture of experts (MoE)');
    expect(view.lead).toBe('Used by 2 papers.');
    expect(view.papers.map((p) => p.id)).toEqual(['b']);
    expect(view.more).toEqual({ total: '2', searchUrl: '/search/?q=mixture%20of%20experts' });
    // "gone" has no page and is left out.
    expect(view.cooccurring).toEqual([{ label: 'router', url: '/terms/router/', count: 1, unit: 'paper' }]);
  });

  it('is indexed for search from indexedTermMinPapers papers on', () => {
    const site = fixtureSite();
    const moe = site.termById.get('moe')!;
    expect(termView(site, moe, pages, { indexedTermMinPapers: 2 }).indexed).toBe(true);
    expect(termView(site, moe, pages, { indexedTermMinPapers: 3 }).indexed).toBe(false);
  });
});
