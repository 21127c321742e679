import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_SIZE, chunkRanges, chunkWords, compareWords, pagefindChunkSize, unionWords } from './shard-chunks';

describe('compareWords', () => {
  it('orders as UTF-8 bytes do (Rust), also where UTF-16 units disagree', () => {
    const words = ['graph', 'graphs', 'gráph', 'ｇraph', '😀', 'graphic', 'g', '', 'z', 'ﬀ', '𝔤'];
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareWords)).toEqual(bytes);
    // JavaScript's own order puts the emoji (a surrogate pair) before the fullwidth letter; Rust's does not.
    expect('😀' < 'ｇraph').toBe(true);
    expect(compareWords('😀', 'ｇraph')).toBeGreaterThan(0);
    expect(compareWords('graph', 'graph')).toBe(0);
  });
});

describe('unionWords', () => {
  it('takes each word once, sums its sizes, and sorts', () => {
    const a = [
      { word: 'graph', size: 5 },
      { word: 'mean', size: 2 },
    ];
    const b = [
      { word: 'diffus', size: 7 },
      { word: 'graph', size: 3 },
    ];
    expect(unionWords([a, b])).toEqual([
      { word: 'diffus', size: 7 },
      { word: 'graph', size: 8 },
      { word: 'mean', size: 2 },
    ]);
  });
});

describe('chunkWords', () => {
  it("closes a chunk as soon as its sizes reach the chunk size, as Pagefind's chunk_index does", () => {
    const words = [
      { word: 'a', size: 4 },
      { word: 'b', size: 5 },
      { word: 'c', size: 1 },
      { word: 'd', size: 12 },
      { word: 'e', size: 2 },
    ];
    expect(chunkWords(words, 10)).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
    expect(chunkWords(words, 100)).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(chunkWords([], 10)).toEqual([]);
  });
});

describe('chunkRanges', () => {
  it('cuts the ends where two chunks meet one character past their common prefix', () => {
    expect(
      chunkRanges([
        ['apple', 'graph', 'graphic'],
        ['graphs', 'mean'],
        ['meaning', 'zebra'],
      ]),
    ).toEqual([
      { from: 'apple', to: 'graphi' },
      { from: 'graphs', to: 'mean' },
      { from: 'meani', to: 'zebra' },
    ]);
  });

  it('keeps the last word whole where cutting it would end the range before it starts', () => {
    // The cut of "apply" against "banana" is "a", which sorts before the chunk's first word "apple".
    expect(chunkRanges([['apple', 'apply'], ['banana']])).toEqual([
      { from: 'apple', to: 'apply' },
      { from: 'b', to: 'banana' },
    ]);
  });

  it('counts the common prefix in characters, not UTF-16 units', () => {
    expect(chunkRanges([['a😀b'], ['a😀c']])).toEqual([
      { from: 'a😀b', to: 'a😀b' },
      { from: 'a😀c', to: 'a😀c' },
    ]);
    expect(chunkRanges([['x😀'], ['x😁']])).toEqual([
      { from: 'x😀', to: 'x😀' },
      { from: 'x😁', to: 'x😁' },
    ]);
  });
});

describe('pagefindChunkSize', () => {
  it("is Pagefind's default unless its environment variable sets a positive whole number", () => {
    expect(pagefindChunkSize({})).toBe(DEFAULT_CHUNK_SIZE);
    expect(pagefindChunkSize({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '64' })).toBe(64);
    expect(pagefindChunkSize({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: 'lots' })).toBe(DEFAULT_CHUNK_SIZE);
    expect(pagefindChunkSize({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '0' })).toBe(DEFAULT_CHUNK_SIZE);
  });
});
