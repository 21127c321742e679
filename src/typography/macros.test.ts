/** Symbol macros, unknown macros, citations, references, footnotes and other commands. */
import { describe, expect, test } from 'vitest';
import { link, macro, NBSP, P, R } from './test-helpers';

describe('macros', () => {
  test('symbol macros become Unicode', () => {
    expect(R('\\alpha \\sim \\approx \\times \\leq \\geq \\pm \\infty \\rightarrow \\cdot \\ell')).toBe('α ∼ ≈ × ≤ ≥ ± ∞ → · ℓ');
    expect(R('\\Delta \\Theta \\varepsilon \\epsilon \\mu')).toBe('Δ Θ ε ϵ μ');
    expect(R('360{\\deg} views, 0.0226\\textmu m, 1\\textpertenthousand')).toBe('360° views, 0.0226µm, 1‱');
    expect(R('(\\eg, LLaMA-2) and (\\ie BERT)')).toBe('(e.g., LLaMA-2) and (i.e. BERT)');
    expect(R('Call of Duty$^\\circledR$')).toContain('class="katex"');
    expect(P('Call of Duty$^\\circledR$')).toBe('Call of Duty^®');
  });

  test('unknown macros stay visible', () => {
    expect(R('\\model and \\ours{} beat \\ModelName~significantly')).toBe(
      `${macro('model')} and ${macro('ours')} beat ${macro('ModelName')}${NBSP}significantly`,
    );
    expect(P('\\model and \\ours{} beat \\ModelName~significantly')).toBe('model and ours beat ModelName significantly');
    expect(R('\\constructor \\toString')).toBe(`${macro('constructor')} ${macro('toString')}`);
  });

  test('citations, references, footnotes and other commands', () => {
    expect(R('benchmark~\\cite{yang2022openood}. Ours')).toBe(`benchmark${NBSP}[yang2022openood]. Ours`);
    expect(R('models~\\citep[see][]{a, b}')).toBe(`models${NBSP}[a, b]`);
    expect(R('localization \\ref{sec_loc}, we')).toBe('localization sec_loc, we');
    expect(R('field\\footnote{https://github.com/a/b}.')).toBe(`field (${link('https://github.com/a/b')}).`);
    expect(R('detection range to 5~\\si{\\kilo\\meter} in')).toBe(`detection range to 5${NBSP}km in`);
    expect(R('a\\label{x} b\\vspace{2mm} c')).toBe('a b c');
    expect(P('in diverse settings\\footnote{The code is at https://a.org/x.')).toBe('in diverse settings The code is at https://a.org/x.');
    expect(R('an \\textbf{unclosed bold')).toBe('an unclosed bold');
  });
});
