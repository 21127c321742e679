import { describe, expect, it } from 'vitest';
import { keptAreaGroups } from './area-keep';
import type { TopicState } from './topic-ids';

const papers = (prefix: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);

/** A previous build: topics t01–t09 of 20 papers each (p000–p179); areas a01 = t01, a02 = t02 + t03, a03–a08 = t04–t09. */
function previous(): TopicState {
  const topics = Array.from({ length: 9 }, (_, t) => ({ id: `t0${t + 1}`, slug: `s${t + 1}`, label: `L${t + 1}`, papers: papers('p', 20 * t, 20 * t + 20) }));
  const groups = [['t01'], ['t02', 't03'], ['t04'], ['t05'], ['t06'], ['t07'], ['t08'], ['t09']];
  return {
    version: 1,
    topics,
    retired: [],
    areas: { areas: groups.map((g, a) => ({ id: `a0${a + 1}`, slug: `a${a + 1}`, label: `A${a + 1}`, topics: g })), retired: [] },
  };
}

/** The topics after one digest: t03 split (t10 takes 12 of its papers and 1 of t01's), t11 of new papers only. */
function updated() {
  const state = previous();
  const byId = new Map(state.topics.map((t) => [t.id, t.papers]));
  const t03 = byId.get('t03') ?? [];
  return [
    { id: 't01', label: '', papers: [...(byId.get('t01') ?? []).slice(1), 'n000'] },
    { id: 't02', label: '', papers: byId.get('t02') ?? [] },
    { id: 't03', label: '', papers: t03.slice(12) },
    ...['t04', 't05', 't06', 't07', 't08', 't09'].map((id) => ({ id, label: '', papers: byId.get(id) ?? [] })),
    { id: 't10', label: '', papers: [...t03.slice(0, 12), (byId.get('t01') ?? [])[0] as string] },
    { id: 't11', label: '', papers: papers('n', 1, 6) },
  ];
}

describe('keptAreaGroups', () => {
  it('keeps every topic in its area; a split-off topic joins the area most of its papers were in; one of new papers is left to place', () => {
    expect(keptAreaGroups(previous(), updated())).toEqual([['t01'], ['t02', 't03', 't10'], ['t04'], ['t05'], ['t06'], ['t07'], ['t08'], ['t09']]);
  });

  it('groups afresh without previous areas', () => {
    const { areas: _areas, ...withoutAreas } = previous();
    expect(keptAreaGroups(withoutAreas, updated())).toBeNull();
    expect(keptAreaGroups(null, updated())).toBeNull();
  });

  it('groups afresh when the topics that kept their ids hold under half the papers (the topics were clustered afresh)', () => {
    const renamed = updated().map((t, i) => ({ ...t, id: `u${i}` }));
    expect(keptAreaGroups(previous(), renamed)).toBeNull();
    // Renamed but for 5 of 11 topics, which hold 88 of 186 papers.
    const half = updated().map((t, i) => (i < 5 ? t : { ...t, id: `u${i}` }));
    expect(keptAreaGroups(previous(), half)).toBeNull();
  });

  it('groups afresh when the topic count calls for many more areas than are kept', () => {
    // 100 topics want 15 areas (areaCount); 8 kept are fewer than 15 / 1.34.
    const many = [...updated(), ...Array.from({ length: 89 }, (_, i) => ({ id: `x${i}`, label: '', papers: [`m${i}`] }))];
    expect(many).toHaveLength(100);
    expect(keptAreaGroups(previous(), many)).toBeNull();
  });

  it('groups afresh when one area has grown past 1.5 times the share cap', () => {
    // The cap of 8 areas is 2.5 / 8 of the papers; a01 with 200 new papers holds 220 of 386 (57 % > 47 %).
    const grown = updated().map((t) => (t.id === 't01' ? { ...t, papers: [...t.papers, ...papers('g', 0, 200)] } : t));
    expect(keptAreaGroups(previous(), grown)).toBeNull();
  });
});
