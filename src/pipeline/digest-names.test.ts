import { describe, expect, test } from 'vitest';
import { digestNames } from './digest-names';

describe('digestNames', () => {
  test('the date label; the arrival number where a label repeats or is missing', () => {
    const digests = [
      { date: 'Mar 14', order: 0 },
      { date: 'Mar 18', order: 1 },
      { date: null, order: 2 },
      { date: 'Mar 14', order: 3 },
      { date: null, order: 4 },
    ];
    expect(digestNames(digests)).toEqual(['Mar 14 (#1)', 'Mar 18', 'Undated (#3)', 'Mar 14 (#4)', 'Undated (#5)']);
  });

  test('no digests, no names', () => {
    expect(digestNames([])).toEqual([]);
  });
});
