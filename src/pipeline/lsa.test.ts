import { describe, expect, it } from 'vitest';
import { normalizeRows, symmetricEigen, truncatedSvd, type CsrMatrix } from './lsa';

/** A CSR matrix from dense rows. */
function csr(rows: number[][]): CsrMatrix {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return { rows: rows.length, cols: rows[0]?.length ?? 0, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float64Array.from(data) };
}

describe('symmetricEigen', () => {
  it('finds the eigenvalues of a symmetric matrix, largest first', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, -1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0] as number)).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe('truncatedSvd', () => {
  const x = csr([
    [3, 0, 0, 0],
    [0, 2, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 0.5],
    [3, 0, 0, 0],
  ]);
  it('gives the largest singular values', () => {
    const svd = truncatedSvd(x, 2);
    // Column 0 holds two 3s: singular value √18; then 2.
    expect(svd.values[0]).toBeCloseTo(Math.sqrt(18), 9);
    expect(svd.values[1]).toBeCloseTo(2, 9);
  });
  it('keeps inner products of the documents at full rank (U Σ (U Σ)ᵀ = X Xᵀ)', () => {
    const svd = truncatedSvd(x, 4);
    const e = svd.embedding;
    const inner = (a: number, b: number) => [0, 1, 2, 3].reduce((s, j) => s + (e[a * 4 + j] as number) * (e[b * 4 + j] as number), 0);
    expect(inner(0, 4)).toBeCloseTo(9, 9);
    expect(inner(3, 3)).toBeCloseTo(0.25, 9);
    expect(inner(1, 2)).toBeCloseTo(0, 9);
  });
  it('is the same on every run and brings documents of one latent theme together', () => {
    const themes = csr([
      [1, 1, 0, 0, 0],
      [0, 1, 1, 0, 0],
      [1, 0, 1, 0, 0],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 1, 1],
    ]);
    const a = normalizeRows(truncatedSvd(themes, 2).embedding, 5, 2);
    expect(Array.from(normalizeRows(truncatedSvd(themes, 2).embedding, 5, 2))).toEqual(Array.from(a));
    const cos = (p: number, q: number) => (a[p * 2] as number) * (a[q * 2] as number) + (a[p * 2 + 1] as number) * (a[q * 2 + 1] as number);
    // Papers 0 and 1 share one word but cos → 1 in the 2-d space; 0 and 3 share nothing and stay apart.
    expect(cos(0, 1)).toBeGreaterThan(0.99);
    expect(Math.abs(cos(0, 3))).toBeLessThan(0.01);
  });
});
