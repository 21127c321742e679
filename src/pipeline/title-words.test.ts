import { describe, expect, it } from 'vitest';
import { rareTitleWords, sharedWordBonus, textWords } from './title-words';

describe('textWords', () => {
  it('lower-cases, folds accents and keeps runs of 3+ characters with a letter', () => {
    expect(textWords('2D Matryoshka-like Embeddings: Café à la BERT, v2 of 2024')).toEqual(['matryoshka', 'like', 'embeddings', 'cafe', 'bert']);
  });
});

describe('rareTitleWords', () => {
  const papers = [
    { title: 'Matryoshka Sentence Embeddings', abstract: 'We nest embeddings.' },
    { title: 'Training Matryoshka Embeddings', abstract: 'Starbucks.' },
    { title: 'Matryoshka Representations for Recommendation', abstract: 'Embeddings for items.' },
    { title: 'Sentence Embeddings Again', abstract: 'More embeddings; Starbucks is mentioned.' },
    { title: 'Recommendation at Scale', abstract: 'Nothing nested, no matryoshka.' },
  ];
  it('keeps title words used by 2 to maxPapers papers (titles and abstracts), sorted', () => {
    // matryoshka and embeddings: 4 papers each (counting abstracts); sentence, recommendation: 2; training: 1.
    expect(rareTitleWords(papers, 3)).toEqual([['sentence'], [], ['recommendation'], ['sentence'], ['recommendation']]);
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
