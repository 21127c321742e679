import { describe, expect, it } from 'vitest';
import { filterStatus, papersText, resolveTerm, termFromUrl, termParam, urlWithTerm } from './map-filter';

describe('URL state', () => {
  it('reads the term parameter', () => {
    expect(termFromUrl('http://h/topics/x/?term=mixture-of-experts')).toBe('mixture-of-experts');
    expect(termFromUrl('http://h/topics/x/?term=')).toBeNull();
    expect(termFromUrl('/topics/x/')).toBeNull();
    expect(termFromUrl('/topics/x/?term=large%20language%20model')).toBe('large language model');
  });
  it('sets and removes the term parameter, keeping the rest', () => {
    expect(urlWithTerm('http://h/topics/x/', 'moe')).toBe('/topics/x/?term=moe');
    expect(urlWithTerm('http://h/topics/x/?a=1&term=old#papers', 'new')).toBe('/topics/x/?a=1&term=new#papers');
    expect(urlWithTerm('http://h/topics/x/?term=old', null)).toBe('/topics/x/');
    expect(urlWithTerm('http://h/topics/x/?a=1&term=old#h', null)).toBe('/topics/x/?a=1#h');
  });
  it('resolves slugs first, then ids', () => {
    const terms = [
      { id: 'mixture of expert', slug: 'mixture-of-experts' },
      { id: 'routing', slug: null },
    ];
    expect(resolveTerm(terms, 'mixture-of-experts')).toBe(terms[0]);
    expect(resolveTerm(terms, 'mixture of expert')).toBe(terms[0]);
    expect(resolveTerm(terms, 'Routing')).toBe(terms[1]);
    expect(resolveTerm(terms, 'nope')).toBeUndefined();
    expect(resolveTerm(terms, null)).toBeUndefined();
    expect(termParam(terms[0]!)).toBe('mixture-of-experts');
    expect(termParam(terms[1]!)).toBe('routing');
  });
});

describe('status text', () => {
  it('counts papers with the right plural', () => {
    expect(papersText(1)).toBe('1 paper');
    expect(papersText(3)).toBe('3 papers');
    expect(filterStatus(7, 31, 'mixture of experts')).toBe('Showing 7 of 31 papers that use “mixture of experts”.');
  });
});
