import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from './search-excerpt';

describe('excerptParts', () => {
  it('splits marked and plain runs', () => {
    expect(excerptParts('a <mark>MoE</mark> layer')).toEqual([
      { text: 'a ', mark: false },
      { text: 'MoE', mark: true },
      { text: ' layer', mark: false },
    ]);
  });

  it('decodes entities that Pagefind encoded, so they show as the characters', () => {
    expect(excerptParts('x &lt;script&gt; &amp; <mark>&quot;y&quot;</mark>')).toEqual([
      { text: 'x <script> & ', mark: false },
      { text: '"y"', mark: true },
    ]);
  });

  it('keeps any other tag as literal text, never as markup', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark>hit</mark><b>bold</b>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'hit', mark: true },
      { text: '<b>bold</b>', mark: false },
    ]);
  });

  it('merges adjacent runs and tolerates unbalanced marks', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', mark: true }]);
    expect(excerptParts('a</mark>b<MARK>c')).toEqual([
      { text: 'ab', mark: false },
      { text: 'c', mark: true },
    ]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references', () => {
    expect(decodeEntities('&#39;&#x27;&apos;&nbsp;&AMP;')).toBe("'''\u00a0&");
  });

  it('leaves unknown or invalid references alone', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000; & ;')).toBe('&bogus; &#0; &#x110000; & ;');
  });
});
