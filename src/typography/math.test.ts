/** Math spans and KaTeX: which dollars open math, math that is really text, MathML output, the fallback and plain text of math. */
import { describe, expect, test } from 'vitest';
import { link, macro, P, R } from './test-helpers';

describe('math', () => {
  const katexCount = (html: string): number => html.split('class="katex"').length - 1;

  test('inline $...$, \\(...\\), display $$...$$ and \\[...\\]', () => {
    expect(katexCount(R('where $x_t$ is'))).toBe(1);
    expect(R('where $x_t$ is')).toMatch(/^where <span class="katex">.*<\/span> is$/);
    expect(katexCount(R('the SSM \\( x\'(t) = Ax(t) \\), and'))).toBe(1);
    expect(R('$$\\sum_i x_i$$')).toContain('display="block"');
    expect(R('\\[ a^2 + b^2 \\]')).toContain('display="block"');
    expect(P('the SSM \\( x\'(t) = Ax(t) \\), and')).toBe('the SSM x′(t) = Ax(t) , and');
  });

  test('money and unbalanced dollars stay literal', () => {
    expect(R('costs $5 and $10')).toBe('costs $5 and $10');
    expect(R('between $20,000 and $30,000')).toBe('between $20,000 and $30,000');
    expect(R('from $5-$10 per')).toBe('from $5-$10 per');
    expect(R('at just $4 per test, or $42 in total.$')).toBe('at just $4 per test, or $42 in total.$');
    expect(R('a $ b $ c')).toBe('a $ b $ c');
    expect(R('one $x lone')).toBe('one $x lone');
    expect(R('empty $$ here')).toBe('empty $$ here');
    expect(R('cost \\$148K and \\$9')).toBe('cost $148K and $9');
    expect(R('unclosed \\( x')).toBe('unclosed ( x');
  });

  test('adjacent spans and spans followed by digits', () => {
    expect(katexCount(R('speedups of $2.16\\times$$\\sim$$2.50\\times$ over'))).toBe(3);
    expect(P('speedups of $2.16\\times$$\\sim$$2.50\\times$ over')).toBe('speedups of 2.16×∼2.50× over');
    const html = R('($\\sim$1\\,600 scenes)');
    expect(katexCount(html)).toBe(1);
    expect(html.endsWith('1\u2009600 scenes)')).toBe(true);
    expect(P('from 0.644$\\pm$0.044 to')).toBe('from 0.644±0.044 to');
  });

  test('math that is really text is rendered as text', () => {
    expect(R('$\\textbf{35.2%}$ better')).toBe('<strong>35.2%</strong> better');
    expect(R('we introduce $\\textbf{MagicID}$, a')).toBe('we introduce <strong>MagicID</strong>, a');
    expect(R('water$\\unicode{x2013}$provides')).toBe('water–provides');
    expect(R('achieves $99\\%$ bit accuracy ($48$ bits)')).toBe('achieves 99% bit accuracy (48 bits)');
    expect(R('$\\href{https://a.org/x}{https://a.org/x}$.')).toBe(`${link('https://a.org/x')}.`);
  });

  test('math inside \\textbf inside math pairs the outer dollars', () => {
    const input = 'we introduce $\\textbf{Triply}~(\\textbf{H$^{\\mathbf{3}}$DP})$, a';
    expect(katexCount(R(input))).toBe(1);
    expect(P(input)).toBe('we introduce Triply (H³DP), a');
  });

  test('a bare % inside math is a percent sign, not a TeX comment', () => {
    const html = R('$88.94\\%$ and $x = 5%$ and more');
    expect(html.startsWith('88.94% and <span class="katex">')).toBe(true);
    expect(html.endsWith(' and more')).toBe(true);
    expect(P('$x = 5%$ and more')).toBe('x = 5% and more');
  });

  test('math KaTeX cannot parse falls back to converted text', () => {
    expect(R('with $\\projectname$ we')).toBe(`with ${macro('projectname')} we`);
    expect(R('a $\\frac{1}$ b')).not.toContain('katex-error');
  });

  test('plain text of math stays readable', () => {
    expect(P('in $O(L^2 \\log L)$ operations')).toBe('in O(L² log L) operations');
    expect(P('$\\mathbb{R}^2\\times S^1$')).toBe('ℝ²× S¹'); // spaces kept as typed
    expect(P('$\\frac{a+b}{2}$')).toBe('(a+b)/2');
    expect(P('$\\alpha = 3$, $\\mathcal{K}(t)$')).toBe('α = 3, 𝒦(t)');
    expect(P('$mIoU^{Avg}_{EMM}$')).toBe('mIoU^Avg_EMM');
    expect(P('$x^{a+b}$')).toBe('x^(a+b)');
    expect(P('$W_*$')).toBe('W_*');
    expect(P('$0.5^{\\circ}$ and $1^\\circ$')).toBe('0.5° and 1°');
    expect(P('($\\\\omega^2$ up to 0.8)')).toBe('(ω² up to 0.8)');
  });
});
