import { describe, expect, it } from 'vitest';
import { rareTitleWords, sharedWordBonus, textWords } from './title-words';

describe('textWords', () => {
  it('lower-cases, folds accents and keeps runs of 3+ characters with a letter', () => {
    expect(textWords('2D Matryoshka-like Embeddings: Café à la BERT, v2 of 2024')).toEqual(['matryoshka', 'like', 'embeddings', 'cafe', 'bert']);
  });
});

describe('rareTitleWords', () => {
  const papers = [
    { title: 'Matryoshka Sentence Embeddings', abstract: 'Nested sentence embeddings, Matryoshka style.' },
    { title: 'Unveiling Matryoshka Embeddings', abstract: 'Training Matryoshka embeddings.' },
    { title: 'Matryoshka Representations for Recommendation', abstract: 'Matryoshka item embeddings for recommendation.' },
    { title: 'Unveiling Sentence Embeddings', abstract: 'Sentence embeddings again.' },
    { title: 'Recommendation at Scale', abstract: 'Recommendation, nothing nested.' },
  ];
  it('keeps title words the abstract uses too and 2 to maxPapers papers use (titles and abstracts), sorted', () => {
    // matryoshka: 3 papers; embeddings: 4; sentence, recommendation, unveiling (titles only): 2; representations: 1.
    expect(rareTitleWords(papers, 3)).toEqual([['matryoshka', 'sentence'], ['matryoshka'], ['matryoshka', 'recommendation'], ['sentence'], ['recommendation']]);
    expect(rareTitleWords(papers, 4)).toEqual([
      ['embeddings', 'matryoshka', 'sentence'],
      ['embeddings', 'matryoshka'],
      ['matryoshka', 'recommendation'],
      ['embeddings', 'sentence'],
      ['recommendation'],
    ]);
  });
});

describe('sharedWordBonus', () => {
  it('gives the bonus to pairs whose rare title words meet, in either direction', () => {
    const bonus = sharedWordBonus([['matryoshka'], ['matryoshka', 'starbucks'], [], ['starbucks']], 0.25);
    expect([bonus(0, 1), bonus(1, 0), bonus(1, 3), bonus(0, 3), bonus(2, 0), bonus(0, 2)]).toEqual([0.25, 0.25, 0.25, 0, 0, 0]);
  });
});
