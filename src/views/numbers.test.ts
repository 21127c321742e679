import { describe, expect, it } from 'vitest';
import { count, papersInTopics, plural } from './numbers';

describe('numbers', () => {
  it('write counts with thousands separators whatever the locale', () => {
    expect([0, 999, 8154, 74720, 1234567].map(count)).toEqual(['0', '999', '8,154', '74,720', '1,234,567']);
  });

  it('name one thing in the singular and more in the plural', () => {
    expect([plural(1, 'topic'), plural(56, 'topic'), plural(8154, 'paper'), plural(2, 'query', 'queries')]).toEqual(['1 topic', '56 topics', '8,154 papers', '2 queries']);
  });

  it('write an area\'s size', () => {
    expect([papersInTopics(8154, 56), papersInTopics(3, 1)]).toEqual(['8,154 papers in 56 topics', '3 papers in 1 topic']);
  });
});
