import { describe, expect, test } from 'vitest';
import { analyze, type SiteData } from '../pipeline/analyze';
import type { ParsedDigest } from '../pipeline/types';
import { readDigests } from '../../tests/digest-fixtures';
import { pageViews, siteOf } from './site-views';
import { diffViews } from './view-diff';

/** Share of the pages of `after` whose view is new or differs from `before`'s (what an incremental build re-renders). */
function rerenderedShare(before: SiteData, after: SiteData): number {
  const diffs = diffViews(pageViews(siteOf(before)), pageViews(siteOf(after)));
  const pages = diffs.reduce((n, d) => n + d.pages, 0);
  return diffs.reduce((n, d) => n + d.added + d.changed, 0) / pages;
}

describe('an incremental rebuild after a small digest re-renders few pages', () => {
  // The seed's last digest cut in two: its last ten papers arrive as a digest of their own (about 2.5 % more papers).
  const seed = readDigests();
  const last = seed[seed.length - 1] as ParsedDigest;
  const cut = last.entries.length - 10;
  const base = [...seed.slice(0, -1), { ...last, entries: last.entries.slice(0, cut) }];
  const added: ParsedDigest = { ...last, id: `${last.id}z`, file: `${last.id}z.txt`, date: 'Dec 31', entries: last.entries.slice(cut) };

  test('with the lists carried, under a third of the pages change; with fresh lists, far more', () => {
    const before = analyze(base);
    const carried = analyze([...base, added], { previousTopics: before.topicState, previousLists: before.listState });
    const fresh = analyze([...base, added], { previousTopics: before.topicState });
    const share = rerenderedShare(before, carried);
    expect(share).toBeLessThan(1 / 3);
    expect(rerenderedShare(before, fresh)).toBeGreaterThan(share + 0.1);
    // Every new paper still gets its fresh related papers.
    const known = new Set(before.papers.map((p) => p.id));
    const freshById = new Map(fresh.papers.map((p) => [p.id, p]));
    for (const p of carried.papers.filter((x) => !known.has(x.id))) expect(p.related).toEqual(freshById.get(p.id)?.related);
    // The same input with the same lists gives the same analysis.
    const again = analyze([...base, added], { previousTopics: before.topicState, previousLists: before.listState });
    expect(JSON.stringify(again)).toBe(JSON.stringify(carried));
  });
});
