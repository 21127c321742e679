/** Lookup tables of the typography parser: what each known TeX macro, accent and script character stands for. */
import type { Tag } from './tree';

/** A no-break space (`~` between words, `\nobreakspace`). */
export const NBSP = '\u00a0';
/** A thin space (`\,`, `\thinspace`). */
export const THIN = '\u2009';

/** A lookup table without a prototype, so that `\\constructor` or `\\toString` find nothing. */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Greek letter macros (`\alpha` → α). */
export const GREEK: Record<string, string> = dict({
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ',
  eta: 'η', theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', varkappa: 'ϰ', lambda: 'λ',
  mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ',
  sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', digamma: 'ϝ',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
});

/** Macros that stand for a fixed string (symbols, words, spacing, no-ops). */
export const SYMBOLS: Record<string, string> = dict({
  ...GREEK,
  // relations
  leq: '≤', le: '≤', geq: '≥', ge: '≥', leqslant: '⩽', geqslant: '⩾', neq: '≠', ne: '≠',
  approx: '≈', sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', ll: '≪', gg: '≫',
  lesssim: '≲', gtrsim: '≳', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇',
  in: '∈', notin: '∉', ni: '∋', mid: '∣', parallel: '∥', perp: '⊥', models: '⊨',
  vdash: '⊢', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰', coloneqq: '≔', triangleq: '≜',
  doteq: '≐', asymp: '≍',
  // arrows
  rightarrow: '→', to: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒',
  Leftarrow: '⇐', Leftrightarrow: '⇔', longrightarrow: '⟶', longleftarrow: '⟵',
  Longrightarrow: '⟹', implies: '⟹', iff: '⟺', mapsto: '↦', uparrow: '↑', downarrow: '↓',
  Uparrow: '⇑', Downarrow: '⇓', nearrow: '↗', searrow: '↘', hookrightarrow: '↪',
  rightleftharpoons: '⇌',
  // operators
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆', circ: '∘',
  bullet: '•', oplus: '⊕', otimes: '⊗', odot: '⊙', cap: '∩', cup: '∪', wedge: '∧', land: '∧',
  vee: '∨', lor: '∨', neg: '¬', lnot: '¬', setminus: '∖', sum: '∑', prod: '∏', coprod: '∐',
  int: '∫', iint: '∬', oint: '∮', bigcup: '⋃', bigcap: '⋂', sqcup: '⊔', uplus: '⊎',
  diamond: '⋄',
  // misc symbols
  infty: '∞', partial: '∂', nabla: '∇', forall: '∀', exists: '∃', nexists: '∄', emptyset: '∅',
  varnothing: '∅', ell: 'ℓ', hbar: 'ℏ', Re: 'ℜ', Im: 'ℑ', aleph: 'ℵ', wp: '℘', prime: '′',
  top: '⊤', bot: '⊥', angle: '∠', triangle: '△', square: '□', checkmark: '✓', dagger: '†',
  ddagger: '‡', dag: '†', ddag: '‡', S: '§', P: '¶', copyright: '©', textcopyright: '©',
  circledR: '®', textregistered: '®', texttrademark: '™', deg: '°', textdegree: '°',
  degree: '°', textmu: 'µ', textperthousand: '‰', textpertenthousand: '‱', ldots: '…',
  dots: '…', cdots: '⋯', vdots: '⋮', ddots: '⋱', langle: '⟨', rangle: '⟩', lfloor: '⌊',
  rfloor: '⌋', lceil: '⌈', rceil: '⌉', vert: '|', lvert: '|', rvert: '|', Vert: '‖',
  lVert: '‖', rVert: '‖', backslash: '\\', textbackslash: '\\', textasciitilde: '~',
  textasciicircum: '^', textless: '<', textgreater: '>', textbar: '|', textunderscore: '_',
  textquotedblleft: '“', textquotedblright: '”', textquoteleft: '‘', textquoteright: '’',
  textendash: '–', textemdash: '—', textbullet: '•', pounds: '£', euro: '€', texteuro: '€',
  textdollar: '$', sharp: '♯', flat: '♭', natural: '♮', LaTeX: 'LaTeX', TeX: 'TeX',
  // text letters
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł',
  L: 'Ł', i: 'ı', j: 'ȷ',
  // common abbreviation macros of paper templates
  eg: 'e.g.', Eg: 'E.g.', ie: 'i.e.', Ie: 'I.e.', etal: 'et al.', wrt: 'w.r.t.', vs: 'vs.',
  cf: 'cf.', etc: 'etc.', aka: 'a.k.a.', iid: 'i.i.d.',
  // function names
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', tan: 'tan', sinh: 'sinh',
  cosh: 'cosh', tanh: 'tanh', arcsin: 'arcsin', arccos: 'arccos', arctan: 'arctan', max: 'max',
  min: 'min', arg: 'arg', argmax: 'argmax', argmin: 'argmin', sup: 'sup', inf: 'inf',
  lim: 'lim', limsup: 'lim sup', liminf: 'lim inf', det: 'det', dim: 'dim', ker: 'ker',
  Pr: 'Pr', gcd: 'gcd', lcm: 'lcm', bmod: 'mod', mod: 'mod',
  // siunitx units and prefixes
  kilo: 'k', mega: 'M', giga: 'G', tera: 'T', milli: 'm', micro: 'µ', nano: 'n', pico: 'p',
  centi: 'c', meter: 'm', metre: 'm', second: 's', gram: 'g', hertz: 'Hz', watt: 'W',
  volt: 'V', ampere: 'A', joule: 'J', kelvin: 'K', byte: 'B', percent: '%', hour: 'h',
  minute: 'min', liter: 'L', litre: 'L', degreeCelsius: '°C', per: '/', squared: '²',
  cubed: '³',
  // spacing and no-ops
  quad: ' ', qquad: ' ', space: ' ', enspace: ' ', thinspace: THIN, medspace: ' ',
  thickspace: ' ', nobreakspace: NBSP, newline: ' ', linebreak: ' ', par: ' ', hfill: ' ',
  noindent: '', xspace: '', relax: '', protect: '', displaystyle: '', textstyle: '',
  scriptstyle: '', limits: '', nolimits: '', left: '', right: '', big: '', Big: '', bigg: '',
  Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '', biggl: '', biggr: '', middle: '',
  centering: '', mathstrut: '', strut: '', nonumber: '', notag: '',
});

/** Macros whose `{argument}` is wrapped in a tag (or shown as is for ''). */
export const STYLE_ARG: Record<string, Tag | ''> = dict({
  textbf: 'strong', mathbf: 'strong', boldsymbol: 'strong', bm: 'strong', pmb: 'strong',
  textit: 'em', emph: 'em', mathit: 'em', textsl: 'em',
  texttt: 'code', mathtt: 'code',
  underline: 'u', uline: 'u',
  textsuperscript: 'sup', textsubscript: 'sub',
  text: '', textrm: '', textsc: '', textsf: '', textup: '', textnormal: '', textmd: '',
  mathrm: '', mathsf: '', mathnormal: '', operatorname: '', mbox: '', hbox: '',
  ensuremath: '', overline: '', num: '', si: '', mathbb: '', mathbbm: '', mathcal: '',
  mathscr: '', mathfrak: '',
});

/** Declarations that switch style until the end of the enclosing group. */
export const DECLARATIONS: Record<string, Tag | ''> = dict({
  em: 'em', it: 'em', itshape: 'em', sl: 'em', slshape: 'em',
  bf: 'strong', bfseries: 'strong', boldmath: 'strong',
  tt: 'code', ttfamily: 'code',
  rm: '', rmfamily: '', sc: '', scshape: '', sf: '', sffamily: '', normalfont: '', upshape: '',
  mdseries: '', small: '', footnotesize: '', scriptsize: '', tiny: '', large: '', Large: '',
  LARGE: '', huge: '', Huge: '', normalsize: '', color: '',
});

/** Single-letter accent macros (`\c{c}`, `\v s`) and their combining marks. */
export const LETTER_ACCENTS: Record<string, string> = dict({
  c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', k: '\u0328', r: '\u030a', b: '\u0331',
  d: '\u0323', t: '\u0361',
});

/** Symbol accent macros (`\"o`, `\'e`) and their combining marks. */
export const SYMBOL_ACCENTS: Record<string, string> = dict({
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307',
});

/** Math accents (`\tilde{O}`, `\hat{y}`). */
export const MATH_ACCENTS: Record<string, string> = dict({
  tilde: '\u0303', widetilde: '\u0303', hat: '\u0302', widehat: '\u0302', bar: '\u0304',
  vec: '\u20d7', dot: '\u0307', ddot: '\u0308', check: '\u030c', breve: '\u0306',
  acute: '\u0301', grave: '\u0300',
});

/** Unit symbols that bind to the following unit letter (`\textmu m` → µm). */
export const TIGHT_SYMBOLS = new Set(['textmu', 'micro', 'textdegree', 'degree']);

/** Style macros whose argument is text even inside math (`$\textbf{H$^3$DP}$`). */
export const TEXT_SWITCH = new Set(['text', 'textbf', 'textit', 'texttt', 'textrm', 'textsf', 'textsc', 'textup', 'textnormal', 'textmd', 'textsl', 'emph', 'mbox', 'hbox', 'textsuperscript', 'textsubscript']);
/** Citation macros, shown as `[key, key]`. */
export const CITES = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'parencite', 'textcite']);
/** Reference macros, shown as their label. */
export const REFS = new Set(['ref', 'eqref', 'autoref', 'cref', 'Cref', 'pageref']);
/** Macros dropped together with their argument (`\label{x}`, `\vspace{2mm}`). */
export const DROP_WITH_ARG = new Set(['label', 'vspace', 'hspace', 'phantom', 'hphantom', 'vphantom', 'nocite', 'bibliographystyle']);

/** Words that lost their backslash, recognised right before a sub/superscript (`nu^1`, `ell_2`). */
export const LOST_SCRIPT_BASES = new Set(
  [...Object.keys(GREEK), 'ell'].filter((w) => w.length >= 2 && w !== 'omicron'),
);

/** Unicode superscript forms, for plain text (`x^2` → x²). */
export const SUPERSCRIPT: Record<string, string> = dict({
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸',
  '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
  T: 'ᵀ', '⊤': 'ᵀ',
});
/** Unicode subscript forms, for plain text (`F_1` → F₁). */
export const SUBSCRIPT: Record<string, string> = dict({
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈',
  '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
});

/** Windows-1252 leftovers written as RTF escapes (`GPU\'92s`). */
export const CP1252: Record<string, string> = dict({
  '91': '‘', '92': '’', '93': '“', '94': '”', '95': '•', '96': '–', '97': '—',
});

/** Letter-like styled alphabets: [capital A, small a, digit 0 (or 0), exceptions]. */
export const ALPHABETS: Record<string, [number, number, number, Record<string, string>]> = dict({
  mathbb: [0x1d538, 0x1d552, 0x1d7d8, { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }],
  mathbbm: [0x1d538, 0x1d552, 0x1d7d8, { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }],
  mathcal: [0x1d49c, 0x1d4b6, 0, { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' }],
  mathscr: [0x1d49c, 0x1d4b6, 0, { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' }],
  mathfrak: [0x1d504, 0x1d51e, 0, { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' }],
});
