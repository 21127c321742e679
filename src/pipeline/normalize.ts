/**
 * Title normalisation: the merge key that decides whether two listings name the same paper.
 * Pure: no I/O, deterministic, locale-independent.
 */

/** Combining marks produced by the LaTeX accent commands \" \' \` \^ \~ \= \. \c \v \u \H \k \r. */
const ACCENTS: Readonly<Record<string, string>> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  H: '\u030B',
  k: '\u0328',
  r: '\u030A',
};

/** LaTeX letter macros and the character each one stands for. */
const LETTER_MACROS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** LaTeX formatting macros: the command is dropped, its argument kept. */
const FORMAT_MACROS = new Set([
  'em', 'it', 'bf', 'sl', 'sc', 'rm', 'tt', 'sf', 'emph', 'underline', 'text', 'mbox', 'operatorname',
  'textit', 'textbf', 'textrm', 'texttt', 'textsf', 'textsc', 'textsl', 'textsuperscript', 'textsubscript',
  'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathfrak', 'boldsymbol', 'bm',
]);

const ACCENT_RE = /\\(["'`^~=.]|[cvuHkr](?=\s*\{))\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij]|[A-Za-z]))/g;
const MACRO_RE = /\\([A-Za-z]+)/g;

/** Replace LaTeX accent commands with the accented letter (`Nystr\"om` → `Nyström`). */
function resolveAccents(text: string): string {
  return text.replace(ACCENT_RE, (whole, accent: string, braced?: string, bare?: string) => {
    const base = braced ?? bare ?? '';
    const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base;
    const mark = ACCENTS[accent];
    return mark === undefined ? whole : letter + mark;
  });
}

/** Drop formatting macros and turn letter macros into their character; other macro names stay as words. */
function resolveMacros(text: string): string {
  return text.replace(MACRO_RE, (_whole, name: string) => {
    if (FORMAT_MACROS.has(name)) return ' ';
    const letter = LETTER_MACROS[name];
    return letter === undefined ? ` ${name}` : letter;
  });
}

/**
 * Rule: LaTeX accents become accented letters, formatting macros (\em, \textbf…) are dropped,
 * Greek/letter macros become their character, and the markup characters ^ _ { } $ are deleted
 * (so `S^{2}FT` and `S2FT` agree); everything else that is not a letter, digit or mark is a space.
 */
function stripLatex(text: string): string {
  return resolveMacros(resolveAccents(text)).replace(/[\^_{}$]/g, '');
}

/** The merge key of a title: NFKC, LaTeX leftovers resolved, lower-case, punctuation/symbols → spaces, collapsed. */
export function normalizeTitle(title: string): string {
  const plain = stripLatex(title.normalize('NFKC')).normalize('NFKC');
  return plain
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** The merge key of a paper: `normalizeTitle`, or for a title of symbols only, its NFKC lower-case form with whitespace collapsed. */
export function paperKey(title: string): string {
  const key = normalizeTitle(title);
  if (key !== '') return key;
  return title.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
