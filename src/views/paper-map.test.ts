import { describe, expect, it } from 'vitest';
import { discColours, MAP_PALETTE_SIZE, MAP_UNITS, mapAreas, overviewLabels, paperMapView, TITLE_CHUNK, topicShades } from './paper-map';
import { decodePoints } from '../client/paper-map-data';

const layout = {
  papers: ['b', 'a', 'c'],
  x: [0, 10, 4],
  y: [0, 5, 2],
  topics: [
    { topic: 't1', x: 2, y: 1, r: 2, count: 2 },
    { topic: 't2', x: 6, y: 3, r: 4, count: 1 },
    { topic: '', x: 0, y: 0, r: 0, count: 0 },
  ],
};
const view = paperMapView({
  layout,
  papers: new Map([
    ['a', { slug: 'paper-a', title: 'Paper A', firstDigest: 1 }],
    ['b', { slug: 'paper-b', title: 'Paper B', firstDigest: 0 }],
    ['c', { slug: 'paper-c', title: 'Paper C', firstDigest: 2 }],
  ]),
  topics: new Map([
    ['t1', { label: 'One', href: '/topics/one/' }],
    ['t2', { label: 'Two', href: '/topics/two/' }],
  ]),
  areas: [{ label: 'Area', href: '/areas/area/', topics: ['t2', 't1'] }],
  digests: ['Mar 1', 'Mar 2', 'Mar 3'],
  paperHref: (slug) => `/papers/${slug}/`,
});

describe('paperMapView', () => {
  it('quantizes the disc bounds to 16 bits, the longer side to the full range', () => {
    // Bounds: x from 0 (t1: 2 − 2) to 10 (t2: 6 + 4), y from −1 to 7: the x side is the longer.
    expect([view.meta.width, view.meta.height]).toEqual([MAP_UNITS, Math.round((8 * MAP_UNITS) / 10)]);
    const points = decodePoints(view.points.buffer, view.meta);
    const q = MAP_UNITS / 10;
    expect([...points.x]).toEqual([0, MAP_UNITS, Math.round(4 * q)]);
    expect([...points.y]).toEqual([Math.round(1 * q), Math.round(6 * q), Math.round(3 * q)]);
    expect([...points.digest]).toEqual([0, 1, 2]);
    expect([...points.topic]).toEqual([0, 0, 1]);
  });

  it('lists topics with where their points start, and titles and ids by point', () => {
    expect(view.meta.topics.map((t) => [t.label, t.href, t.start, t.count, t.area])).toEqual([
      ['One', '/topics/one/', 0, 2, 0],
      ['Two', '/topics/two/', 2, 1, 0],
      ['Other papers', '', 3, 0, -1],
    ]);
    expect(view.meta.chunk).toBe(TITLE_CHUNK);
    expect(view.titleChunks).toEqual([
      [
        ['/papers/paper-b/', 'Paper B'],
        ['/papers/paper-a/', 'Paper A'],
        ['/papers/paper-c/', 'Paper C'],
      ],
    ]);
    expect(view.idBuckets).toEqual({ b: { b: 0 }, a: { a: 1 }, c: { c: 2 } });
    expect(view.meta.digestBytes).toBe(1);
  });
});

describe('discColours', () => {
  it('gives touching discs different colours, and a far one the colour least used so far', () => {
    const discs = [
      { x: 0, y: 0, r: 10, count: 30 },
      { x: 21, y: 0, r: 10, count: 20 },
      { x: 10, y: 18, r: 10, count: 10 },
      { x: 500, y: 0, r: 10, count: 5 },
    ];
    const colours = discColours(discs, 10);
    expect(new Set(colours.slice(0, 3)).size).toBe(3);
    expect(colours).toEqual([0, 1, 2, 3]);
    // With every colour used once, the next disc far away takes the first again.
    expect(discColours([...discs, ...Array.from({ length: 6 }, (_, k) => ({ x: 1000 + 100 * k, y: 0, r: 10, count: 4 - k / 10 })), { x: 5000, y: 0, r: 1, count: 1 }], 10).at(-1)).toBe(0);
    // With three colours, the fourth touching disc takes the one least used near it.
    expect(discColours([...discs.slice(0, 3), { x: 10, y: -18, r: 10, count: 8 }], 3)).toEqual([0, 1, 2, 2]);
  });
});

describe('mapAreas', () => {
  const discs = [
    { x: 0, y: 0, r: 10, count: 30 },
    { x: 20, y: 0, r: 10, count: 10 },
    { x: 100, y: 0, r: 5, count: 5 },
    { x: -100, y: 0, r: 5, count: 5 },
    { x: 0, y: 50, r: 1, count: 1 },
  ];
  const areas = [
    { label: 'A', href: '/areas/a/', topics: ['t1', 't2'] },
    { label: 'B', href: '/areas/b/', topics: ['t3', 't4'] },
  ];
  const { areas: placed, areaOf } = mapAreas(discs, ['t1', 't2', 't3', 't4', ''], areas);

  it('maps each disc to its area, −1 for papers in no area', () => {
    expect(areaOf).toEqual([0, 0, 1, 1, -1]);
  });

  it("puts an area's label at its discs' paper-weighted centre, or on its largest disc when that centre is outside them", () => {
    // A: (0·30 + 20·10) / 40 = 5, inside its first disc; the circle reaches the second disc's far side, 15 + 10.
    expect(placed[0]).toEqual({ label: 'A', href: '/areas/a/', x: 5, y: 0, r: 25, count: 40, colour: 0 });
    // B: the mean (0, 0) lies in neither of its discs: the label goes to the first of the largest (100, 0).
    expect([placed[1]?.x, placed[1]?.y, placed[1]?.r, placed[1]?.count]).toEqual([100, 0, 205, 10]);
    expect(placed[1]?.colour).not.toBe(placed[0]?.colour);
  });

  it('colours the topics by area (grey for none) with shades that differ between touching topics of an area', () => {
    // B's two discs are far apart: the second takes the shade least used so far.
    expect(topicShades(discs, areaOf)).toEqual([0, 1, 0, 1, 0]);
    expect(view.meta.topics.map((t) => t.colour)).toEqual([0, 0, MAP_PALETTE_SIZE]);
    expect(view.meta.areas.map((a) => [a.label, a.count])).toEqual([['Area', 3]]);
  });
});

describe('overviewLabels', () => {
  it('keeps the larger of two topics whose labels would overlap', () => {
    const topic = (label: string, x: number, count: number) => ({ label, x, y: 0, count });
    expect(overviewLabels([topic('small one', 0, 1), topic('large one', 5, 9), topic('far away', 100, 2)], 1, 2)).toEqual([1, 2]);
  });
});
