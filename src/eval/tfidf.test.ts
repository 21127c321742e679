import { describe, expect, it } from 'vitest';
import { ngrams, tfidfMatrix, tokenize } from './tfidf';

describe('tf-idf anchor', () => {
  it('drops stop words and one-character tokens, then forms bigrams of what is left', () => {
    expect(tokenize('The cat of a Dog, x 2D!')).toEqual(['cat', 'dog', '2d']);
    expect(ngrams(['cat', 'dog', '2d'])).toEqual(['cat', 'dog', '2d', 'cat dog', 'dog 2d']);
  });
  it('keeps features of two documents or more, with sublinear tf and smoothed idf, rows unit length', () => {
    const { matrix, vocabulary } = tfidfMatrix(['cat cat dog', 'cat bird', 'dog fish']);
    expect(vocabulary).toEqual(['cat', 'dog']);
    // Row 0: cat tf 2 → (1 + ln 2)·idf(2), dog tf 1 → idf(2): same idf, so the ratio is 1 + ln 2.
    const [cat, dog] = [matrix.data[0] as number, matrix.data[1] as number];
    expect(cat / dog).toBeCloseTo(1 + Math.log(2), 12);
    expect(cat * cat + dog * dog).toBeCloseTo(1, 12);
    expect(Array.from(matrix.indptr)).toEqual([0, 2, 3, 4]);
  });
});
