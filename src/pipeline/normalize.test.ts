import { describe, expect, test } from 'vitest';
import { normalizeTitle, paperKey } from './normalize';
import { hashString, paperId, paperSlug, slugify } from './slug';

describe('normalizeTitle', () => {
  test('lower-cases, folds punctuation to spaces, collapses whitespace', () => {
    expect(normalizeTitle('  Meta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation ')).toBe(
      'meta prod2vec product embeddings using side information for recommendation',
    );
  });

  test('titles differing only by whitespace, case or punctuation share a key', () => {
    const variants = [
      'Attention Is All You Need',
      'attention   is all\tyou need',
      'ATTENTION IS ALL YOU NEED!',
      'Attention: is all you need?',
      '\u00a0Attention is\u00a0all you need.',
      '“Attention” — is all you need…',
    ];
    for (const v of variants) expect(normalizeTitle(v)).toBe('attention is all you need');
  });

  test('NFKC: compatibility forms and composed/decomposed accents agree', () => {
    expect(normalizeTitle('ﬁne-tuning')).toBe('fine tuning');
    expect(normalizeTitle('Nystro\u0308m')).toBe('nyström');
    expect(normalizeTitle('µLO: Compute-Efficient')).toBe('μlo compute efficient');
    expect(normalizeTitle('Ｆｕｌｌ　Ｗｉｄｔｈ')).toBe('full width');
  });

  test('LaTeX accents become accented letters', () => {
    expect(normalizeTitle('Nystr\\"om Approximation')).toBe('nyström approximation');
    expect(normalizeTitle('Nystr\\"{o}m Approximation')).toBe('nyström approximation');
    expect(normalizeTitle('Nystr{\\"o}m Approximation')).toBe('nyström approximation');
    expect(normalizeTitle('Nyström Approximation')).toBe('nyström approximation');
    expect(normalizeTitle('B\\\'ezier curves, Fr\\\'echet distance')).toBe('bézier curves fréchet distance');
    expect(normalizeTitle('na\\"ive Bayes')).toBe(normalizeTitle('naïve Bayes'));
    expect(normalizeTitle('na\\"{\\i}ve Bayes')).toBe('naïve bayes');
    expect(normalizeTitle('Fran\\c{c}ais')).toBe('français');
  });

  test('LaTeX formatting macros and markup characters are dropped', () => {
    expect(normalizeTitle('On {\\em finite sample} bounds')).toBe('on finite sample bounds');
    expect(normalizeTitle('On \\textbf{finite} \\emph{sample} bounds')).toBe('on finite sample bounds');
    expect(normalizeTitle('S^{2}FT: Efficient')).toBe('s2ft efficient');
    expect(normalizeTitle('S2FT: Efficient')).toBe('s2ft efficient');
    expect(normalizeTitle('M$^2$D-LIF')).toBe('m2d lif');
    expect(normalizeTitle('d_{data} and O(L^2)')).toBe('ddata and o l2');
    expect(normalizeTitle('\\lambda-returns')).toBe('λ returns');
    expect(normalizeTitle('λ-returns')).toBe('λ returns');
    expect(normalizeTitle('\\mu-Parametrization')).toBe(normalizeTitle('μ-Parametrization'));
    expect(normalizeTitle('\\tool: sim50\\% fewer')).toBe('tool sim50 fewer');
  });

  test('symbols are spaces; non-Latin letters are kept', () => {
    expect(normalizeTitle('GPT-4 → GPT-5 <script>alert(1)</script>')).toBe('gpt 4 gpt 5 script alert 1 script');
    expect(normalizeTitle('大規模 言語モデル')).toBe('大規模 言語モデル');
    expect(normalizeTitle('!!!')).toBe('');
  });

  test('paperKey falls back to the raw title when normalization leaves nothing', () => {
    expect(paperKey('Attention Is All You Need')).toBe('attention is all you need');
    expect(paperKey('  🤖   🔥 ')).toBe('🤖 🔥');
  });
});

describe('slugify', () => {
  test('ASCII-folds, lower-cases and joins words with -', () => {
    expect(slugify('Nyström Approximation: Ça marche!')).toBe('nystrom-approximation-ca-marche');
    expect(slugify('Straße & Æsir')).toBe('strasse-aesir');
    expect(slugify('---')).toBe('');
  });

  test('cuts at a word boundary', () => {
    expect(slugify('alpha beta gamma', 10)).toBe('alpha-beta');
    expect(slugify('alpha beta gamma', 11)).toBe('alpha-beta');
    expect(slugify('alpha beta gamma', 9)).toBe('alpha');
    expect(slugify('abcdefghijkl', 5)).toBe('abcde');
  });
});

describe('hashString / paperId / paperSlug', () => {
  test('hashes are stable, lower-case hex of the requested length', () => {
    // Pinned values (cross-checked with an independent Python implementation):
    // changing them changes every paper id and URL of the site.
    expect(hashString('', 16)).toBe('efd01f60ba992926');
    expect(hashString('attention is all you need', 16)).toBe('bd4a1a758cd992f5');
    expect(hashString('attention is all you need', 40)).toBe('bd4a1a758cd992f57c40f3dbba54abc89e736194');
    expect(hashString('attention is all you need', 40).slice(0, 16)).toBe(hashString('attention is all you need', 16));
    expect(hashString('a', 16)).not.toBe(hashString('b', 16));
    expect(() => hashString('a', 0)).toThrow(RangeError);
  });

  test('paper ids are 10 hex chars, longer at fallback levels', () => {
    const key = 'attention is all you need';
    expect(paperId(key)).toBe('bd4a1a758c');
    expect(paperId(key, 1)).toBe(hashString(key, 14));
  });

  test('an ASCII key that fits gives a plain readable slug', () => {
    expect(paperSlug('attention is all you need')).toBe('attention-is-all-you-need');
    expect(paperSlug('attention is all you need', 1)).toBe(`attention-is-all-you-need-${hashString('attention is all you need', 10)}`);
  });

  test('a key that loses information gets a 6-hex hash suffix', () => {
    const accented = 'nyström approximation';
    expect(paperSlug(accented)).toBe('nystrom-approximation-595a2a');
    const long = 'a very long title '.repeat(8).trim();
    const slug = paperSlug(long);
    expect(slug).toBe(`${slugify(long, 80)}-${hashString(long, 6)}`);
    expect(slug.length).toBeLessThanOrEqual(87);
    expect(paperSlug('大規模 言語モデル')).toBe(`paper-${hashString('大規模 言語モデル', 6)}`);
  });
});
