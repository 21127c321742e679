import { describe, expect, it } from 'vitest';
import { item, trendSource } from '../../tests/trend-fixture';
import type { TrendSource } from './trends';
import { readSiteConfig } from '../site-config';
import { risingSummaryView, roseWithDigestView, trendContext, trendPanelView, trendsPageView } from './trend-views';

const settings = { window: 2, minRecent: 2, minGrowth: 1.5, feedItems: 20, feedTitles: 10, listed: 30, summarized: 5, roseWithDigest: 8 };
/** Four digests; papers first seen per digest: 2, 1, 2, 3. */
const source: TrendSource = trendSource({
  terms: [item('rise', ['p1', 'p4', 'p5', 'p6']), item('fresh', ['p7', 'p8', 'p4']), item('old', ['p1', 'p2', 'p3'])],
  topics: [item('x', ['p1', 'p2', 'p3', 'p4']), item('y', ['p5', 'p6', 'p7', 'p8'])],
  // [0, 0, 1, 3]: new; [2, 1, 2, 3]: steady.
  areas: [
    { id: 'a1', slug: 'one', label: 'ONE', topics: ['y'] },
    { id: 'a2', slug: 'all', label: 'ALL', topics: ['x', 'y'] },
  ],
});

describe('trend views', () => {
  it('gives a term page its chart, window and feed', () => {
    const panel = trendPanelView(source, settings, 'term', 'rise', 'Paper Explorer');
    expect(panel).toMatchObject({ window: 2, feed: '/feeds/terms/rise.xml', feedTitle: 'Paper Explorer: RISE' });
    expect(panel.chart).toMatchObject({ firstSeen: 'Mar 1', peak: 'Mar 4 (2 papers)', from: 'Mar 1', to: 'Mar 4' });
    expect(panel.chart.summary).toBe('Up to Mar 4, its latest digest with papers: 3 papers in the last 2 digests, up from 1 in the 2 digests before: 60.0% of their new papers, against 33.3% (1.8 times the share).');
    // A term without papers in the latest digests: its chart and text stop at its latest digest with papers.
    const old = trendPanelView(source, settings, 'term', 'old', 'S');
    expect(old.window).toBe(1);
    expect(old.chart).toMatchObject({ from: 'Mar 1', to: 'Mar 2', width: 6, window: { x: 3, width: 3 } });
    expect(old.chart.summary).toBe('Up to Mar 2, its latest digest with papers: 1 paper in the last 1 digest and 2 in the 1 digest before: 100.0% of their new papers, against 100.0%.');
    // Topics chart every digest.
    expect(trendPanelView(source, settings, 'topic', 'x', 'S').chart).toMatchObject({ to: 'Mar 4', window: { x: 6, width: 6 } });
    expect(trendPanelView(source, settings, 'topic', 'y', 'S').feed).toBe('/feeds/topics/y.xml');
    expect(() => trendPanelView(source, settings, 'term', 'nope', 'S')).toThrow(/nope/);
    expect(trendPanelView(source, settings, 'area', 'a1', 'S')).toMatchObject({ feed: '/feeds/areas/a1.xml', feedTitle: 'S: ONE', chart: { firstSeen: 'Mar 3', peak: 'Mar 4 (3 papers)' } });
    expect(() => trendPanelView(source, settings, 'area', 'x', 'S')).toThrow(/area "x"/);
  });

  it('lists rising items on the home page without charts, and on /trends/ with charts', () => {
    const home = risingSummaryView(source, settings, 5);
    expect(home.groups.map((g) => [g.id, g.rows.map((r) => r.label)])).toEqual([
      ['home-rising-topics', []],
      ['home-rising-terms', ['RISE']],
    ]);
    expect(home.groups[1]!.rows[0]).toEqual({ label: 'RISE', url: '/terms/rise/', count: '3 new in the last 2, 1.8 times the share before', chart: null, window: 2 });
    const page = trendsPageView(source, settings, 30);
    expect(page).toMatchObject({ window: 2, before: 2, minRecent: 2, minGrowth: 1.5 });
    expect(page.groups.map((g) => [g.title, g.rows.map((r) => r.label)])).toEqual([
      ['Rising areas', []],
      ['New areas', ['ONE']],
      ['Rising topics', []],
      ['Rising terms', ['RISE']],
      ['New topics', ['Y']],
      ['New terms', ['FRESH']],
    ]);
    expect(page.groups.every((g) => g.rows.every((r) => r.chart !== null))).toBe(true);
  });

  it('lists what rose with a digest as of that digest', () => {
    expect(roseWithDigestView(source, settings, 'd', 8).groups.map((g) => g.rows.map((r) => r.label))).toEqual([['Y'], ['RISE', 'FRESH']]);
    expect(roseWithDigestView(source, settings, 'a', 8).groups.map((g) => g.rows.length)).toEqual([0, 0]);
  });
});

describe('trendContext', () => {
  it('gives pages the trend settings unless TRENDS=off turns trends off', () => {
    const on = readSiteConfig({});
    expect(trendContext(on)).toEqual({ settings: on.trends, siteName: 'Paper Explorer' });
    expect(on.trends.enabled).toBe(true);
    for (const value of ['off', 'OFF', '0', 'false']) expect(trendContext(readSiteConfig({ TRENDS: value }))).toBeUndefined();
    expect(trendContext(readSiteConfig({ TRENDS: 'on' }))).toBeDefined();
  });
});
