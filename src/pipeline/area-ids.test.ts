import { describe, expect, it } from 'vitest';
import { areaRedirects, assignAreaIds, type AreaCluster } from './area-ids';
import { parseTopicState, serializeTopicState, type TopicState } from './topic-ids';

const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, k) => `p${String(from + k).padStart(3, '0')}`);

/** A previous build: topics t01 (p000–p009), t02 (p010–p015), t03 (p016–p019); areas a01 = t01 + t02, a02 = t03. */
function previous(): TopicState {
  return {
    version: 1,
    topics: [
      { id: 't01', slug: 'alpha', label: 'Alpha', papers: range(0, 10) },
      { id: 't02', slug: 'beta', label: 'Beta', papers: range(10, 16) },
      { id: 't03', slug: 'gamma', label: 'Gamma', papers: range(16, 20) },
    ],
    retired: [],
    areas: {
      areas: [
        { id: 'a01', slug: 'vision', label: 'Vision', topics: ['t01', 't02'] },
        { id: 'a02', slug: 'speech', label: 'Speech', topics: ['t03'] },
      ],
      retired: [],
    },
  };
}

const area = (topics: string[], papers: string[], label: string, labelTerms?: string[]): AreaCluster => ({
  topics,
  papers,
  label,
  slug: label.toLowerCase().replace(/\W+/g, '-'),
  ...(labelTerms ? { labelTerms } : {}),
});

describe('assignAreaIds', () => {
  it('numbers areas a01.. in the order given without a previous state', () => {
    const result = assignAreaIds(null, [area(['t02', 't01'], range(0, 16), 'Vision'), area(['t03'], range(16, 20), 'Speech')]);
    expect(result.ids).toEqual(['a01', 'a02']);
    expect(result.state).toEqual({
      areas: [
        { id: 'a01', slug: 'vision', label: 'Vision', topics: ['t01', 't02'] },
        { id: 'a02', slug: 'speech', label: 'Speech', topics: ['t03'] },
      ],
      retired: [],
    });
  });

  it('keeps ids by the papers of the old areas, even when the topics were renumbered', () => {
    // The same papers, now in topics t07 and t08 (listed in another order).
    const result = assignAreaIds(previous(), [area(['t08'], range(16, 20), 'Speech'), area(['t07'], range(0, 16), 'Vision')]);
    expect(result.ids).toEqual(['a02', 'a01']);
    expect(result.slugs).toEqual(['speech', 'vision']);
    expect(result.state.areas.map((a) => [a.id, a.topics])).toEqual([
      ['a01', ['t07']],
      ['a02', ['t08']],
    ]);
  });

  it('keeps a continuing area its label while its terms are still among its strongest, else renames it with a redirect', () => {
    const kept = assignAreaIds(previous(), [area(['t01', 't02'], range(0, 16), 'Images', ['Images', 'Vision']), area(['t03'], range(16, 20), 'Speech')]);
    expect(kept.labels).toEqual(['Vision', 'Speech']);
    expect(kept.slugs).toEqual(['vision', 'speech']);
    const renamed = assignAreaIds(previous(), [area(['t01', 't02'], range(0, 16), 'Images', ['Images']), area(['t03'], range(16, 20), 'Speech')]);
    expect(renamed.slugs).toEqual(['images', 'speech']);
    const state: TopicState = { ...previous(), areas: renamed.state };
    expect(areaRedirects(state)).toEqual([{ slug: 'vision', reason: 'renamed', label: 'Images', targets: [{ id: 'a01', slug: 'images', label: 'Images', share: 1 }] }]);
  });

  it('retires an area merged into another and redirects its slug there', () => {
    const result = assignAreaIds(previous(), [area(['t01', 't02', 't03'], range(0, 20), 'Perception')]);
    expect(result.ids).toEqual(['a01']);
    expect(result.state.retired).toEqual([{ id: 'a02', slug: 'speech', label: 'Speech', movedTo: [{ id: 'a01', share: 1 }] }]);
    const redirects = areaRedirects({ ...previous(), areas: result.state });
    expect(redirects.map((r) => [r.slug, r.reason, r.targets.map((t) => t.slug)])).toEqual([
      ['speech', 'retired', ['perception']],
      ['vision', 'renamed', ['perception']],
    ]);
  });

  it('gives no redirects for a state without areas', () => {
    const { areas: _areas, ...withoutAreas } = previous();
    expect(areaRedirects(withoutAreas)).toEqual([]);
  });
});

describe('area state in the topic state file', () => {
  it('round-trips through serialize and parse, and a file without areas still parses', () => {
    const state = previous();
    expect(parseTopicState(serializeTopicState(state))).toEqual(state);
    const { areas: _areas, ...withoutAreas } = state;
    expect(parseTopicState(serializeTopicState(withoutAreas))).toEqual(withoutAreas);
    expect(serializeTopicState(withoutAreas)).not.toContain('"areas"');
  });

  it('rejects malformed areas with a message', () => {
    const text = JSON.stringify({ ...previous(), areas: { areas: [{ id: 'a01', slug: 'x', label: 'X' }], retired: [] } });
    expect(() => parseTopicState(text)).toThrow(/"areas" needs lists/);
  });
});
