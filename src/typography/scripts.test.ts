/** Sub- and superscripts, and the underscores and carets that are not scripts. */
import { describe, expect, test } from 'vitest';
import { link, P, R } from './test-helpers';

describe('sub- and superscripts', () => {
  test.each([
    ['x^{-1}', 'x<sup>−1</sup>', 'x⁻¹'],
    ['UV^{\\top}', 'UV<sup>⊤</sup>', 'UVᵀ'],
    ['M as UV^top for', 'M as UV<sup>⊤</sup> for', 'M as UVᵀ for'],
    ['UV^T', 'UV<sup>T</sup>', 'UVᵀ'],
    ['x_t is', 'x<sub>t</sub> is', 'x_t is'],
    ['p_d(y|x)', 'p<sub>d</sub>(y|x)', 'p_d(y|x)'],
    ['F_1 score', 'F<sub>1</sub> score', 'F₁ score'],
    ['L_{joint} loss', 'L<sub>joint</sub> loss', 'L_joint loss'],
    ['ell_2-distance', 'ℓ<sub>2</sub>-distance', 'ℓ₂-distance'],
    ['\\ell_1 norm', 'ℓ<sub>1</sub> norm', 'ℓ₁ norm'],
    ['parameter nu^2.', 'parameter ν<sup>2</sup>.', 'parameter ν².'],
    ['1/varepsilon^2 elements', '1/ε<sup>2</sup> elements', '1/ε² elements'],
    ['where Phi_k is', 'where Φ<sub>k</sub> is', 'where Φ_k is'],
    ['p<1.2x10^-117', 'p&lt;1.2x10<sup>−117</sup>', 'p<1.2x10⁻¹¹⁷'],
    ['p=3x10^(-4) junior', 'p=3x10<sup>−4</sup> junior', 'p=3x10⁻⁴ junior'],
    ['M^2RAG and BT^2', 'M<sup>2</sup>RAG and BT<sup>2</sup>', 'M²RAG and BT²'],
    ['a codebook of 2^{18} codes', 'a codebook of 2<sup>18</sup> codes', 'a codebook of 2¹⁸ codes'],
    ['x in R^d per', 'x in R<sup>d</sup> per', 'x in R^d per'],
    ['0.5^{\\circ} and 30^\\circ C', '0.5° and 30° C', '0.5° and 30° C'],
    ['PM\\textsuperscript{4}Bench', 'PM<sup>4</sup>Bench', 'PM⁴Bench'],
    ['H\\textsubscript{2}O', 'H<sub>2</sub>O', 'H₂O'],
  ])('%s', (input, html, plain) => {
    expect(R(input)).toBe(html);
    expect(P(input)).toBe(plain);
  });

  test.each([
    'my_var_name',
    't_max predicted',
    'tokens t_max',
    'snake_case_x',
    'imo_1960_p2, imo_1962_p2',
    'BI_RADS 5',
    'LVLM_CSP achieves',
    'Seed-TTS_DiT does',
    '__init__ and __Resona__-augmented',
    'a ^ b and a _ b',
    '(^_^)',
    'x^ab',
    'step_1 and top_k',
  ])('%s is not a script', (input) => {
    expect(R(input)).toBe(input);
    expect(P(input)).toBe(input);
  });

  test('underscores inside URLs are not subscripts', () => {
    expect(R('https://x.org/a_b')).toBe(link('https://x.org/a_b'));
    expect(R('see https://github.com/a/progressive_gradient_flow_nm_sparsity.')).toBe(
      `see ${link('https://github.com/a/progressive_gradient_flow_nm_sparsity')}.`,
    );
  });
});
