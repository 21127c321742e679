import { describe, expect, it } from 'vitest';
import { kmeans } from './kmeans';
import { denseNeighbors, sparseNeighbors } from './exact-knn';
import type { CsrMatrix } from '../pipeline/lsa';

describe('kmeans', () => {
  it('separates two well-apart groups, the same way on every run', () => {
    const points = Float64Array.from([0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.1, 5, 5, 5.1]);
    const a = kmeans(points, 6, 2, 2, { seed: 3 });
    expect(new Set(a.slice(0, 3)).size).toBe(1);
    expect(new Set(a.slice(3)).size).toBe(1);
    expect(a[0]).not.toBe(a[3]);
    expect(Array.from(kmeans(points, 6, 2, 2, { seed: 3 }))).toEqual(Array.from(a));
  });
});

describe('exact neighbours', () => {
  it('finds the most similar rows, ties by lower index, dense and sparse alike', () => {
    const s = Math.SQRT1_2;
    const dense = Float64Array.from([1, 0, s, s, 0, 1, 1, 0]);
    expect(denseNeighbors(dense, 4, 2, 2)).toEqual([[3, 1], [0, 2], [1, 0], [0, 1]]);
    const sparse: CsrMatrix = {
      rows: 4,
      cols: 2,
      indptr: Int32Array.from([0, 1, 3, 4, 5]),
      indices: Int32Array.from([0, 0, 1, 1, 0]),
      data: Float64Array.from([1, s, s, 1, 1]),
    };
    expect(sparseNeighbors(sparse, 2)).toEqual([[3, 1], [0, 2], [1, 0], [0, 1]]);
  });
});
