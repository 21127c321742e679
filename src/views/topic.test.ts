import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { topicView } from './topic';
import { corpusMapView } from './corpus-map';

const { pages } = readSiteConfig({});

describe('topicView', () => {
  it('gives the lead, the top terms with a page, the papers, the nearest topics and the map with its filter', () => {
    const site = fixtureSite();
    const view = topicView(site, site.topicById.get('t1')!, { ...pages, topicLeadTerms: 1 });
    expect(view.lead).toBe('2 papers. Top terms: mixture of experts.');
    expect(view.description).toBe('2 papers on mixture of experts · router.');
    expect(view.topTerms).toEqual([
      { label: 'mixture of experts', url: '/terms/moe/', weight: '0.512' },
      { label: 'router', url: '/terms/router/', weight: '0.100' },
    ]);
    expect(view.papers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(view.nearest).toEqual([{ label: 'other', url: '/topics/other/', count: 1 }]);
    expect(view.map.download).toBe('/data/topics/t1.json');
    expect(view.map.filterTarget).toBe('topic-papers');
    // router's papers in this topic (c is in t2); rare term has no page: the topic's papers that have it as a key term.
    expect(Object.fromEntries(view.map.nodes.map((n) => [n.term, n.papers]))).toEqual({ moe: 'a b', router: 'a b', rare: 'a b' });
  });
});

describe('corpusMapView', () => {
  it('colours the terms by area and puts each area name at its centre', () => {
    const view = corpusMapView(fixtureSite());
    expect([view.areaCount, view.topicCount, view.termCount, view.paperCount]).toEqual([2, 2, 3, 3]);
    expect(view.map.legend.groups.map((g) => [g.label, g.href, g.count])).toEqual([
      ['sparse model · gating', '/areas/sparse-models/', 2],
      ['misc', '/areas/misc/', 1],
    ]);
    expect(view.map.places.map((p) => [p.href, p.priority])).toEqual([
      ['/areas/sparse-models/', 2],
      ['/areas/misc/', 1],
    ]);
    expect(view.map.download).toBe('/data/areas.json');
  });
});
