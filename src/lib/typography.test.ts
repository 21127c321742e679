import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plainText, renderText } from './typography';
import { SAMPLE_DIR, SEED_DIR } from '../../tests/digest-fixtures';

const R = (s: string, links = true): string => renderText(s, { links });
const P = plainText;
const NBSP = '\u00a0';
const link = (href: string, text = href): string => `<a href="${href}" rel="nofollow noopener">${text}</a>`;
const macro = (name: string): string => `<span class="macro">${name}</span>`;

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

describe('escapes, accents, styles, symbols', () => {
  test('escaped specials', () => {
    expect(R('\\% \\& \\$ \\# \\_ \\{ \\}')).toBe('% &amp; $ # _ { }');
    expect(P('\\% \\& \\$ \\# \\_ \\{ \\}')).toBe('% & $ # _ { }');
  });

  test.each([
    ['\\"o', 'ö'], ['\\"{o}', 'ö'], ['{\\"o}', 'ö'], ["\\'e", 'é'], ["\\'{E}rudit", 'Érudit'],
    ['\\`e', 'è'], ['M\\`imir', 'Mìmir'], ['\\^o', 'ô'], ['\\~n', 'ñ'], ['Do\\~nana', 'Doñana'],
    ['\\c{c}', 'ç'], ['\\c c', 'ç'], ['\\v{s}', 'š'], ['\\v s', 'š'], ['\\"{\\i}', 'ï'], ["\\'\\i", 'í'],
    ['\\H{o}', 'ő'], ['\\k{a}', 'ą'], ['\\r{a}', 'å'], ['\\u{g}', 'ğ'], ['\\={a}', 'ā'], ['\\.{z}', 'ż'],
    ['T\\"UV S\\"UD', 'TÜV SÜD'], ['Bj{\\o}ntegaard', 'Bjøntegaard'], ['Bokm{\\aa}l', 'Bokmål'],
    ['4-8 {\\AA}', '4-8 Å'], ['Stra\\ss e', 'Straß e'], ['Kac-Murdock-Szeg\\"{o}', 'Kac-Murdock-Szegő'.replace('ő', 'ö')],
  ])('%s → %s', (input, expected) => {
    expect(R(input)).toBe(expected);
    expect(P(input)).toBe(expected);
    expect(P(input)).toBe(expected.normalize('NFC'));
  });

  test('escaped apostrophes and cp1252 leftovers are not accents', () => {
    expect(P("the MLLM\\'s language")).toBe("the MLLM's language");
    expect(R("the MLLM\\'s language")).toBe('the MLLM&#39;s language');
    expect(P("we don\\'t")).toBe("we don't");
    expect(P("the Orin GPU\\'92s pipeline")).toBe('the Orin GPU’s pipeline');
    expect(P('He said \\"hello\\" twice')).toBe('He said "hello" twice');
    expect(P('a \\" quote')).toBe('a " quote');
  });

  test('Greek letters split by an accent macro', () => {
    expect(P('filtering (\\r{ho} = 0.34)')).toBe('filtering (ρ = 0.34)');
    expect(P('TCR \\b{eta}-chain')).toBe('TCR β-chain');
  });

  test('programming escapes stay literal', () => {
    expect(P('delimiters like "\\n\\n", serving')).toBe('delimiters like "\\n\\n", serving');
    expect(P('the regex \\d+ matches')).toBe('the regex \\d+ matches');
    expect(P('caf\\u00e9')).toBe('café');
  });

  test.each([
    ['\\emph{x}', '<em>x</em>'],
    ['\\textit{x y}', '<em>x y</em>'],
    ['{\\it target similarity} and', '<em>target similarity</em> and'],
    ['\\textbf{x}', '<strong>x</strong>'],
    ['{\\bf x} y', '<strong>x</strong> y'],
    ['\\texttt{x_y}', '<code>x_y</code>'],
    ['\\texttt{--flag}', '<code>--flag</code>'],
    ['\\textsc{Name}', 'Name'],
    ['\\text{x}', 'x'],
    ['\\mathrm{x}', 'x'],
    ['\\underline{\\textbf{Fed}}erated', '<u><strong>Fed</strong></u>erated'],
    ['\\textbf{\\underline{P}}ersona', '<strong><u>P</u></strong>ersona'],
    ['\\emph{\\textcolor{magenta}{GitHub}}', '<em>GitHub</em>'],
    ['\\textbf{\\color{ddt}D}ecoupled', '<strong>D</strong>ecoupled'],
    ['{\\color{blue}there is} no', 'there is no'],
    ['\\emph{}', ''],
  ])('%s', (input, html) => {
    expect(R(input)).toBe(html);
  });

  test('symbol macros become Unicode', () => {
    expect(R('\\alpha \\sim \\approx \\times \\leq \\geq \\pm \\infty \\rightarrow \\cdot \\ell')).toBe('α ∼ ≈ × ≤ ≥ ± ∞ → · ℓ');
    expect(R('\\Delta \\Theta \\varepsilon \\epsilon \\mu')).toBe('Δ Θ ε ϵ μ');
    expect(R('360{\\deg} views, 0.0226\\textmu m, 1\\textpertenthousand')).toBe('360° views, 0.0226µm, 1‱');
    expect(R('(\\eg, LLaMA-2) and (\\ie BERT)')).toBe('(e.g., LLaMA-2) and (i.e. BERT)');
    expect(R('Call of Duty$^\\circledR$')).toContain('class="katex"');
    expect(P('Call of Duty$^\\circledR$')).toBe('Call of Duty^®');
  });

  test('words that lost their backslash, only in mathematical company', () => {
    expect(R('a 20times speedup, Mixtral-8times7B, 64{times}64 images')).toBe('a 20× speedup, Mixtral-8×7B, 64×64 images');
    expect(R('saving sim4.4 million hours, sim2K clips')).toBe('saving ∼4.4 million hours, ∼2K clips');
    expect(R('3.2pm0.1 s')).toBe('3.2±0.1 s');
    expect(R('when D{to}infty and N{+}D, D{=}1')).toBe('when D→infty and N+D, D=1');
    expect(R('a {to} b and {in}')).toBe('a to b and in');
    expect(R('approx50 runs')).toBe('≈50 runs');
    const prose = 'Sim2Real and sim2real transfer, a simulation, approximately 5, approx. 5, sometimes 3 times, at 3pm, in 2 times';
    expect(R(prose)).toBe(prose);
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

describe('braces, dashes, quotes, tildes', () => {
  test('grouping braces around plain words are removed; sets and strays are kept', () => {
    expect(R('on {GSM8K}, better than {GPT-3.5-Turbo}.')).toBe('on GSM8K, better than GPT-3.5-Turbo.');
    expect(R('the set {Austin, Dallas, Houston}, one')).toBe('the set {Austin, Dallas, Houston}, one');
    expect(R('we used 5{,}000 prompts')).toBe('we used 5,000 prompts');
    expect(R('imo_1962_p2}, and { open')).toBe('imo_1962_p2}, and { open');
  });

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

describe('links', () => {
  test.each([
    ['see https://a.org/x, and', `see ${link('https://a.org/x')}, and`],
    ['(https://github.com/PaddlePaddle/PaddleOCR)', `(${link('https://github.com/PaddlePaddle/PaddleOCR')})`],
    ['https://en.wikipedia.org/wiki/Foo_(bar).', `${link('https://en.wikipedia.org/wiki/Foo_(bar)')}.`],
    ['[https://a.org/x]', `[${link('https://a.org/x')}]`],
    ['at https://a.org/x; or https://b.org/y: or http://c.org/z!', `at ${link('https://a.org/x')}; or ${link('https://b.org/y')}: or ${link('http://c.org/z')}!`],
    ['https://github.com/13204942/SSL\\_Cervical\\_Segmentation.', `${link('https://github.com/13204942/SSL_Cervical_Segmentation')}.`],
    ['https://www.robots.ox.ac.uk/~vgg/research/', link('https://www.robots.ox.ac.uk/~vgg/research/')],
    ['code at github.com/edwardjhu/TP4.', `code at ${link('https://github.com/edwardjhu/TP4', 'github.com/edwardjhu/TP4')}.`],
    ['at www.github.com.', `at ${link('https://www.github.com', 'www.github.com')}.`],
    ['\\url{https://x.y/z}.', `${link('https://x.y/z')}.`],
    ['\\href{https://a.org}{here}.', `${link('https://a.org', 'here')}.`],
    ['\\href{https://a.org}{\\textbf{link}}', link('https://a.org', '<strong>link</strong>')],
    ['\\href{https://a.org}{https://b.org}', link('https://a.org', 'https://b.org')],
    ['\\href{this link}{http://a.org/c/}', link('http://a.org/c/', 'this link')],
    ['see \\href{https://a.org/x.', `see ${link('https://a.org/x')}.`],
  ])('%s', (input, html) => {
    expect(R(input)).toBe(html);
  });

  test('hrefs are escaped and only http(s) links are made', () => {
    expect(R('https://a.org/?a=1&b="2"')).toBe(`${link('https://a.org/?a=1&amp;b=')}&quot;2&quot;`);
    expect(R("https://a.org/x'onmouseover=alert(1)")).toBe(link('https://a.org/x&#39;onmouseover=alert(1)'));
    expect(R('javascript:alert(1) and http:// and https://')).toBe('javascript:alert(1) and http:// and https://');
    expect(R('\\href{javascript:alert(1)}{click}')).toBe('click');
    expect(R('\\url{javascript:alert(1)}')).toBe('javascript:alert(1)');
    expect(R('xhttps://a.org')).toBe('xhttps://a.org');
  });

  test('links: false keeps the text', () => {
    expect(R('see https://a.org/x. and \\href{https://a.org}{here}', false)).toBe('see https://a.org/x. and here');
  });

  test('plain text keeps the target of a named link', () => {
    expect(P('Code is \\href{https://a.org/x}{here}.')).toBe('Code is here (https://a.org/x).');
    expect(P('Code: \\url{https://a.org/x}.')).toBe('Code: https://a.org/x.');
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

// ---------------------------------------------------------------------------------------------
// Every title and abstract of the shipped digests and of the benchmark corpus

const HEADER_LINES = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);

function corpusTexts(): string[] {
  const dirs = [SEED_DIR, SAMPLE_DIR];
  const texts = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const raw = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
      for (const line of raw.split(/\r?\n/)) {
        const t = line.trim().replace(/^Subscribe(?=\S)/, '');
        if (!t || HEADER_LINES.has(t) || /^[A-Z][a-z]{2} \d{1,2}$/.test(t)) continue;
        texts.add(t);
      }
    }
  }
  return [...texts];
}

function visibleText(html: string): string {
  return html
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '') // KaTeX keeps the TeX source for copy/paste
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

describe('the real corpus', () => {
  const texts = corpusTexts();

  test('the seed and the sample listings are there', () => {
    expect(texts.length).toBeGreaterThan(1200);
  });

  test('renders every title and abstract safely, without LaTeX leftovers', () => {
    const leftovers = ['\\%', '{\\em', '\\"'];
    const bad: string[] = [];
    for (const t of texts) {
      const html = R(t);
      const plain = P(t);
      if (/<script/i.test(html)) bad.push(`script: ${t.slice(0, 80)}`);
      const visible = visibleText(html);
      for (const l of leftovers) {
        if (visible.includes(l)) bad.push(`html ${l}: ${t.slice(0, 80)}`);
        if (plain.includes(l)) bad.push(`plain ${l}: ${t.slice(0, 80)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('measure what remains: backslashes after plainText and unknown macros', () => {
    const remaining = new Map<string, number>();
    const unknown = new Map<string, number>();
    let withBackslash = 0;
    let abstracts = 0;
    let abstractsWithBackslash = 0;
    for (const t of texts) {
      const plain = P(t);
      const isAbstract = t.length > 300;
      if (isAbstract) abstracts++;
      if (plain.includes('\\')) {
        withBackslash++;
        if (isAbstract) abstractsWithBackslash++;
        for (const m of plain.matchAll(/\\[A-Za-z]*|\\./g)) remaining.set(m[0], (remaining.get(m[0]) ?? 0) + 1);
      }
      for (const m of R(t).matchAll(/<span class="macro">([^<]*)<\/span>/g)) {
        const name = m[1] ?? '';
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
      }
    }
    const fmt = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`).join(', ');
    console.log(
      `typography: ${texts.length} distinct texts (${abstracts} abstracts); ` +
        `${withBackslash} still contain a backslash after plainText (${abstractsWithBackslash} abstracts): ${fmt(remaining) || 'none'}; ` +
        `unknown macros shown by name: ${fmt(unknown) || 'none'}`,
    );
    // What is left is literal programming text such as "\n\n"; more than a handful means a regression.
    expect(withBackslash).toBeLessThanOrEqual(3);
  });

  test('is fast enough for 20,000 abstracts per build', () => {
    const sample = texts.filter((t) => t.length > 300).slice(0, 2_000);
    const t0 = performance.now();
    for (const t of sample) {
      R(t);
      P(t);
    }
    const perText = (performance.now() - t0) / Math.max(1, sample.length);
    // both functions on one abstract; 20,000 abstracts at this rate stay well under a minute
    expect(perText).toBeLessThan(5); // measured ≈0.1–0.6 ms on a loaded 2-core machine
  });
});
