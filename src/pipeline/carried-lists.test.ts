import { describe, expect, it } from 'vitest';
import { carryRelated, carryTerms, listStateOf, parseListState, serializeListState, type ListState } from './carried-lists';

const rel = (id: string, score: number) => ({ id, score, shared: [`${id}-term`] });
const term = (t: string, weight: number) => ({ term: t, weight });

describe('carried lists', () => {
  const state: ListState = { version: 1, related: { p1: ['q3', 'q2'] }, terms: { p1: ['graph', 'neural network'] } };

  it('gives fresh related lists to papers with no previous list, and keeps previous ones unless clearly beaten', () => {
    const candidates = { p1: [rel('q1', 0.5), rel('q2', 0.48), rel('q3', 0.47), rel('q4', 0.1)], p9: [rel('q1', 0.3), rel('q2', 0.2), rel('q3', 0.1)] };
    const carried = carryRelated(candidates, state, 2, 0.1);
    // q1 (0.5) is not 10 % above q3 (0.47): p1 keeps [q3, q2] with their current scores and shared terms.
    expect(carried.p1).toEqual([rel('q3', 0.47), rel('q2', 0.48)]);
    expect(carried.p9).toEqual([rel('q1', 0.3), rel('q2', 0.2)]);
    // Without a state: the first k of each list.
    expect(carryRelated(candidates, null, 2).p1).toEqual([rel('q1', 0.5), rel('q2', 0.48)]);
    // A clear newcomer replaces the weakest.
    expect(carryRelated({ p1: [rel('q5', 0.9), rel('q2', 0.48), rel('q3', 0.47)] }, state, 2, 0.1).p1?.map((r) => r.id)).toEqual(['q5', 'q2']);
  });

  it('keeps key terms unless clearly beaten, and never lets in a term nested in a kept one', () => {
    const kept: ListState = { version: 1, related: {}, terms: { p1: ['training', 'graph neural network'] } };
    const candidates = { p1: [term('graph', 4), term('graph neural network', 3), term('neural network', 2.1), term('training', 2.0)] };
    // graph (4) beats training (2.0) by far, but graph neural network, kept, contains it; neural network (2.1) is
    // not 15 % above training; graph neural network (3) beats training (2.0) by 50 %: it moves up.
    expect(carryTerms(candidates, kept, 2, 0.15).p1).toEqual([term('graph neural network', 3), term('training', 2.0)]);
    // A third place stays free: every other candidate is nested in graph neural network.
    expect(carryTerms(candidates, kept, 3, 0.15).p1).toEqual([term('graph neural network', 3), term('training', 2.0)]);
    // The fresh lists follow the same rule: the first k of the candidates (which the extraction already filtered).
    expect(carryTerms(candidates, null, 2).p1).toEqual([term('graph', 4), term('graph neural network', 3)]);
    // A clear newcomer (a term the paper did not list) replaces the weakest kept one.
    expect(carryTerms({ p1: [term('diffusion', 5), ...candidates.p1] }, kept, 2, 0.15).p1).toEqual([term('diffusion', 5), term('graph neural network', 3)]);
  });

  it('records the lists a build shows, papers in id order, and reads them back', () => {
    const papers = [
      { id: 'b', related: [{ id: 'a' }], terms: [{ term: 'x' }, { term: 'y' }] },
      { id: 'a', related: [], terms: [] },
    ];
    const made = listStateOf(papers);
    expect(made).toEqual({ version: 1, related: { a: [], b: ['a'] }, terms: { a: [], b: ['x', 'y'] } });
    expect(Object.keys(made.related)).toEqual(['a', 'b']);
    const text = serializeListState(made);
    expect(text).toBe('{\n  "version": 1,\n  "related": {\n    "a": [],\n    "b": ["a"]\n  },\n  "terms": {\n    "a": [],\n    "b": ["x","y"]\n  }\n}\n');
    expect(parseListState(text)).toEqual(made);
    expect(parseListState(serializeListState(listStateOf([])))).toEqual({ version: 1, related: {}, terms: {} });
  });

  it('drops a state that is not one (damaged or of another version): the lists are then fresh', () => {
    expect(parseListState('{"version": 1, "related": {')).toBeNull();
    expect(parseListState('{"version": 2, "related": {}, "terms": {}}')).toBeNull();
    expect(parseListState('{"version": 1, "related": {"a": [1]}, "terms": {}}')).toBeNull();
  });
});
