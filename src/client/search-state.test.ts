import { describe, expect, it } from 'vitest';
import {
  emptySearchState,
  hasFilters,
  hasSearch,
  MAX_QUERY_LENGTH,
  parseSearchState,
  sameSearch,
  serializeSearchState,
  type SearchState,
} from './search-state';

describe('parseSearchState', () => {
  it('reads the query, repeated filters and the sort', () => {
    expect(parseSearchState('?q=lora&topic=a&topic=b&digest=000_x&sort=newest')).toEqual({
      q: 'lora',
      topics: ['a', 'b'],
      digests: ['000_x'],
      sort: 'newest',
    });
  });

  it('works without the leading ? and with URLSearchParams', () => {
    expect(parseSearchState('q=moe').q).toBe('moe');
    expect(parseSearchState(new URLSearchParams({ q: 'moe' })).q).toBe('moe');
  });

  it('decodes + and percent escapes', () => {
    expect(parseSearchState('?q=mixture+of%20experts').q).toBe('mixture of experts');
    expect(parseSearchState('?q=%C3%A9t%C3%A9').q).toBe('été');
  });

  it('falls back to defaults for missing or unknown values', () => {
    expect(parseSearchState('')).toEqual(emptySearchState());
    expect(parseSearchState('?sort=random').sort).toBe('relevance');
    expect(parseSearchState('?sort=').sort).toBe('relevance');
  });

  it('drops empty and repeated filter values and collapses whitespace in the query', () => {
    expect(parseSearchState('?topic=&topic=a&topic=a&topic=%20b%20').topics).toEqual(['a', 'b']);
    expect(parseSearchState('?q=%20%20a%20%20%20b').q).toBe('a b');
  });

  it('keeps a trailing space while typing but cuts very long queries', () => {
    expect(parseSearchState('?q=a%20').q).toBe('a ');
    expect(parseSearchState(`?q=${'x'.repeat(1000)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('never throws on malformed input', () => {
    expect(() => parseSearchState('?q=%E0%A4%A')).not.toThrow();
    expect(() => parseSearchState('?&&=&q')).not.toThrow();
  });
});

describe('serializeSearchState', () => {
  it('leaves out defaults', () => {
    expect(serializeSearchState(emptySearchState())).toBe('');
    expect(serializeSearchState({ ...emptySearchState(), q: '  ' })).toBe('');
    expect(serializeSearchState({ ...emptySearchState(), q: 'lora' })).toBe('?q=lora');
  });

  it('writes filters in order and the sort last', () => {
    const state: SearchState = { q: 'mixture of experts', topics: ['b', 'a'], digests: ['d1'], sort: 'oldest' };
    expect(serializeSearchState(state)).toBe('?q=mixture+of+experts&topic=b&topic=a&digest=d1&sort=oldest');
  });

  it('round-trips through parseSearchState', () => {
    const states: SearchState[] = [
      { q: 'MoE', topics: [], digests: [], sort: 'relevance' },
      { q: 'a&b=c?d#e', topics: ['x · y', 'z/w'], digests: ['000_abc'], sort: 'newest' },
      { q: '', topics: ['t'], digests: [], sort: 'oldest' },
      { q: 'ünïcödé “quotes”', topics: [], digests: ['1', '2'], sort: 'relevance' },
    ];
    for (const s of states) expect(parseSearchState(serializeSearchState(s))).toEqual(s);
  });
});

describe('state predicates', () => {
  it('tells an idle page from a search', () => {
    expect(hasSearch(emptySearchState())).toBe(false);
    expect(hasSearch({ ...emptySearchState(), q: ' ' })).toBe(false);
    expect(hasSearch({ ...emptySearchState(), q: 'x' })).toBe(true);
    expect(hasSearch({ ...emptySearchState(), digests: ['d'] })).toBe(true);
    expect(hasFilters({ ...emptySearchState(), q: 'x' })).toBe(false);
    expect(hasFilters({ ...emptySearchState(), topics: ['t'] })).toBe(true);
  });

  it('compares searches by their URL', () => {
    expect(sameSearch({ ...emptySearchState(), q: 'a ' }, { ...emptySearchState(), q: 'a' })).toBe(true);
    expect(sameSearch({ ...emptySearchState(), q: 'a' }, { ...emptySearchState(), q: 'b' })).toBe(false);
  });
});
