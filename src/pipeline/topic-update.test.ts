import { describe, expect, test } from 'vitest';
import { canUpdate, denseGroups, updateOptions, updateTopics, type TopicUpdateOptions } from './topic-update';
import { adjacency, type KnnEdge } from './topics';
import type { DenseVectors } from './semantic';

/** A hand-made corpus: paper ids, edges by id, 2-d vectors by id (normalised here). */
function corpus(ids: string[], edges: [string, string, number][], vectors: Record<string, [number, number]> = {}) {
  const at = new Map(ids.map((id, i) => [id, i]));
  const knn: KnnEdge[] = edges.map(([a, b, weight]) => ({ source: at.get(a) as number, target: at.get(b) as number, weight }));
  const data = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const [x, y] = vectors[id] ?? [1, 0];
    const norm = Math.hypot(x, y);
    data[2 * i] = x / norm;
    data[2 * i + 1] = y / norm;
  });
  const dense: DenseVectors = { rows: ids.length, width: 2, data };
  return { paperIds: ids, knn, dense };
}

/** Every pair of the given ids, with one weight. */
function clique(ids: string[], weight: number): [string, string, number][] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string, number] => [a, b, weight]));
}

const A = ['a0', 'a1', 'a2'];
const B = ['b0', 'b1', 'b2'];
const options: TopicUpdateOptions = { minSize: 2, maxSize: 10, newTopicMinSize: 3 };

describe('updateTopics', () => {
  test('existing papers keep their topic, gone papers leave, a new paper joins the topic most of its neighbour weight is in', () => {
    const c = corpus([...A, ...B, 'n0'], [...clique(A, 1), ...clique(B, 1), ['n0', 'a0', 0.9], ['n0', 'a1', 0.8], ['n0', 'b0', 0.5]]);
    const result = updateTopics({ ...c, previous: [[...A, 'gone'], B] }, options);
    expect(result.groups).toEqual([
      [0, 1, 2, 6],
      [3, 4, 5],
    ]);
    expect(result.counts).toEqual({ kept: 6, left: 1, joined: 1, created: 0, split: 0, merged: 0 });
  });

  test('new papers linked mostly to each other form a new topic when they are enough, else join through their neighbours', () => {
    const N = ['n0', 'n1', 'n2', 'n3'];
    const c = corpus([...A, ...B, ...N], [...clique(A, 1), ...clique(B, 1), ...clique(N, 0.9), ['n0', 'a0', 0.3]]);
    const created = updateTopics({ ...c, previous: [A, B] }, { ...options, newTopicMinSize: 4 });
    expect(created.groups).toEqual([
      [6, 7, 8, 9],
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(created.counts).toMatchObject({ joined: 0, created: 1 });
    const joined = updateTopics({ ...c, previous: [A, B] }, { ...options, newTopicMinSize: 5 });
    expect(joined.groups).toEqual([
      [0, 1, 2, 6, 7, 8, 9],
      [3, 4, 5],
    ]);
    expect(joined.counts).toMatchObject({ joined: 4, created: 0 });
  });

  test('a new paper with no edges joins the topic whose LSA centroid is closest', () => {
    const vectors: Record<string, [number, number]> = { b0: [0, 1], b1: [0.1, 1], b2: [0, 1], n0: [0.2, 0.98] };
    const c = corpus([...A, ...B, 'n0'], [...clique(A, 1), ...clique(B, 1)], vectors);
    expect(updateTopics({ ...c, previous: [A, B] }, options).groups).toEqual([
      [3, 4, 5, 6],
      [0, 1, 2],
    ]);
  });

  test('a topic grown past the largest size is re-clustered on its own; the other topics stay', () => {
    const C = ['c0', 'c1', 'c2', 'c3'];
    const D = ['d0', 'd1', 'd2', 'd3'];
    const edges = [...clique(C, 1), ...clique(D, 1), ['c3', 'd0', 0.1] as [string, string, number], ...clique(B, 1)];
    const c = corpus([...C, ...D, ...B], edges);
    const result = updateTopics({ ...c, previous: [[...C, 'd0', 'd1', 'd2'], B] }, { ...options, maxSize: 6 });
    expect(result.groups).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(result.counts).toMatchObject({ joined: 1, split: 1, merged: 0 });
  });

  test('a topic shrunk under the smallest size is merged into the topic it is most linked to', () => {
    const c = corpus([...A, ...B, 's0'], [...clique(A, 1), ...clique(B, 1), ['s0', 'b0', 0.4], ['s0', 'a0', 0.2]]);
    const result = updateTopics({ ...c, previous: [A, B, ['s0', 'gone1', 'gone2']] }, options);
    expect(result.groups).toEqual([
      [3, 4, 5, 6],
      [0, 1, 2],
    ]);
    expect(result.counts).toMatchObject({ kept: 7, left: 2, merged: 1 });
  });

  test('fewer topics than the corpus calls for: the largest whose split fits the move budget is split, once per update, and the others stay', () => {
    const C = ['c0', 'c1', 'c2', 'c3'];
    const D = ['d0', 'd1', 'd2', 'd3'];
    const E = ['e0', 'e1', 'e2'];
    const F = ['f0', 'f1', 'f2'];
    const edges = [...clique(C, 1), ...clique(D, 1), ['c3', 'd0', 0.1] as [string, string, number], ...clique(E, 1), ...clique(F, 1), ['e2', 'f0', 0.1] as [string, string, number]];
    const c = corpus([...C, ...D, ...E, ...F], edges);
    const previous = [[...C, ...D], [...E, ...F]];
    expect(updateTopics({ ...c, previous }, options).counts.split).toBe(0);
    const once = updateTopics({ ...c, previous }, { ...options, minCount: 4 });
    expect(once.groups).toEqual([
      [8, 9, 10, 11, 12, 13],
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(once.counts).toMatchObject({ split: 1, merged: 0 });
    // The count's split of C ∪ D moves 4 papers: within a budget of 4; within 3 the next largest, E ∪ F, is split
    // instead (it moves 3); within 2 neither fits and the split waits.
    expect(updateTopics({ ...c, previous }, { ...options, minCount: 4, moveBudget: 4 }).groups).toEqual(once.groups);
    const next3 = updateTopics({ ...c, previous }, { ...options, minCount: 4, moveBudget: 3 });
    expect(next3.counts.split).toBe(1);
    expect(next3.groups).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10],
      [11, 12, 13],
    ]);
    const waits = updateTopics({ ...c, previous }, { ...options, minCount: 4, moveBudget: 2 });
    expect(waits.counts.split).toBe(0);
    expect(waits.groups).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13],
    ]);
    const next = updateTopics({ ...c, previous: once.groups.map((g) => g.map((p) => c.paperIds[p] as string)) }, { ...options, minCount: 4 });
    expect(next.groups).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
      [11, 12, 13],
    ]);
  });

  test('splits move no more papers than the budget in one update: the largest oversize topic first, the rest wait', () => {
    const C = ['c0', 'c1', 'c2', 'c3'];
    const D = ['d0', 'd1', 'd2', 'd3'];
    const E = ['e0', 'e1', 'e2'];
    const F = ['f0', 'f1', 'f2'];
    const edges = [...clique(C, 1), ...clique(D, 1), ['c3', 'd0', 0.1] as [string, string, number], ...clique(E, 1), ...clique(F, 1), ['e2', 'f0', 0.1] as [string, string, number]];
    const c = corpus([...E, ...F, ...C, ...D], edges);
    const previous = [[...E, ...F], [...C, ...D]];
    const limited = updateTopics({ ...c, previous }, { ...options, maxSize: 5, moveBudget: 4 });
    expect(limited.groups).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9],
      [10, 11, 12, 13],
    ]);
    expect(limited.counts.split).toBe(1);
    expect(updateTopics({ ...c, previous }, { ...options, maxSize: 5, moveBudget: 7 }).counts.split).toBe(2);
  });

  test('a split leaves no part under the smallest part size: a topic that would only shed a few papers stays whole', () => {
    const C = ['c0', 'c1', 'c2', 'c3'];
    const edges = [...clique(C, 1), ['e0', 'e1', 1] as [string, string, number], ['c3', 'e0', 0.1] as [string, string, number], ...clique(B, 1)];
    const c = corpus([...C, 'e0', 'e1', ...B], edges);
    const previous = [[...C, 'e0', 'e1'], B];
    const whole = updateTopics({ ...c, previous }, { ...options, minCount: 3, partMinSize: 3 });
    expect(whole.groups).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8],
    ]);
    expect(whole.counts.split).toBe(0);
    const shed = updateTopics({ ...c, previous }, { ...options, minCount: 3, partMinSize: 2 });
    expect(shed.groups).toEqual([
      [0, 1, 2, 3],
      [6, 7, 8],
      [4, 5],
    ]);
    expect(shed.counts.split).toBe(1);
  });

  test('updating with its own result changes nothing', () => {
    const N = ['n0', 'n1', 'n2', 'n3'];
    const c = corpus([...A, ...B, ...N, 'm0'], [...clique(A, 1), ...clique(B, 1), ...clique(N, 0.9), ['n0', 'a0', 0.3], ['m0', 'b1', 0.7]]);
    const first = updateTopics({ ...c, previous: [A, B] }, { ...options, newTopicMinSize: 4 });
    const previous = first.groups.map((g) => g.map((p) => c.paperIds[p] as string));
    const again = updateTopics({ ...c, previous }, { ...options, newTopicMinSize: 4 });
    expect(again.groups).toEqual(first.groups);
    expect(again.counts).toEqual({ kept: 11, left: 0, joined: 0, created: 0, split: 0, merged: 0 });
  });
});

describe('denseGroups', () => {
  test('keeps connected groups of enough papers that hold at least half their edge weight inside', () => {
    const c = corpus(['x0', 'x1', 'x2', 'y0', 'y1', 'y2', 'z'], [...clique(['x0', 'x1', 'x2'], 1), ['y0', 'y1', 0.2], ['y1', 'y2', 0.2], ['y0', 'z', 1], ['y2', 'z', 1]]);
    const adj = adjacency(7, c.knn);
    expect(denseGroups([0, 1, 2, 3, 4, 5], adj, 3)).toEqual([[0, 1, 2]]);
    expect(denseGroups([0, 1, 2, 3, 4, 5, 6], adj, 3)).toEqual([[0, 1, 2], [3, 4, 5, 6]]);
    expect(denseGroups([0, 1, 2], adj, 4)).toEqual([]);
  });
});

describe('updateOptions', () => {
  test("follows the clean clustering's leaf limits for the corpus size: smallest and largest topic, fewest topics; new topics and split parts of a quarter of √n", () => {
    expect(updateOptions(8520)).toEqual({ minSize: 20, maxSize: 300, newTopicMinSize: 23, partMinSize: 23, minCount: 69, moveBudget: 340 });
    expect(updateOptions(20000)).toEqual({ minSize: 20, maxSize: 300, newTopicMinSize: 35, partMinSize: 35, minCount: 106, moveBudget: 800 });
    expect(updateOptions(400)).toEqual({ minSize: 3, maxSize: 60, newTopicMinSize: 5, partMinSize: 5, minCount: 15, moveBudget: 16 });
    // A given smallest size still sets the largest's floor (twice it) and the new topics' least size.
    expect(updateOptions(400, 40)).toEqual({ minSize: 40, maxSize: 80, newTopicMinSize: 40, partMinSize: 40, minCount: 15, moveBudget: 16 });
  });
});

describe('canUpdate', () => {
  test('needs the state to cover at least half the corpus', () => {
    expect(canUpdate(['a', 'b', 'c', 'd'], [['a'], ['b', 'x']])).toBe(true);
    expect(canUpdate(['a', 'b', 'c', 'd'], [['a', 'x']])).toBe(false);
    expect(canUpdate([], [])).toBe(false);
  });
});
