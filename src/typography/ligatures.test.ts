/** Dashes, TeX quotes and tildes. */
import { describe, expect, test } from 'vitest';
import { link, NBSP, R } from './test-helpers';

describe('ligatures', () => {
  test('dashes', () => {
    expect(R('a -- b --- c, 1--5, x-y, ----')).toBe('a – b — c, 1–5, x-y, ----');
    expect(R('such dictionaries --and their')).toBe('such dictionaries –and their');
  });

  test('TeX quotes become curly only when paired', () => {
    expect(R("a set of ``typical'' points")).toBe('a set of “typical” points');
    expect(R('a ``lite-weight" rank')).toBe('a “lite-weight” rank');
    expect(R('the ``system 2 thinking`` of')).toBe('the “system 2 thinking” of');
    expect(R("x = '' and ``")).toBe('x = &#39;&#39; and ``');
  });

  test('tildes: non-breaking space between words, kept for ranges and approximations', () => {
    expect(R('accessed at~\\url{https://a.org/x}')).toBe(`accessed at${NBSP}${link('https://a.org/x')}`);
    expect(R('AIME~24 and 50~ms')).toBe(`AIME${NBSP}24 and 50${NBSP}ms`);
    expect(R('(~21% minimum), 2.97~25.22x, 1M~60M, (~ 10^{17})')).toBe('(~21% minimum), 2.97~25.22x, 1M~60M, (~ 10<sup>17</sup>)');
  });
});
