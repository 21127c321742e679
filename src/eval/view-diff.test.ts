import { describe, expect, it } from 'vitest';
import { diffViews, fieldReasons, formatViewDiff, type ViewsByKind } from './view-diff';

describe('view diff', () => {
  it('names what differs: a value, list members, list order, or details of the same members', () => {
    expect(fieldReasons('lead', 'Used by 3 papers.', 'Used by 3 papers.')).toEqual([]);
    expect(fieldReasons('lead', 'Used by 3 papers.', 'Used by 4 papers.')).toEqual(['lead']);
    const a = { url: '/a/', title: 'A' };
    const b = { url: '/b/', title: 'B' };
    expect(fieldReasons('related', [a, b], [a, { url: '/c/', title: 'C' }])).toEqual(['related: members']);
    expect(fieldReasons('related', [a, b], [b, a])).toEqual(['related: order']);
    expect(fieldReasons('related', [a, b], [a, { ...b, title: 'B2' }])).toEqual(['related: details']);
    expect(fieldReasons('trend', { chart: { to: 'Mar 1' }, feed: '/f' }, { chart: { to: 'Mar 2' }, feed: '/g' })).toEqual(['trend.chart', 'trend.feed']);
  });

  it('counts per kind the new and changed pages and each reason, alone or with others', () => {
    const before: ViewsByKind = new Map([['papers', new Map<string, unknown>([['x', { t: 1, r: [1] }], ['y', { t: 1, r: [1] }], ['z', { t: 1, r: [1] }]])]]);
    const after: ViewsByKind = new Map([['papers', new Map<string, unknown>([['x', { t: 2, r: [2] }], ['y', { t: 1, r: [2] }], ['z', { t: 1, r: [1] }], ['w', { t: 1, r: [] }]])]]);
    const [papers] = diffViews(before, after);
    expect(papers).toEqual({
      kind: 'papers',
      pages: 4,
      added: 1,
      changed: 2,
      reasons: new Map([['t', 1], ['r: members', 2]]),
      sole: new Map([['r: members', 1]]),
    });
    expect(formatViewDiff([papers!]).split('\n').slice(2)).toEqual([
      '| **papers** | 4 | 3 (1 new) | |',
      '| · r: members | | 2 | 1 |',
      '| · t | | 1 | 0 |',
      '| **all** | 4 | 3 (75.0 %) | |',
    ]);
  });
});
