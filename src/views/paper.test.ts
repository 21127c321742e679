import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { paperView } from './paper';
import { paperItem, previewText } from './paper-item';

const { pages } = readSiteConfig({});

describe('paperView', () => {
  it('gives everything the paper page shows', () => {
    const site = fixtureSite();
    expect(paperView(site, site.paperById.get('a')!, { ...pages, descriptionChars: 20 })).toEqual({
      title: 'Title $x^2$ a',
      titleText: 'Title x² a',
      description: 'Abstract of a. It is',
      abstract: site.paperById.get('a')!.data.abstract,
      topic: { label: 'mixture of experts · router', url: '/topics/moe-topic/', filter: 'mixture of experts · router' },
      sort: 'order:000000',
      searchTerms: 'Key terms: mixture of experts (MoE).',
      terms: [{ label: 'mixture of experts', url: '/terms/moe/' }, { label: 'rare term' }],
      // The first four shared terms: labels of terms with a page, ids of the others.
      related: [{ url: '/papers/slug-b/', title: 'Title $x^2$ b', shared: ['mixture of experts', 'rare', 'x', 'y'] }],
      appearances: [
        { name: 'Mar 14', url: '/digests/d1/', position: 1, filter: 'Mar 14' },
        { name: 'Undated (#2)', url: '/digests/d2/', position: 2, filter: 'Undated (#2)' },
      ],
      find: {
        arxiv: 'https://arxiv.org/search/?searchtype=title&query=Title%20x%C2%B2%20a',
        hub: 'https://huggingface.co/papers?q=Title%20x%C2%B2%20a',
      },
      onMap: { url: '/map/papers/?paper=a', meta: 'paper:a' },
    });
  });

  it('makes filter values unique where two topics share a label', () => {
    const site = fixtureSite((raw) => void (raw.topics[1]!.data.label = raw.topics[0]!.data.label));
    expect(paperView(site, site.paperById.get('a')!, pages).topic.filter).toBe('mixture of experts · router (t1)');
  });

  it('fails loudly on a paper whose topic is missing', () => {
    const site = fixtureSite((raw) => void (raw.papers[0]!.data.topic = 'nope'));
    expect(() => paperView(site, site.paperById.get('a')!, pages)).toThrow('Unknown topic id "nope"');
  });
});

describe('paper list items', () => {
  it('cut the plain abstract at a word and mark the cut', () => {
    expect(previewText('One two three four', 9)).toBe('One two…');
    expect(previewText('One $x^2$', 20)).toBe('One x²');
  });

  it('are computed once per site and preview length', () => {
    const site = fixtureSite();
    const a = site.paperById.get('a')!;
    expect(paperItem(site, a, 30)).toBe(paperItem(site, a, 30));
    expect(paperItem(site, a, 30)).toEqual({ id: 'a', url: '/papers/slug-a/', title: 'Title $x^2$ a', preview: 'Abstract of a. It is long…' });
    // A cut always drops the last word, even one the cut happens to end.
    expect(paperItem(site, a, 14).preview).toBe('Abstract of…');
  });
});
