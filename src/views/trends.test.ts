import { describe, expect, it } from 'vitest';
import { digest, item, paper, trendSource } from '../../tests/trend-fixture';
import { computeTrends, papersByDigest, roseWith, trendLists, type TrendSource } from './trends';
import { trendChart, trendSummary } from './trend-chart';
import { trendFeed } from './trend-feed';
import { trendsJson } from './trends-data';
import { trendOf } from '../pipeline/trends';

const settings = { window: 2, minRecent: 2, minGrowth: 1.5 };
/** Four digests; papers first seen per digest: 2, 1, 2, 3. */
const source: TrendSource = trendSource({
  terms: [
    item('rise', ['p1', 'p4', 'p5', 'p6']), // [1, 0, 1, 2]
    item('fresh', ['p7', 'p8', 'p4']), // [0, 0, 2, 1]
    item('once', ['p5', 'p6']), // [0, 0, 0, 2]: one digest only
    item('old', ['p1', 'p2', 'p3']), // [2, 1, 0, 0]
  ],
  topics: [item('x', ['p1', 'p2', 'p3', 'p4']), item('y', ['p5', 'p6', 'p7', 'p8'])],
  areas: [{ id: 'a1', slug: 'both', label: 'BOTH', topics: ['x', 'y'] }],
});
const trends = computeTrends(source, settings);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('computeTrends', () => {
  it('dates papers by their first digest and counts them per item', () => {
    expect(trends.totals).toEqual([2, 1, 2, 3]);
    expect(trends.digests).toEqual([
      { id: 'a', name: 'Mar 1', url: '/digests/a/' },
      { id: 'b', name: 'Mar 2', url: '/digests/b/' },
      { id: 'c', name: 'Mar 3', url: '/digests/c/' },
      { id: 'd', name: 'Mar 4', url: '/digests/d/' },
    ]);
    expect(trends.terms.map((t) => [t.id, t.trend.series, t.trend.status])).toEqual([
      ['rise', [1, 0, 1, 2], 'rising'],
      ['fresh', [0, 0, 2, 1], 'new'],
      ['once', [0, 0, 0, 2], 'new'],
      ['old', [2, 1, 0, 0], 'steady'],
    ]);
    expect(trends.termById.get('rise')).toMatchObject({ kind: 'term', url: '/terms/rise/', feed: '/feeds/terms/rise.xml', label: 'RISE' });
    expect(trends.topicById.get('y')).toMatchObject({ kind: 'topic', url: '/topics/y/', feed: '/feeds/topics/y.xml' });
    // A topic's feed goes by its id, which outlives renames; its page by its slug.
    const renamed = computeTrends({ ...source, topics: [{ id: 'y', data: { slug: 'new-name', label: 'Y', papers: ['p5'] } }], areas: [] }, settings);
    expect(renamed.topicById.get('y')).toMatchObject({ url: '/topics/new-name/', feed: '/feeds/topics/y.xml' });
    // (3 / 5) / (1 / 3)
    expect(trends.termById.get('rise')!.trend.growth).toBeCloseTo(1.8, 12);
  });

  it('fails loudly on a paper of an unknown digest or an unknown paper', () => {
    expect(() => computeTrends({ ...source, papers: [...source.papers, paper('p9', 'zz')] }, settings)).toThrow(/p9/);
    expect(() => computeTrends({ ...source, terms: [item('t', ['nope'])] }, settings)).toThrow(/nope/);
  });
});

describe('trendLists and roseWith', () => {
  it('lists rising and new items in rank order', () => {
    const lists = trendLists(trends, 10);
    expect([ids(lists.risingTerms), ids(lists.newTerms), ids(lists.risingTopics), ids(lists.newTopics)]).toEqual([['rise'], ['fresh', 'once'], [], ['y']]);
    expect(ids(trendLists(trends, 1).newTerms)).toEqual(['fresh']);
  });

  it('lists what rose with a digest as of that digest, among the items it brought papers to', () => {
    // The latest digest: its window is the last two digests.
    const latest = roseWith(trends, 'd', 10);
    expect([ids(latest.terms), ids(latest.topics)]).toEqual([['rise', 'fresh', 'once'], ['y']]);
    // As of c: a window of one digest (c), 2 of whose papers use "fresh"; "rise" has only one there.
    const third = roseWith(trends, 'c', 10);
    expect([ids(third.terms), ids(third.topics)]).toEqual([['fresh'], []]);
    expect(third.terms[0]!.trend).toMatchObject({ series: [0, 0, 2], window: 1, recent: 2, status: 'new' });
    // The first digest has nothing to compare with.
    expect(roseWith(trends, 'a', 10)).toEqual({ topics: [], terms: [] });
    expect(() => roseWith(trends, 'zz', 10)).toThrow(/zz/);
  });

  it('groups an item’s papers by first digest, latest first', () => {
    expect(papersByDigest(trends, trends.termById.get('rise')!)).toEqual([
      [3, ['p5', 'p6']],
      [2, ['p4']],
      [0, ['p1']],
    ]);
  });
});

describe('trendChart and trendSummary', () => {
  const names = trends.digests.map((d) => d.name);

  it('draws a bar per digest with papers, scaled to the peak, and shades the window', () => {
    expect(trendChart(trends.termById.get('rise')!.trend, names)).toEqual({
      width: 12,
      height: 24,
      bars: 'M1 24v-12M7 24v-12M10 24v-24',
      window: { x: 6, width: 6 },
      from: 'Mar 1',
      to: 'Mar 4',
      summary: '3 papers in the last 2 digests, up from 1 in the 2 digests before: 60.0% of their new papers, against 33.3% (1.8 times the share).',
      firstSeen: 'Mar 1',
      peak: 'Mar 4 (2 papers)',
    });
  });

  it('says what the figure says for new, steady and too-short series', () => {
    expect(trendSummary(trends.termById.get('once')!.trend)).toBe('2 papers in the last 2 digests, none in the 2 digests before: new.');
    expect(trendSummary(trends.termById.get('old')!.trend)).toBe('0 papers in the last 2 digests and 3 in the 2 digests before: 0.0% of their new papers, against 100.0%.');
    expect(trendSummary(trendOf([1], [3], settings))).toBe('1 paper in 1 digest: too few digests for a trend.');
    // Counts of a large corpus read with thousands separators, as the page's other counts do.
    expect(trendSummary(trendOf([1200, 1411, 300, 66], [4000, 4000, 2000, 2000], settings))).toBe(
      '366 papers in the last 2 digests and 2,611 in the 2 digests before: 9.2% of their new papers, against 32.6%.',
    );
    expect(trendChart(trendOf([1], [3], settings), ['Mar 1'])).toMatchObject({ bars: 'M1 24v-24', window: null, peak: 'Mar 1 (1 paper)' });
  });
});

describe('trendFeed', () => {
  const title = (id: string) => `Title of ${id}`;
  const feedOptions = { siteName: 'Paper Explorer', feedItems: 20, feedTitles: 10 };

  it('has an item per digest that brought papers, latest first, listing their titles', () => {
    const feed = trendFeed(trends, trends.termById.get('rise')!, title, feedOptions);
    expect(feed.title).toBe('Paper Explorer: RISE');
    expect(feed.items).toEqual([
      { title: 'Mar 4: 2 new papers', link: '/digests/d/', description: 'Title of p5; Title of p6' },
      { title: 'Mar 3: 1 new paper', link: '/digests/c/', description: 'Title of p4' },
      { title: 'Mar 1: 1 new paper', link: '/digests/a/', description: 'Title of p1' },
    ]);
  });

  it('keeps the latest 20 digests, and 10 titles an item', () => {
    const many: TrendSource = {
      digests: Array.from({ length: 25 }, (_, i) => digest(`d${i}`, `Day ${i}`)),
      papers: [...Array.from({ length: 25 }, (_, i) => paper(`p${i}`, `d${i}`)), ...Array.from({ length: 11 }, (_, i) => paper(`q${i}`, 'd24'))],
      terms: [item('all', [...Array.from({ length: 25 }, (_, i) => `p${i}`), ...Array.from({ length: 11 }, (_, i) => `q${i}`)])],
      topics: [],
      areas: [],
    };
    const t = computeTrends(many, settings);
    const feed = trendFeed(t, t.terms[0]!, title, feedOptions);
    expect(feed.items).toHaveLength(20);
    expect([feed.items[0]!.link, feed.items[19]!.link]).toEqual(['/digests/d24/', '/digests/d5/']);
    expect(feed.items[0]!.title).toBe('Day 24: 12 new papers');
    expect(feed.items[0]!.description).toBe(`Title of p24; ${Array.from({ length: 9 }, (_, i) => `Title of q${i}`).join('; ')} (and 2 more)`);
  });
});

describe('trendsJson', () => {
  it('gives the digest axis with totals and each item’s sparse series', () => {
    const json = trendsJson(trends);
    expect(json.settings).toEqual({ window: 2, minRecent: 2, minGrowth: 1.5 });
    expect(json.digests.map((d) => d.papers)).toEqual([2, 1, 2, 3]);
    // Growth to three decimals: (3 / 5) / (1 / 3) = 1.8 (1.7999999999999998 in floating point).
    expect(json.terms.find((t) => t.id === 'rise')!.growth).toBe(1.8);
    expect(json.terms.find((t) => t.id === 'once')).toEqual({
      id: 'once',
      label: 'ONCE',
      url: '/terms/once/',
      feed: '/feeds/terms/once.xml',
      total: 2,
      first: 3,
      peak: 3,
      recent: 2,
      earlier: 0,
      growth: null,
      status: 'new',
      series: [[3, 2]],
    });
  });
});

describe('areas', () => {
  // Four digests; papers first seen per digest: 2, 1, 2, 3 (as above), in four topics.
  const area = (id: string, topics: string[]) => ({ id, slug: `${id}-slug`, label: id.toUpperCase(), topics });
  const withAreas: TrendSource = {
    digests: source.digests,
    papers: [paper('p1', 'a'), paper('p2', 'a'), paper('p3', 'b'), paper('p4', 'c'), paper('p5', 'c', 'd'), paper('p6', 'd'), paper('p7', 'd'), paper('p8', 'd')],
    terms: [],
    topics: [
      item('t1', ['p1', 'p3']), // [1, 1, 0, 0]
      item('t2', ['p4', 'p6']), // [0, 0, 1, 1]
      item('t3', ['p7', 'p8']), // [0, 0, 0, 2]
      item('t4', ['p2', 'p5']), // [1, 0, 1, 0]
    ],
    areas: [
      area('even', ['t1', 't2']), // [1, 1, 1, 1]: a tie in every digest
      area('up', ['t4', 't3', 't4']), // [1, 0, 1, 2], t4 once
      area('zz-late', ['t3']), // [0, 0, 0, 2]: one digest only
      area('late', ['t3']), // the same series: a tie broken by id
      area('mid', ['t2']), // [0, 0, 1, 1]
    ],
  };
  const t = computeTrends(withAreas, settings);

  it('counts an area’s papers (its topics’, each once) per digest: first, peak (the earliest of equal ones) and status', () => {
    expect(t.areas.map((a) => [a.id, a.trend.series, a.trend.total, a.trend.first, a.trend.peak, a.trend.recent, a.trend.earlier, a.trend.status])).toEqual([
      ['even', [1, 1, 1, 1], 4, 0, 0, 2, 2, 'steady'],
      ['up', [1, 0, 1, 2], 4, 0, 3, 3, 1, 'rising'],
      ['zz-late', [0, 0, 0, 2], 2, 3, 3, 2, 0, 'new'],
      ['late', [0, 0, 0, 2], 2, 3, 3, 2, 0, 'new'],
      ['mid', [0, 0, 1, 1], 2, 2, 2, 2, 0, 'new'],
    ]);
    // (2 / 5) / (2 / 3) and (3 / 5) / (1 / 3)
    expect(t.areaById.get('even')!.trend.growth).toBeCloseTo(0.6, 12);
    expect(t.areaById.get('up')!.trend.growth).toBeCloseTo(1.8, 12);
    expect(t.areaById.get('up')).toMatchObject({ kind: 'area', url: '/areas/up-slug/', feed: '/feeds/areas/up.xml', label: 'UP', papers: ['p2', 'p5', 'p7', 'p8'] });
    expect(computeTrends(source, settings).areas.map((a) => a.trend.series)).toEqual([[2, 1, 2, 3]]);
  });

  it('ranks rising and new areas, ties by the later first digest, then by id', () => {
    const lists = trendLists(t, 10);
    expect([ids(lists.risingAreas), ids(lists.newAreas)]).toEqual([['up'], ['late', 'zz-late', 'mid']]);
    expect(ids(trendLists(t, 2).newAreas)).toEqual(['late', 'zz-late']);
  });

  it('fails loudly on an area of an unknown topic', () => {
    expect(() => computeTrends({ ...withAreas, areas: [area('bad', ['t1', 'nope'])] }, settings)).toThrow(/nope/);
  });

  it('gives an area a chart, a feed and its entry in trends.json', () => {
    const late = t.areaById.get('late')!;
    expect(trendChart(late.trend, ['Mar 1', 'Mar 2', 'Mar 3', 'Mar 4'])).toMatchObject({
      bars: 'M10 24v-24',
      firstSeen: 'Mar 4',
      peak: 'Mar 4 (2 papers)',
      summary: '2 papers in the last 2 digests, none in the 2 digests before: new.',
    });
    expect(trendChart(t.areaById.get('even')!.trend, [])).toMatchObject({ bars: 'M1 24v-24M4 24v-24M7 24v-24M10 24v-24', peak: '#1 (1 paper)' });
    const feed = trendFeed(t, t.areaById.get('up')!, (id) => `Title of ${id}`, { siteName: 'S', feedItems: 20, feedTitles: 10 });
    expect(feed).toEqual({
      title: 'S: UP',
      description: 'New papers on the area “UP”, one item per digest that brought some.',
      items: [
        { title: 'Mar 4: 2 new papers', link: '/digests/d/', description: 'Title of p7; Title of p8' },
        { title: 'Mar 3: 1 new paper', link: '/digests/c/', description: 'Title of p5' },
        { title: 'Mar 1: 1 new paper', link: '/digests/a/', description: 'Title of p2' },
      ],
    });
    expect(trendsJson(t).areas.find((a) => a.id === 'zz-late')).toEqual({
      id: 'zz-late',
      label: 'ZZ-LATE',
      url: '/areas/zz-late-slug/',
      feed: '/feeds/areas/zz-late.xml',
      total: 2,
      first: 3,
      peak: 3,
      recent: 2,
      earlier: 0,
      growth: null,
      status: 'new',
      series: [[3, 2]],
    });
  });
});
