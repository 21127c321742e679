import { describe, expect, it } from 'vitest';
import { pagefindFilters, pagefindOptions } from './search-pagefind';

describe('pagefindOptions', () => {
  it('leaves out empty filter groups and the sort for relevance', () => {
    expect(pagefindOptions([], [], 'relevance')).toEqual({ filters: {} });
  });

  it('ORs the values within a group', () => {
    expect(pagefindFilters(['a', 'b'], ['Mar 14'])).toEqual({ topic: { any: ['a', 'b'] }, digest: { any: ['Mar 14'] } });
  });

  it('sorts by arrival order', () => {
    expect(pagefindOptions(['a'], [], 'newest')).toEqual({ filters: { topic: { any: ['a'] } }, sort: { order: 'desc' } });
    expect(pagefindOptions([], [], 'oldest').sort).toEqual({ order: 'asc' });
  });
});
