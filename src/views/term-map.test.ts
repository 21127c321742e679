import { describe, expect, it } from 'vitest';
import { smallMap } from '../../tests/site-fixture';
import { GREY, LONER_NAME, mapColours } from './term-map-colours';
import { termMapView } from './term-map';

const slugs = { moe: 'moe', router: 'router', rare: null };

describe('termMapView', () => {
  it('pads the layout into the viewBox and draws links weakest first between the heaviest-first indices', () => {
    const view = termMapView({ map: smallMap(), slugs, label: 'Key terms of x' });
    // pad = 2.5 % of the larger side (60) = 1.5
    expect(view.viewBox).toBe('0 0 63 53');
    expect(view.ariaLabel).toBe('Key terms of x: 3 terms');
    expect(view.links).toEqual([{ x1: 11.5, y1: 21.5, x2: 31.5, y2: 21.5, width: 1.8, opacity: 0.53, a: 0, b: 1 }]);
    // Heaviest first is mixture of experts, router (label order breaks the tie), rare term; drawn lightest first.
    expect(view.nodes.map((n) => [n.i, n.term, n.href, n.slug])).toEqual([
      [2, 'rare', undefined, undefined],
      [1, 'router', '/terms/router/', 'router'],
      [0, 'moe', '/terms/moe/', 'moe'],
    ]);
    expect(view.nodes[2]).toMatchObject({ transform: 'translate(11.5 21.5)', ariaLabel: 'mixture of experts, 2 papers', r: 14, hitR: 14, ringR: 17.5 });
    expect(view.nodes[0]?.ariaLabel).toBeUndefined();
    expect(view.nodes.every((n) => n.papers === undefined)).toBe(true);
  });

  it('names small groups "other terms" in the grey slot, in the legend and the table', () => {
    const view = termMapView({ map: smallMap(), slugs, label: 'Key terms of x' });
    // No cluster has three terms: both share the grey slot.
    expect(view.nodes.map((n) => n.colour)).toEqual([GREY, GREY, GREY]);
    expect(view.legend).toEqual({
      colours: 'groups of terms that often appear together',
      sizes: '1–2',
      long: false,
      groups: [{ cluster: -1, label: LONER_NAME, colour: GREY }],
    });
    expect(view.table.rows).toEqual([
      { label: 'mixture of experts', href: '/terms/moe/', weight: 2, group: LONER_NAME, links: 'router (×3.1)' },
      { label: 'router', href: '/terms/router/', weight: 2, group: LONER_NAME, links: 'mixture of experts (×3.1)' },
      { label: 'rare term', weight: 1, group: LONER_NAME, links: '—' },
    ]);
  });

  it('writes the papers of each term for a filtered list, and says so', () => {
    const view = termMapView({ map: smallMap(), slugs, label: 'x', filterTarget: 'list', termPapers: { moe: ['a', 'b'] } });
    expect(view.nodes.map((n) => n.papers)).toEqual(['', '', 'a b']);
    expect(view.info.hint).toBe('Each term shows its number of papers. With scripts on, activating a term filters the paper list below the map.');
    expect(view.filterTarget).toBe('list');
  });

  it('uses given groups and places (the corpus map)', () => {
    const view = termMapView({
      map: smallMap(),
      slugs,
      label: 'x',
      groupNoun: 'Topic',
      groups: [
        { cluster: 0, label: 'Topic A', href: '/topics/a/', count: 2 },
        { cluster: 1, label: 'Topic B', href: '/topics/b/', count: 1 },
      ],
      places: [{ x: 20, y: 20, label: 'Topic A', href: '/topics/a/', cluster: 0, priority: 2 }],
    });
    expect(view.legend.colours).toBe('topics');
    expect(view.legend.groups.map((g) => [g.label, g.colour])).toEqual([
      ['Topic A', 0],
      ['Topic B', 1],
    ]);
    expect(view.places).toHaveLength(1);
    expect(view.places[0]).toMatchObject({ href: '/topics/a/', transform: 'translate(21.5 21.5)', colour: 0, lines: [{ text: 'Topic A', dy: 4.48 }] });
    expect(view.info.text).toBe('Select a topic name to open the topic, or a term to open its page.');
    expect(view.table.rows.map((r) => r.group)).toEqual(['Topic A', 'Topic A', 'Topic B']);
  });

  it('is empty without nodes', () => {
    expect(termMapView({ map: { nodes: [], links: [], width: 0, height: 0 }, slugs: {}, label: 'x' }).empty).toBe(true);
  });
});

describe('mapColours', () => {
  it('gives clusters of three terms or more a hue of their own, named by their two heaviest terms', () => {
    const node = (term: string, cluster: number, weight: number) => ({ term, label: term, weight, x: cluster * 10, y: 0, cluster });
    const nodes = [node('a', 0, 5), node('b', 0, 4), node('c', 0, 3), node('d', 1, 2)];
    const colours = mapColours(nodes, [], undefined);
    expect(colours.groups).toEqual([{ cluster: 0, label: 'a, b' }]);
    expect(colours.loners).toEqual([1]);
    expect([colours.colour(0), colours.colour(1)]).toEqual([0, GREY]);
    expect(colours.groupName.get(1)).toBe(LONER_NAME);
  });
});
