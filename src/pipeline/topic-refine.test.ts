import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import type { DenseVectors } from './semantic';
import { normalisedAdjacency, refineByCentroids, refineTopics, spectralEmbedding, SPECTRAL_RANK } from './topic-refine';
import { adjacency, type Adjacency, type KnnEdge } from './topics';

/** All pairs of the given nodes, with one weight. */
function clique(nodes: number[], weight = 1): KnnEdge[] {
  const edges: KnnEdge[] = [];
  for (const a of nodes) for (const b of nodes) if (a < b) edges.push({ source: a, target: b, weight });
  return edges;
}

/** Dense vectors from rows of numbers (not normalised: the cosines below only need directions). */
function denseOf(rows: number[][]): DenseVectors {
  const width = rows[0]?.length ?? 0;
  return { rows: rows.length, width, data: Float64Array.from(rows.flat()) };
}

/** Cosine of two rows of dense vectors. */
function rowCosine(d: DenseVectors, a: number, b: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < d.width; j += 1) {
    const x = d.data[a * d.width + j] as number;
    const y = d.data[b * d.width + j] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

// Eight nodes, 0–3 pointing one way and 4–7 the other, all linked to all (so every group is a candidate).
const points = denseOf([[1, 0], [1, 0.1], [0.9, 0], [1, 0.2], [0.1, 1], [0, 1], [0.2, 1], [0, 0.9]]);
const everyone: Adjacency = adjacency(8, clique([0, 1, 2, 3, 4, 5, 6, 7]));

describe('normalisedAdjacency', () => {
  it('divides each edge weight by the square root of both degrees', () => {
    const m = normalisedAdjacency(adjacency(4, [{ source: 0, target: 1, weight: 1 }, { source: 1, target: 2, weight: 4 }]));
    expect(Array.from(m.indptr)).toEqual([0, 1, 3, 4, 4]);
    expect(Array.from(m.indices)).toEqual([1, 0, 2, 1]);
    const expected = [1 / Math.sqrt(5), 1 / Math.sqrt(5), 4 / Math.sqrt(20), 4 / Math.sqrt(20)];
    Array.from(m.data).forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 12));
  });
});

describe('spectralEmbedding', () => {
  it('gives the nodes of one connected piece the same direction and two pieces orthogonal ones', () => {
    const adj = adjacency(6, [...clique([0, 1, 2]), ...clique([3, 4, 5], 2)]);
    const e = spectralEmbedding(adj, 2);
    expect(e.rows).toBe(6);
    expect(e.width).toBe(2);
    expect(rowCosine(e, 0, 2)).toBeCloseTo(1, 6);
    expect(rowCosine(e, 3, 5)).toBeCloseTo(1, 6);
    expect(rowCosine(e, 0, 4)).toBeCloseTo(0, 6);
  });
});

describe('refineByCentroids', () => {
  it('moves each node to the group whose centroid points its way', () => {
    const groups = refineByCentroids([[0, 1, 2, 4], [3, 5, 6, 7]], everyone, points, { minSize: 1, maxSize: 8 });
    expect(groups).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it('leaves no group below minSize', () => {
    // Either move would leave its group with 3 of the 4 it needs.
    const groups = refineByCentroids([[0, 1, 2, 4], [3, 5, 6, 7]], everyone, points, { minSize: 4, maxSize: 8 });
    expect(groups).toEqual([[0, 1, 2, 4], [3, 5, 6, 7]]);
  });

  it('takes no group above maxSize', () => {
    expect(refineByCentroids([[0, 1, 2], [3, 4, 5, 6, 7]], everyone, points, { minSize: 1, maxSize: 3 })).toEqual([[3, 4, 5, 6, 7], [0, 1, 2]]);
    expect(refineByCentroids([[0, 1, 2], [3, 4, 5, 6, 7]], everyone, points, { minSize: 1, maxSize: 4 })).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it('only considers the groups of a node’s graph neighbours', () => {
    // Node 3 points like 0–2 but links only to 4–7: it stays.
    const adj = adjacency(8, [...clique([0, 1, 2]), ...clique([3, 4, 5, 6, 7])]);
    expect(refineByCentroids([[0, 1, 2], [3, 4, 5, 6, 7]], adj, points, { minSize: 1, maxSize: 8 })).toEqual([[3, 4, 5, 6, 7], [0, 1, 2]]);
  });

  it('stops after the given rounds', () => {
    // Group [0, 4, 5] points mostly up: in round one 0 leaves it for the group of 1–3 and 5 for that of 6, 7, which
    // moves that centroid, so later rounds shift 4–7 again.
    const start = [[0, 4, 5], [1, 2, 3], [6, 7]];
    expect(refineByCentroids(start, everyone, points, { minSize: 1, maxSize: 8, rounds: 0 })).toEqual([[0, 4, 5], [1, 2, 3], [6, 7]]);
    expect(refineByCentroids(start, everyone, points, { minSize: 1, maxSize: 8, rounds: 1 })).toEqual([[0, 1, 2, 3], [5, 6, 7], [4]]);
    expect(refineByCentroids(start, everyone, points, { minSize: 1, maxSize: 8 })).toEqual([[0, 1, 2, 3], [4, 6], [5, 7]]);
  });
});

describe('refineTopics', () => {
  /** `count` planted groups of `size` papers, each paper's 6 nearest neighbours mostly in its group. */
  function planted(count: number, size: number): { n: number; adj: Adjacency; groups: number[][] } {
    const random = mulberry32(7);
    const n = count * size;
    const knn: KnnEdge[] = [];
    for (let i = 0; i < n; i += 1) {
      const group = Math.floor(i / size);
      for (let e = 0; e < 6; e += 1) {
        const inside = random() >= 0.2;
        const target = inside ? group * size + Math.floor(random() * size) : Math.floor(random() * n);
        if (target !== i) knn.push({ source: i, target, weight: inside ? 0.5 + random() / 2 : random() / 3 });
      }
    }
    const groups = Array.from({ length: count }, (_, g) => Array.from({ length: size }, (_, i) => g * size + i));
    return { n, adj: adjacency(n, knn), groups };
  }
  /** The groups with the first `k` papers of every group moved to the next group, members ascending. */
  const misplace = (groups: number[][], k: number): number[][] =>
    groups.map((g, i) => [...g.slice(k), ...(groups[(i + groups.length - 1) % groups.length] as number[]).slice(0, k)].sort((a, b) => a - b));

  it('puts back papers misplaced in a planted partition, keeping the count and the size limits', () => {
    const { adj, groups } = planted(SPECTRAL_RANK + 2, 12);
    const start = misplace(groups, 2);
    expect(refineTopics(start, adj, { minSize: 3, maxSize: 20 })).toEqual(groups);
    // With no room for any paper to leave its group, nothing moves.
    expect(refineTopics(start, adj, { minSize: 12, maxSize: 20 })).toEqual([...start].sort((a, b) => (a[0] as number) - (b[0] as number)));
  });

  it('leaves no more groups than the embedding has dimensions as they are', () => {
    const { adj, groups } = planted(SPECTRAL_RANK, 12);
    const start = misplace(groups, 2);
    expect(refineTopics(start, adj, { minSize: 3, maxSize: 20 })).toEqual(start);
  });
});
