import { describe, expect, it } from 'vitest';
import { matchTruth, parseTruth } from './truth';

const tsv = [
  'file\tarxiv_id\tcategories\ttitle',
  'a.txt\t2501.00001\tcs.CV cs.AI\tSeeing  Things',
  'b.txt\t2501.00002\tcs.CL\tReading Things',
  'c.txt\t2501.00001\tcs.LG\tSeeing Things',
  '',
].join('\n');

describe('truth', () => {
  it('parses the rows, categories primary first', () => {
    expect(parseTruth(tsv)[0]).toEqual({ arxivId: '2501.00001', categories: ['cs.CV', 'cs.AI'], title: 'Seeing  Things' });
  });
  it('matches papers by title (whitespace and case aside), the first row winning', () => {
    expect(matchTruth(['seeing things', 'Reading Things', 'Other'], parseTruth(tsv))).toEqual([['cs.CV', 'cs.AI'], ['cs.CL'], null]);
  });
  it('says which column is missing', () => {
    expect(() => parseTruth('file\ttitle\nx\ty')).toThrow(/arxiv_id/);
  });
});
