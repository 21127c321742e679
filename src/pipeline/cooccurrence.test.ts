import { describe, expect, it } from 'vitest';
import { cooccurrence } from './cooccurrence';

describe('cooccurrence', () => {
  // N = 4 papers; frequencies a 3, b 3, c 2, d 1; 'e' is no candidate, repeats count once.
  const papers = [['a', 'b', 'c', 'e'], ['b', 'a', 'a'], ['c', 'a'], ['d', 'b', 'e']];

  it('counts co-occurrences and computes association strength c_ij · N / (c_i · c_j)', () => {
    const result = cooccurrence(papers, ['d', 'c', 'b', 'a'], { maxLinksPerNode: Infinity });
    expect(result.papers).toBe(4);
    expect([...result.frequency]).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 2],
      ['d', 1],
    ]);
    expect(result.links).toEqual([
      { source: 'a', target: 'b', count: 2, strength: 0.8889 }, // 2 · 4 / (3 · 3)
      { source: 'a', target: 'c', count: 2, strength: 1.333 }, // 2 · 4 / (3 · 2)
      { source: 'b', target: 'c', count: 1, strength: 0.6667 }, // 1 · 4 / (3 · 2)
      { source: 'b', target: 'd', count: 1, strength: 1.333 }, // 1 · 4 / (3 · 1)
    ]);
  });

  it('keeps links above the thresholds', () => {
    expect(cooccurrence(papers, ['a', 'b', 'c', 'd'], { minStrength: 1 }).links.map((l) => `${l.source}-${l.target}`)).toEqual(['a-c', 'b-d']);
    expect(cooccurrence(papers, ['a', 'b', 'c', 'd'], { minCount: 2 }).links.map((l) => `${l.source}-${l.target}`)).toEqual(['a-b', 'a-c']);
  });

  it('keeps a link only when it is among the strongest few of one of its ends', () => {
    // Best link of a: a-c (1.333); of b: b-d (1.333 > a-b 0.889 > b-c 0.667); of c: a-c; of d: b-d.
    expect(cooccurrence(papers, ['a', 'b', 'c', 'd'], { maxLinksPerNode: 1 }).links.map((l) => `${l.source}-${l.target}`)).toEqual(['a-c', 'b-d']);
    // Two per node: b-c is not among b's best two (b-d, a-b) but is among c's (c has only a-c and b-c), so it stays.
    expect(cooccurrence(papers, ['a', 'b', 'c', 'd'], { maxLinksPerNode: 2 }).links.map((l) => `${l.source}-${l.target}`)).toEqual([
      'a-b',
      'a-c',
      'b-c',
      'b-d',
    ]);
  });

  it('ignores candidates no paper uses and handles no papers', () => {
    expect(cooccurrence(papers, ['a', 'zzz']).frequency.has('zzz')).toBe(false);
    expect(cooccurrence([], ['a'])).toEqual({ papers: 0, frequency: new Map(), links: [] });
  });

  it('is sparse: thousands of papers with a huge candidate set are fast', () => {
    const many = Array.from({ length: 5000 }, (_, p) => Array.from({ length: 20 }, (_, k) => `t${(p * 7 + k * 13) % 20000}`));
    const candidates = Array.from({ length: 20000 }, (_, i) => `t${i}`);
    const started = performance.now();
    const result = cooccurrence(many, candidates, { minCount: 2 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.frequency.size).toBeGreaterThan(0);
  });
});
