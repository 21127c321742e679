import { describe, expect, it } from 'vitest';
import { defaultMaxPostings, dot, graphFromNeighbors, invertedIndex, knnGraph, nearestNeighbors, sparseVector, type SparseVector } from './vectors';

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n random sparse vectors over d features, about `nnz` non-zeros each, L2-normalised. */
function randomVectors(n: number, d: number, nnz: number, seed = 1): SparseVector[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, () => {
    const entries = new Map<number, number>();
    while (entries.size < nnz) entries.set(Math.floor(rnd() ** 2 * d), rnd() + 0.01);
    return sparseVector(entries);
  });
}

describe('sparse vectors', () => {
  it('normalises, sorts and takes dot products', () => {
    const a = sparseVector([[3, 4], [0, 3]]);
    expect([...a.indices]).toEqual([0, 3]);
    expect(a.values[0]).toBeCloseTo(0.6, 12);
    expect(a.values[1]).toBeCloseTo(0.8, 12);
    const b = sparseVector([[3, 1]]);
    expect(dot(a, b)).toBeCloseTo(0.8, 12);
    expect(dot(a, sparseVector([[1, 1]]))).toBe(0);
  });

  it('builds postings in vector order', () => {
    const index = invertedIndex([sparseVector([[1, 1]]), sparseVector([[0, 1], [1, 1]])]);
    expect([...index.start]).toEqual([0, 1, 3]);
    expect([...index.docs]).toEqual([1, 0, 1]);
  });
});

describe('nearestNeighbors', () => {
  const vectors = randomVectors(300, 400, 12);

  it('finds the same neighbours as a brute-force search when nothing is pruned', () => {
    const found = nearestNeighbors(vectors, 5, { maxPostings: Infinity, candidates: Infinity });
    vectors.forEach((v, p) => {
      const brute = vectors
        .map((w, q) => ({ index: q, similarity: dot(v, w) }))
        .filter((x) => x.index !== p && x.similarity > 0)
        .sort((x, y) => y.similarity - x.similarity || x.index - y.index)
        .slice(0, 5);
      expect(found[p]?.map((x) => x.index)).toEqual(brute.map((x) => x.index));
      found[p]?.forEach((x, i) => expect(x.similarity).toBeCloseTo(brute[i]?.similarity ?? NaN, 12));
    });
  });

  it('breaks ties by index and never lists a vector as its own neighbour', () => {
    const same = [sparseVector([[0, 1]]), sparseVector([[0, 1]]), sparseVector([[0, 1]]), sparseVector([[1, 1]])];
    expect(nearestNeighbors(same, 3).map((list) => list.map((x) => x.index))).toEqual([[1, 2], [0, 2], [0, 1], []]);
  });

  it('gives the same lists for a smaller k as the prefix of a larger search', () => {
    const ten = nearestNeighbors(vectors, 10);
    const three = nearestNeighbors(randomVectors(300, 400, 12), 3);
    expect(three).toEqual(ten.map((list) => list.slice(0, 3)));
  });
});

describe('defaultMaxPostings', () => {
  it('is 5% of the vectors, at least 100 and at most 500', () => {
    expect([10, 2000, 2001, 8520, 10_000, 10_001, 20_000].map(defaultMaxPostings)).toEqual([100, 100, 101, 426, 500, 500, 500]);
  });
});

describe('knnGraph', () => {
  it('lists each undirected pair once, source < target, sorted', () => {
    const edges = graphFromNeighbors(
      [[{ index: 1, similarity: 0.5 }], [{ index: 0, similarity: 0.5 }, { index: 2, similarity: 0.25 }], []],
      3,
    );
    expect(edges).toEqual([
      { source: 0, target: 1, weight: 0.5 },
      { source: 1, target: 2, weight: 0.25 },
    ]);
  });

  it('links every vector with a similar one to its neighbours', () => {
    const vectors = randomVectors(200, 300, 10, 7);
    const edges = knnGraph(vectors, 4);
    for (const e of edges) expect(e.source).toBeLessThan(e.target);
    const degree = new Int32Array(200);
    for (const e of edges) {
      degree[e.source] = (degree[e.source] ?? 0) + 1;
      degree[e.target] = (degree[e.target] ?? 0) + 1;
    }
    expect(Math.min(...degree)).toBeGreaterThanOrEqual(1);
  });
});
