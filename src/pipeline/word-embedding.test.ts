import { describe, expect, it } from 'vitest';
import { paperEmbeddings, ppmiMatrix, samplePapers, wordEmbeddingVectors, wordVectors } from './word-embedding';
import { sparseVector } from './vectors';

// Four papers: A {0, 1}, B {0, 1}, C {2, 3}, D {0, 2}; document frequencies 3, 2, 2, 1.
const papers = [
  sparseVector([[0, 1], [1, 1]]),
  sparseVector([[0, 1], [1, 1]]),
  sparseVector([[2, 1], [3, 1]]),
  sparseVector([[0, 1], [2, 1]]),
];

describe('samplePapers', () => {
  it('takes every paper up to the cap, else evenly spaced ones', () => {
    expect(samplePapers(3, 10)).toEqual([0, 1, 2]);
    expect(samplePapers(10, 4)).toEqual([0, 2, 5, 7]);
  });
});

describe('ppmiMatrix', () => {
  it('keeps the positive PMI of each feature with the most common features as contexts', () => {
    // Contexts: feature 0 (df 3), then feature 1 (df 2, before feature 2 by index); z = 3 + 2 with power 1.
    // PMI(0, 1) = PMI(1, 0) = ln(2 · 5 / (3 · 2)); PMI(2, 0) = ln(1 · 5 / (2 · 3)) < 0 is dropped.
    const m = ppmiMatrix(papers, 2, 10, 1);
    expect([m.rows, m.cols]).toEqual([4, 2]);
    expect(Array.from(m.indptr)).toEqual([0, 1, 2, 2, 2]);
    expect(Array.from(m.indices)).toEqual([1, 0]);
    for (const v of m.data) expect(v).toBeCloseTo(Math.log(5 / 3), 12);
  });
  it('counts only the sampled papers', () => {
    // Papers 0 and 2: each feature once; contexts 0 and 1; PMI(0, 1) = ln(1 · 2 / (1 · 1)).
    const m = ppmiMatrix(papers, 2, 2, 1);
    expect(Array.from(m.indptr)).toEqual([0, 1, 2, 2, 2]);
    for (const v of m.data) expect(v).toBeCloseTo(Math.log(2), 12);
  });
});

describe('wordVectors', () => {
  it('gives unit rows to features with context and zero rows to the others', () => {
    const words = wordVectors(ppmiMatrix(papers, 2, 10, 1), 2);
    expect(words.width).toBe(2);
    const norm = (f: number) => Math.hypot(words.data[2 * f] as number, words.data[2 * f + 1] as number);
    expect(norm(0)).toBeCloseTo(1, 12);
    expect(norm(1)).toBeCloseTo(1, 12);
    expect(norm(2)).toBe(0);
    expect(norm(3)).toBe(0);
  });
});

describe('paperEmbeddings', () => {
  it('sums word vectors by the paper vector values and scales to unit length', () => {
    const words = { rows: 3, width: 2, data: Float64Array.from([1, 0, 0, 1, 1, 0]) };
    const e = paperEmbeddings([sparseVector([[0, 3], [1, 4]], false), sparseVector([[0, 0.5], [2, 0.5]]), sparseVector([[5, 1]])], words);
    const expected = [0.6, 0.8, 1, 0, 0, 0];
    Array.from(e.data).forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 12));
  });
});

describe('wordEmbeddingVectors', () => {
  // Theme A: features 0–2, theme B: 3–5; paper 2 uses theme A's words 1 and 2 but not word 0.
  const themed = [
    sparseVector([[0, 1], [1, 1], [6, 0.3]]),
    sparseVector([[0, 1], [2, 1]]),
    sparseVector([[1, 1], [2, 1], [6, 0.3]]),
    sparseVector([[3, 1], [4, 1], [6, 0.3]]),
    sparseVector([[3, 1], [5, 1]]),
    sparseVector([[4, 1], [5, 1], [6, 0.3]]),
  ];
  const cos = (e: { width: number; data: Float64Array }, p: number, q: number) => {
    let s = 0;
    for (let j = 0; j < e.width; j += 1) s += (e.data[p * e.width + j] as number) * (e.data[q * e.width + j] as number);
    return s;
  };
  it('puts papers of one theme closer than papers of the other, the same on every run', () => {
    const e = wordEmbeddingVectors(themed, { contexts: 7, rank: 2 });
    expect(cos(e, 2, 0)).toBeGreaterThan(cos(e, 2, 3));
    expect(cos(e, 5, 3)).toBeGreaterThan(cos(e, 5, 0));
    expect(wordEmbeddingVectors(themed, { contexts: 7, rank: 2 })).toEqual(e);
  });
});
