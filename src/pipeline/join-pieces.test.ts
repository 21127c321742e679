import { describe, expect, it } from 'vitest';
import { joinByCentroid } from './join-pieces';
import { buildTopics } from './topics';
import { topicCountRange } from './topic-sizes';
import type { DenseVectors } from './semantic';

/** Rows of a 2-d dense matrix. */
const dense = (rows: [number, number][]): DenseVectors => ({ rows: rows.length, width: 2, data: Float64Array.from(rows.flat()) });

describe('joinByCentroid', () => {
  // Papers 0–1 point east, 2 north-east, 3–4 north, 5 west.
  const vectors = dense([
    [1, 0],
    [1, 0.1],
    [0.7, 0.7],
    [0, 1],
    [0.1, 1],
    [-1, 0],
  ]);

  it('joins the smallest group into the most similar centroid until the count is reached', () => {
    const groups = [[0, 1], [2], [3, 4], [5]];
    // [2] (smallest, lowest member) joins east or north: north-east is a tie in angle to both, east [1, 0.1] wins by a hair.
    expect(joinByCentroid(groups, vectors, 3, 10)).toEqual([[0, 1, 2], [3, 4], [5]]);
    // Then [5] (west) is the smallest: it joins whichever of the others it is least far from, the north group.
    expect(joinByCentroid(groups, vectors, 2, 10)).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  it('prefers a group it fits in with over a more similar one that would grow past the largest size', () => {
    // [2] is a little closer to the east pair, but only the north paper [3] has room for it.
    expect(joinByCentroid([[0, 1], [2], [3]], vectors, 2, 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // Where it fits nowhere, it joins the most similar group all the same.
    expect(joinByCentroid([[0, 1], [2], [3, 4]], vectors, 2, 2)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('leaves a partition within the count as it is, and reads rows through rowOf', () => {
    expect(joinByCentroid([[1], [0]], vectors, 2, 10)).toEqual([[1], [0]]);
    // Members 10–15 are rows 0–5.
    expect(joinByCentroid([[10, 11], [12], [13, 14], [15]], vectors, 3, 10, (m) => m - 10)).toEqual([[10, 11, 12], [13, 14], [15]]);
  });
});

describe('buildTopics on a graph in pieces', () => {
  // 30 papers in 10 triangles with no edges between them; their dense vectors put triangles 2k and 2k+1 side by side.
  const n = 30;
  const paperIds = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const knn = Array.from({ length: 10 }, (_, t) => [
    { source: 3 * t, target: 3 * t + 1, weight: 1 },
    { source: 3 * t + 1, target: 3 * t + 2, weight: 1 },
    { source: 3 * t, target: 3 * t + 2, weight: 1 },
  ]).flat();
  const angle = (i: number) => Math.floor(i / 6) * 1.2 + (Math.floor(i / 3) % 2) * 0.05;
  const pieces = dense(Array.from({ length: n }, (_, i): [number, number] => [Math.cos(angle(i)), Math.sin(angle(i))]));
  const input = { paperIds, paperTermIds: paperIds.map(() => []), knn, terms: [] };

  it('keeps one topic per piece without dense vectors, and joins the closest pieces down to the range with them', () => {
    // The default range for 30 papers, [4, 10], holds the 10 pieces; a range of 3–7 makes the joins happen.
    expect(topicCountRange(n)).toEqual([4, 10]);
    expect(buildTopics({ ...input, dense: pieces }).topics).toHaveLength(10);
    const range: [number, number] = [3, 7];
    expect(buildTopics(input, { range }).topics).toHaveLength(10);
    const joined = buildTopics({ ...input, dense: pieces }, { range }).topics;
    expect(joined).toHaveLength(7);
    // Each joined topic is two triangles side by side in the dense space (papers 6k to 6k+5).
    const pairs = joined.filter((t) => t.papers.length === 6).map((t) => [...t.papers].sort());
    for (const papers of pairs) expect(new Set(papers.map((p) => Math.floor(Number(p.slice(1)) / 6))).size).toBe(1);
    expect(pairs).toHaveLength(3);
  });
});
