import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { areasJson, topicsJson } from '../lib/export-data';
import { readSiteConfig } from '../site-config';
import { areaView } from './area';
import { homeView } from './home';
import { topicsIndexView } from './lists';
import { paging, topicMoreViews, topicView } from './topic';
import { topicRedirectView } from './topic-redirect';

const { pages } = readSiteConfig({});

describe('areaView', () => {
  it('gives the area its topics, map, central papers and neighbours', () => {
    const site = fixtureSite();
    const view = areaView(site, site.areaById.get('a01')!, { ...pages, topicsIndexTerms: 1 });
    expect(view.label).toBe('sparse model · gating');
    expect(view.lead).toBe('2 papers in 1 topic. Top terms: router.');
    expect(view.topics).toEqual([{ label: 'mixture of experts · router', url: '/topics/moe-topic/', papers: 2, terms: 'mixture of experts' }]);
    expect(view.papers.map((p) => p.id)).toEqual(['b', 'a']);
    expect(view.nearest).toEqual([{ label: 'misc', url: '/areas/misc/', papers: 1 }]);
    expect(view.map.filterTarget).toBe('area-papers');
    expect(view.map.download).toBe('/data/areas.json');
  });
});

describe('topic pages in an area, and long topics split into pages', () => {
  it('show the area as a breadcrumb and the other topics of the area', () => {
    const site = fixtureSite((raw) => {
      raw.corpus.areas[0]!.topics = ['t1', 't2'];
      raw.corpus.areas[1]!.topics = [];
    });
    const view = topicView(site, site.topicById.get('t1')!, pages);
    expect(view.area).toEqual({ label: 'sparse model · gating', url: '/areas/sparse-models/' });
    expect(view.siblings).toEqual([{ label: 'other', url: '/topics/other/', count: 1 }]);
  });

  it('list the first papers on the topic page and the rest on numbered pages that link to each other', () => {
    const site = fixtureSite();
    const topic = site.topicById.get('t1')!;
    const view = topicView(site, topic, { ...pages, topicPagePapers: 1 });
    expect(view.papers.map((p) => p.id)).toEqual(['a']);
    expect(view.lead.startsWith('2 papers.')).toBe(true);
    expect([view.paging.pages, view.paging.next, view.paging.prev]).toEqual([2, '/topics/moe-topic/2/', null]);
    const more = topicMoreViews(site, topic, { ...pages, topicPagePapers: 1 });
    expect(more.map((m) => [m.papers.map((p) => p.id), m.paging.page, m.paging.start, m.paging.prev, m.paging.next, m.description])).toEqual([
      [['b'], 2, 2, '/topics/moe-topic/', null, 'Papers 2–2 of 2 on mixture of experts · router.'],
    ]);
    expect(topicMoreViews(site, topic, pages)).toEqual([]);
  });

  it('number the pages of a list', () => {
    const p = paging('x', 250, 100, 2);
    expect(p).toEqual({
      page: 2,
      pages: 3,
      start: 101,
      total: 250,
      links: [
        { page: 1, url: '/topics/x/' },
        { page: 2, url: '/topics/x/2/' },
        { page: 3, url: '/topics/x/3/' },
      ],
      prev: '/topics/x/',
      next: '/topics/x/3/',
    });
  });
});

describe('areas on the index pages and in the data', () => {
  it('group the topics index by area and show the areas on the home page', () => {
    const site = fixtureSite();
    const index = topicsIndexView(site, { ...pages, topicsIndexTerms: 0 });
    expect(index.areas.map((a) => [a.label, a.url, a.papers, a.topics.map((t) => t.label)])).toEqual([
      ['sparse model · gating', '/areas/sparse-models/', 2, ['mixture of experts · router']],
      ['misc', '/areas/misc/', 1, ['other']],
    ]);
    const home = homeView(site, { ...pages, homeAreaTopics: 1 });
    expect(home.areas.map((a) => [a.label, a.topicCount, a.topics.map((t) => t.url)])).toEqual([
      ['sparse model · gating', 1, ['/topics/moe-topic/']],
      ['misc', 1, ['/topics/other/']],
    ]);
  });

  it('export the areas and the area of every topic', () => {
    const site = fixtureSite();
    expect(areasJson(site).map((a) => [a.id, a.slug, a.label, a.url, a.topics])).toEqual([
      ['a01', 'sparse-models', 'sparse model · gating', '/areas/sparse-models/', ['t1']],
      ['a02', 'misc', 'misc', '/areas/misc/', ['t2']],
    ]);
    expect(topicsJson(site).map((t) => [t.id, t.area])).toEqual([
      ['t1', 'a01'],
      ['t2', 'a02'],
    ]);
  });

  it('word the redirect page of an old area URL for an area', () => {
    const view = topicRedirectView({ slug: 'old', reason: 'renamed', label: 'New', targets: [{ id: 'a01', slug: 'new', label: 'New', share: 1 }] }, 'area');
    expect([view.noun, view.heading, view.href]).toEqual(['area', 'This area has a new address', '/areas/new/']);
  });
});
