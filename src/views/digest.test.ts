import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { digestView } from './digest';

const { pages } = readSiteConfig({});

describe('digestView', () => {
  it('marks papers listed before, names what the digest brought and links its neighbours', () => {
    const site = fixtureSite();
    const view = digestView(site, site.digestById.get('d2')!, pages);
    expect(view.title).toBe('Digest Undated (#2)');
    expect(view.heading).toBe('Undated listing (#2)');
    expect(view.description).toBe('3 papers listed on Undated (#2), 2 of them new.');
    expect([view.file, view.paperCount, view.newCount]).toEqual(['001_b.txt', 3, 2]);
    expect(view.papers.map((p) => [p.id, p.badge, p.note])).toEqual([
      ['b', undefined, undefined],
      ['a', 'Seen before', 'First listed in Mar 14'],
      ['c', undefined, undefined],
    ]);
    expect(view.grown).toEqual([
      { label: 'other', url: '/topics/other/', added: 1 },
      { label: 'mixture of experts · router', url: '/topics/moe-topic/', added: 1 },
    ]);
    expect(view.previous).toEqual({ name: 'Mar 14', url: '/digests/d1/' });
    expect(view.next).toBeUndefined();
  });

  it('keeps the first digestGrownTopics topics and digestNewTerms terms with a page', () => {
    const site = fixtureSite();
    const view = digestView(site, site.digestById.get('d1')!, { ...pages, digestGrownTopics: 0, digestNewTerms: 5 });
    expect(view.grown).toEqual([]);
    expect(view.newTerms).toEqual([{ label: 'mixture of experts', url: '/terms/moe/' }]);
    expect(view.papers.map((p) => p.badge)).toEqual([undefined]);
    expect(view.previous).toBeUndefined();
    expect(view.next).toEqual({ name: 'Undated (#2)', url: '/digests/d2/' });
  });
});
