/** The public API (`renderText`, `plainText`): cases from the real digests and robustness (pathological input, fuzzing). */
import { describe, expect, test } from 'vitest';
import { plainText, renderText } from './index';
import { link, macro, P, R } from './test-helpers';

describe('cases from the real digests', () => {
  test.each([
    ['S^{2}FT', 'S<sup>2</sup>FT', 'S²FT'],
    ['d_{data}', 'd<sub>data</sub>', 'd_data'],
    ['up to 50\\% less', 'up to 50% less', 'up to 50% less'],
    ['the na\\"ive method', 'the naïve method', 'the naïve method'],
    ['Nystr\\"om approximation', 'Nyström approximation', 'Nyström approximation'],
    ['in a {\\em finite sample} setting', 'in a <em>finite sample</em> setting', 'in a finite sample setting'],
    ['complexity O(L^2) with', 'complexity O(L<sup>2</sup>) with', 'complexity O(L²) with'],
    ['a weight \\lambda on', 'a weight λ on', 'a weight λ on'],
    ['we propose \\tool, a', `we propose ${macro('tool')}, a`, 'we propose tool, a'],
    ['regions (sim50\\%). Nonetheless', 'regions (∼50%). Nonetheless', 'regions (∼50%). Nonetheless'],
    ['numbers Re_{tau}approx 180,395,590', 'numbers Re<sub>τ</sub>≈ 180,395,590', 'numbers Re_τ≈ 180,395,590'],
    ['μLO: Compute-Efficient', 'μLO: Compute-Efficient', 'μLO: Compute-Efficient'],
    ['μ-Parametrization', 'μ-Parametrization', 'μ-Parametrization'],
  ])('%s', (input, html, plain) => {
    expect(R(input)).toBe(html);
    expect(P(input)).toBe(plain);
  });

  test('a URL followed by a full stop links without the stop', () => {
    expect(R('Code: https://github.com/WLiK/LLM4Rec.')).toBe(`Code: ${link('https://github.com/WLiK/LLM4Rec')}.`);
    expect(P('Code: https://github.com/WLiK/LLM4Rec.')).toBe('Code: https://github.com/WLiK/LLM4Rec.');
  });

  test('script tags are text', () => {
    expect(R('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(R('a <think>b</think> & "c" \'d\'')).toBe('a &lt;think&gt;b&lt;/think&gt; &amp; &quot;c&quot; &#39;d&#39;');
    expect(P('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  test('$E=mc^2$ is KaTeX with MathML', () => {
    const html = R('$E=mc^2$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<annotation encoding="application/x-tex">E=mc^2</annotation>');
    // Native MathML only: browsers render it without KaTeX's CSS and fonts, and screen readers read it.
    expect(html).not.toContain('katex-html');
    expect(html.startsWith('<span class="katex">')).toBe(true);
    expect(P('$E=mc^2$')).toBe('E=mc²');
  });
});

describe('robustness', () => {
  test('whitespace is collapsed in plain text only', () => {
    expect(P('  a \\ \\  b\n c ')).toBe('a b c');
    expect(R('a  b')).toBe('a  b');
  });

  test('non-string input does not throw', () => {
    expect(renderText(undefined as unknown as string)).toBe('');
    expect(plainText(null as unknown as string)).toBe('');
    expect(renderText(42 as unknown as string)).toBe('42');
  });

  test('pathological nesting and repetition stay fast and safe', () => {
    const inputs = [
      '{'.repeat(50_000) + 'x<b>' + '}'.repeat(50_000),
      '\\em '.repeat(20_000) + 'x',
      '$'.repeat(50_000),
      '$a'.repeat(20_000),
      '^'.repeat(50_000) + '_{'.repeat(20_000),
      '\\"'.repeat(30_000),
      '``'.repeat(30_000),
      'https://a.org/' + '('.repeat(30_000),
      '\\textbf{'.repeat(10_000) + 'x' + '}'.repeat(10_000),
      '$' + '{'.repeat(5_000) + '$',
      'x_'.repeat(30_000),
    ];
    const t0 = performance.now();
    for (const s of inputs) {
      const html = R(s);
      expect(typeof html).toBe('string');
      expect(html).not.toMatch(/<b>/);
      expect(typeof P(s)).toBe('string');
    }
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  test('fuzz: random strings never throw, never produce foreign tags, are deterministic', () => {
    // deterministic PRNG (mulberry32)
    let seed = 0x5eed;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const atoms = [
      '\\', '$', '$$', '{', '}', '^', '_', '~', '-', '--', '`', '``', "'", "''", '"', '<', '>', '&', ' ', 'a', 'x', 'é',
      '1', '2', '%', ':', '/', '.', '(', ')', '[', ']', 'https://', 'www.', 'github.com/', '<script>', '<think>',
      '\\em', '\\textbf', '\\href', '\\url', '\\"', "\\'", '\\c', '\\v', '\\tool', '\\lambda', '\\(', '\\)', '\\[',
      '\\]', 'sim', 'approx', 'times', 'nu', 'ell', '\\frac', '\\sqrt', '\\unicode', '\\cite', '\\color', '\\\\',
      '\\%', '\\_', '\\{', '\\}', 'top', '\u00a0', '\ud83d\ude00', '\ud800', 'javascript:', '"onerror=',
    ];
    const tagRe = /<\/?([a-zA-Z][a-zA-Z0-9-]*)/g;
    const allowedText = new Set(['em', 'strong', 'code', 'sup', 'sub', 'u', 'a', 'span']);
    for (let n = 0; n < 3_000; n++) {
      const len = Math.floor(rand() * 40);
      let s = '';
      for (let k = 0; k < len; k++) s += atoms[Math.floor(rand() * atoms.length)] ?? '';
      const html = R(s);
      expect(R(s)).toBe(html);
      expect(html.toLowerCase()).not.toContain('<script');
      expect(html.toLowerCase()).not.toContain('<think');
      expect(html).not.toMatch(/href="(?!https?:\/\/)/);
      // outside KaTeX output, only our own tags appear
      const outsideMath = html.replace(/<span class="katex(?:-display)?">[\s\S]*$/, '');
      for (const m of outsideMath.matchAll(tagRe)) expect(allowedText.has(m[1] ?? '')).toBe(true);
      expect(typeof P(s)).toBe('string');
      expect(R(s, false)).not.toContain('<a ');
    }
  });
});
