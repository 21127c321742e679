/**
 * Build-time typography for digest titles and abstracts.
 *
 * Digest text is plain text that carries LaTeX leftovers (`\%`, `{\em x}`, `na\"ive`, `S^{2}FT`,
 * `$...$` math, unexpanded project macros such as `\tool`) and bare URLs. This module turns such
 * text into safe HTML (`renderText`) or into plain Unicode text (`plainText`).
 *
 * Design: one tokenizer/parser over the source string (linear time, bounded recursion) builds a
 * tiny tree of text, emphasis, scripts, links, math and unknown-macro nodes; two serializers turn
 * that tree into HTML or plain text. Every character that is not part of a recognised construct
 * ends up in a text node, and text nodes are always HTML-escaped, so raw markup in the input
 * (`<script>`) can never become markup in the output. Math goes through KaTeX at build time.
 */
import katex from 'katex';
import { codePointFromUnicodeArg, isAlnum, isAsciiLetter, isAsciiLetterCode, isDigit, isIdentChar, isLetter, isSpace } from '../typography/chars';
import {
  ALPHABETS, CITES, CP1252, DECLARATIONS, DROP_WITH_ARG, GREEK, LETTER_ACCENTS, LOST_SCRIPT_BASES, MATH_ACCENTS, NBSP,
  REFS, STYLE_ARG, SUBSCRIPT, SUPERSCRIPT, SYMBOL_ACCENTS, SYMBOLS, TEXT_SWITCH, THIN, TIGHT_SYMBOLS, dict,
} from '../typography/tables';
import { MAX_DEPTH, pushAll, pushText, type Tag, type TreeNode } from '../typography/tree';

/** Options of `renderText`. */
export interface RenderTextOptions {
  /** Turn http(s) URLs, `\url{}` and `\href{}{}` into links (default true); false inside other links. */
  links?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tree



interface ParseContext {
  /** Parsing math source (fallback / plain rendering of `$...$`): TeX script rules, no URLs. */
  readonly math: boolean;
  /** URLs may become links here. */
  readonly links: boolean;
  /** Inside a sub- or superscript. */
  readonly script: boolean;
  /** Inside `\texttt{}`: no dash or quote ligatures. */
  readonly code: boolean;
}

/** Longest `$...$` span accepted as math. */
const MAX_MATH = 1000;

const OTHER_KNOWN = [
  'url', 'href', 'hyperlink', 'textcolor', 'colorbox', 'fcolorbox', 'footnote', 'unicode',
  'frac', 'dfrac', 'tfrac', 'sqrt', 'SI',
];

const KNOWN = new Set<string>([
  ...Object.keys(SYMBOLS), ...Object.keys(STYLE_ARG), ...Object.keys(DECLARATIONS),
  ...Object.keys(MATH_ACCENTS), ...CITES, ...REFS, ...DROP_WITH_ARG, ...OTHER_KNOWN,
]);

function compose(base: string, mark: string): string {
  const b = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
  return (b + mark).normalize('NFC');
}

function styledLetters(alphabet: string, raw: string): string | null {
  const spec = ALPHABETS[alphabet];
  if (!spec) return null;
  const [cap, small, digit, exceptions] = spec;
  let out = '';
  for (const c of raw) {
    if (c === ' ') continue;
    const special = exceptions[c];
    if (special) out += special;
    else if (c >= 'A' && c <= 'Z') out += String.fromCodePoint(cap + c.charCodeAt(0) - 65);
    else if (c >= 'a' && c <= 'z') out += String.fromCodePoint(small + c.charCodeAt(0) - 97);
    else if (c >= '0' && c <= '9' && digit) out += String.fromCodePoint(digit + c.charCodeAt(0) - 48);
    else out += c;
  }
  return out;
}

function isHttpUrl(u: string): boolean {
  return u.length < 2048 && /^https?:\/\/[A-Za-z0-9][^\s"<>`{}|\\^]*$/i.test(u);
}

function unescapeUrl(raw: string): string {
  return raw.replace(/\\([_%#&~$])/g, '$1').trim();
}

const URL_STOP = new Set([' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`']);
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*']);
/** `$5 per month`-like openings: a number followed by an ordinary word is money, not math. */
const MONEY_RE = /^\d[\d.,]*\s+[a-z]{2,}/;

// ---------------------------------------------------------------------------------------------
// Parser


interface Arg {
  start: number;
  end: number;
  next: number;
}

class Parser {
  private readonly s: string;
  private readonly n: number;
  /** For each `{` that has one, the index of its matching `}`. */
  private readonly match = new Map<number, number>();
  /** Positions of TeX quotes that pair up (`` ``...'' ``). */
  private quoteOpen: Set<number> | null = null;
  private quoteClose: Set<number> | null = null;
  private lastScriptEnd = -1;

  constructor(s: string) {
    this.s = s;
    const n = (this.n = s.length);
    const stack: number[] = [];
    let pendingQuote = -1;
    const pair = (open: number, close: number): void => {
      (this.quoteOpen ??= new Set()).add(open);
      (this.quoteClose ??= new Set()).add(close);
    };
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      if (c === 92 /* backslash: skip the escaped character */) {
        i += 2;
        continue;
      }
      if (c === 123 /* { */) stack.push(i);
      else if (c === 125 /* } */) {
        const open = stack.pop();
        if (open !== undefined) this.match.set(open, i);
      } else if (c === 96 /* ` */ && s.charCodeAt(i + 1) === 96) {
        // a `` right after a word and before a non-word closes a pending ``...``
        if (pendingQuote >= 0 && i > 0 && !isSpace(s[i - 1]) && !isAlnum(s[i + 2]) && i - pendingQuote <= 400) {
          pair(pendingQuote, i);
          pendingQuote = -1;
        } else if (!isSpace(s[i + 2]) && s[i + 2] !== undefined && s[i + 2] !== '`') pendingQuote = i;
        i += 2;
        continue;
      } else if (c === 39 /* ' */ && s.charCodeAt(i + 1) === 39) {
        if (pendingQuote >= 0 && i - pendingQuote <= 400) pair(pendingQuote, i);
        pendingQuote = -1;
        i += 2;
        continue;
      } else if (c === 34 /* " */ && pendingQuote >= 0 && i - pendingQuote <= 400 && !isSpace(s[i - 1])) {
        // ``lite-weight" : a TeX opening quote closed by a straight one
        pair(pendingQuote, i);
        pendingQuote = -1;
      }
      i++;
    }
  }

  /** The `\)` or `\]` (index of its backslash) closing math opened before p, or -1. */
  private closingDelimiter(p: number, end: number, close: string): number {
    const s = this.s;
    const limit = Math.min(end - 1, p + MAX_MATH);
    for (let k = p; k < limit; ) {
      if (s.charCodeAt(k) === 92) {
        if (s[k + 1] === close) return k;
        k += 2;
      } else k++;
    }
    return -1;
  }

  /** Parse the whole string. */
  parse(ctx: ParseContext): TreeNode[] {
    return this.seq(0, this.n, 0, ctx);
  }

  private c(i: number): string {
    return this.s[i] ?? '';
  }

  private matchAt(i: number, end: number): number {
    const m = this.match.get(i) ?? -1;
    return m >= 0 && m < end ? m : -1;
  }

  private readArg(p: number, end: number): Arg | null {
    let q = p;
    while (q < end && this.s[q] === ' ') q++;
    if (this.s[q] !== '{') return null;
    const m = this.matchAt(q, end);
    if (m < 0) return null;
    return { start: q + 1, end: m, next: m + 1 };
  }

  private skipOptArg(p: number, end: number): number {
    let q = p;
    while (q < end && this.s[q] === ' ') q++;
    if (this.s[q] !== '[') return p;
    const limit = Math.min(end, q + 200);
    for (let r = q + 1; r < limit; r++) if (this.s[r] === ']') return r + 1;
    return p;
  }

  /** Parse [start, end) into nodes. */
  seq(start: number, end: number, depth: number, ctx: ParseContext): TreeNode[] {
    const out: TreeNode[] = [];
    if (depth > MAX_DEPTH) {
      pushText(out, this.s.slice(start, end));
      return out;
    }
    let i = start;
    while (i < end) {
      const j = this.step(i, end, depth, ctx, out);
      if (j > i) i = j;
      else {
        pushText(out, this.c(i));
        i++;
      }
    }
    return out;
  }

  private step(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const c = this.c(i);
    switch (c) {
      case '\\':
        return this.backslash(i, end, depth, ctx, out);
      case '$':
        return this.dollar(i, end, depth, ctx, out);
      case '{':
        return this.group(i, end, depth, ctx, out);
      case '^':
      case '_': {
        const r = ctx.code ? null : this.script(i, end, depth, ctx, false);
        if (r) {
          out.push(r.node);
          this.lastScriptEnd = r.end;
          return r.end;
        }
        pushText(out, c);
        return i + 1;
      }
      case '~':
        pushText(out, this.tilde(i, ctx));
        return i + 1;
      case '-':
        return this.dash(i, end, ctx, out);
      case '`':
        if (!ctx.code && s[i + 1] === '`' && this.quoteOpen?.has(i)) {
          pushText(out, '“');
          return i + 2;
        }
        if (!ctx.code && s[i + 1] === '`' && this.quoteClose?.has(i)) {
          pushText(out, '”');
          return i + 2;
        }
        pushText(out, c);
        return i + 1;
      case "'":
        if (!ctx.code && this.quoteClose?.has(i)) {
          pushText(out, '”');
          return i + 2;
        }
        pushText(out, ctx.math ? '′' : c);
        return i + 1;
      case '"':
        if (!ctx.code && this.quoteClose?.has(i)) {
          pushText(out, '”');
          return i + 1;
        }
        pushText(out, c);
        return i + 1;
      default:
        break;
    }
    // a run of characters without any meaning here, ordinary words included
    let k = i;
    while (k < end) {
      const x = s.charCodeAt(k);
      if (
        x === 92 || x === 36 || x === 123 || x === 125 || x === 94 || x === 95 || x === 126 ||
        x === 45 || x === 96 || x === 39 || x === 34
      ) break;
      if ((x >= 65 && x <= 90) || (x >= 97 && x <= 122)) {
        let e = k + 1;
        while (e < end && isAsciiLetterCode(s.charCodeAt(e))) e++;
        if (!ctx.math && this.wordNeedsLook(k, e)) break;
        k = e;
      } else k++;
    }
    if (k > i) {
      pushText(out, s.slice(i, k));
      return k;
    }
    return this.word(i, end, depth, ctx, out);
  }

  /** Might the word [k, e) be a URL or a word that lost its backslash? (Cheap pre-check of `word`.) */
  private wordNeedsLook(k: number, e: number): boolean {
    const s = this.s;
    if (k > 0 && isAsciiLetterCode(s.charCodeAt(k - 1))) return false;
    const next = s.charCodeAt(e);
    if (next === 58 /* : */ || next === 46 /* . */) return e - k <= 11;
    if ((next >= 48 && next <= 57) || next === 94 || next === 95) return true;
    const prev = s.charCodeAt(k - 1);
    return (prev >= 48 && prev <= 57) || this.lastScriptEnd === k;
  }

  // --- words, URLs, lost backslashes -------------------------------------------------------

  private word(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    let k = i;
    while (k < end && isAsciiLetter(s[k])) k++;
    const w = s.slice(i, k);
    const prev = s[i - 1];
    if (!ctx.math && !isAsciiLetter(prev)) {
      // URLs
      if (!isAlnum(prev)) {
        if ((w === 'http' || w === 'https') && s.startsWith('://', k)) {
          const r = this.url(i, end, ctx, out, false);
          if (r > i) return r;
        } else if (
          (w === 'www' && s[k] === '.') ||
          (w === 'github' && s.startsWith('.com/', k)) ||
          (w === 'huggingface' && s.startsWith('.co/', k))
        ) {
          if (prev === undefined || !/[./@_\-]/.test(prev)) {
            const r = this.url(i, end, ctx, out, true);
            if (r > i) return r;
          }
        }
      }
      // words that lost their backslash, only in clearly mathematical company
      const next = s[k];
      if (w === 'sim' && isDigit(next) && this.simGuard(k, end)) {
        pushText(out, '∼');
        return k;
      }
      if (w === 'approx' && (this.lastScriptEnd === i || isDigit(prev) || isDigit(next))) {
        pushText(out, '≈');
        return k;
      }
      if (w === 'times' && isDigit(prev) && (k >= end || !isAsciiLetter(next))) {
        pushText(out, '×');
        return k;
      }
      if (w === 'pm' && isDigit(prev) && isDigit(next)) {
        pushText(out, '±');
        return k;
      }
      if ((next === '^' || next === '_') && LOST_SCRIPT_BASES.has(w)) {
        const r = this.script(k, end, depth, ctx, true);
        if (r) {
          pushText(out, SYMBOLS[w] ?? w);
          out.push(r.node);
          this.lastScriptEnd = r.end;
          return r.end;
        }
      }
    }
    pushText(out, w);
    return k;
  }

  /** `sim50\%`, `sim4.4 million`, `sim2K` yes; `sim2real` no. */
  private simGuard(k: number, end: number): boolean {
    const s = this.s;
    let p = k;
    while (p < end && (isDigit(s[p]) || ((s[p] === '.' || s[p] === ',') && isDigit(s[p + 1])))) p++;
    const after = s[p];
    if (!isAsciiLetter(after)) return true;
    return 'KMBkx'.includes(after ?? '') && !isAsciiLetter(s[p + 1]);
  }

  private url(i: number, end: number, ctx: ParseContext, out: TreeNode[], bare: boolean): number {
    const s = this.s;
    let href = '';
    const ends: number[] = [];
    let j = i;
    while (j < end) {
      const c = s[j] ?? '';
      if (c === '\\' && '_%#&~$'.includes(s[j + 1] ?? '\0')) {
        href += s[j + 1];
        j += 2;
        ends.push(j);
        continue;
      }
      if (URL_STOP.has(c) || isSpace(c) || c.charCodeAt(0) > 126 || c.charCodeAt(0) < 33) break;
      href += c;
      j++;
      ends.push(j);
    }
    // drop trailing punctuation and unbalanced closing brackets
    for (;;) {
      const last = href[href.length - 1];
      if (last === undefined) break;
      let drop = URL_TRAILING.has(last);
      if (last === ')') drop = count(href, '(') < count(href, ')');
      else if (last === ']') drop = count(href, '[') < count(href, ']');
      if (!drop) break;
      href = href.slice(0, -1);
      ends.pop();
    }
    const full = bare ? 'https://' + href : href;
    if (!isHttpUrl(full) || (bare && !/^[^/]+\.[A-Za-z]{2,}/.test(href))) return -1;
    const stop = ends[ends.length - 1] ?? i;
    if (stop <= i) return -1;
    if (ctx.links) out.push({ kind: 'link', href: full, children: [{ kind: 'text', text: href }], explicit: false });
    else pushText(out, href);
    return stop;
  }

  // --- small ligatures --------------------------------------------------------------------

  private tilde(i: number, ctx: ParseContext): string {
    if (ctx.math) return NBSP;
    const s = this.s;
    const prev = s[i - 1];
    const next = s[i + 1];
    if (prev === undefined || next === undefined || isSpace(prev) || isSpace(next)) return '~';
    if (!(isLetter(prev) || isDigit(prev) || '.,;:)]}\'"'.includes(prev))) return '~';
    if (isDigit(next)) {
      // `1.36~3.58x`, `1M~60M`: a range, keep the tilde
      for (let p = i - 1; p >= 0 && p >= i - 12; p--) {
        const c = s[p];
        if (isDigit(c)) return '~';
        if (!(isAsciiLetter(c) || c === '.')) break;
      }
    }
    return NBSP;
  }

  private dash(i: number, end: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    if (ctx.math) {
      pushText(out, '−');
      return i + 1;
    }
    let k = i;
    while (k < end && s[k] === '-') k++;
    const len = k - i;
    if (len === 1) {
      pushText(out, ctx.script && isDigit(s[k]) && !isAlnum(s[i - 1]) ? '−' : '-');
    } else if (ctx.code || len > 3) pushText(out, s.slice(i, k));
    else pushText(out, len === 2 ? '–' : '—');
    return k;
  }

  // --- groups -------------------------------------------------------------------------------

  private group(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const m = this.matchAt(i, end);
    if (m < 0 || depth >= MAX_DEPTH) {
      pushText(out, '{');
      return i + 1;
    }
    const raw = s.slice(i + 1, m);
    if (raw === '') return m + 1;
    if (raw === ',') {
      pushText(out, ',');
      return m + 1;
    }
    if (!ctx.math) {
      // `64{times}64`, `D{to}infty`: a symbol macro that lost its backslash but kept its braces
      const lost = /^[a-zA-Z]{2,}$/.test(raw) ? SYMBOLS[raw] : undefined;
      if (lost && !/^[A-Za-z ]*$/.test(lost) && (isDigit(s[i - 1]) || isDigit(s[m + 1]) || (isAlnum(s[i - 1]) && isAlnum(s[m + 1])))) {
        pushText(out, lost);
        return m + 1;
      }
      // `{Austin, Dallas, Houston}`: a set written in prose keeps its braces
      if (raw.includes(',') && !raw.includes('\\') && !raw.includes('{')) {
        pushText(out, '{');
        pushAll(out, this.seq(i + 1, m, depth + 1, ctx));
        pushText(out, '}');
        return m + 1;
      }
    }
    pushAll(out, this.seq(i + 1, m, depth + 1, ctx));
    return m + 1;
  }

  // --- sub- and superscripts ---------------------------------------------------------------

  /** A script starting at the `^`/`_` at i, or null when it is not one. */
  private script(i: number, end: number, depth: number, ctx: ParseContext, lostBase: boolean): { node: TreeNode; end: number } | null {
    const s = this.s;
    const op = s[i];
    const tag: Tag = op === '^' ? 'sup' : 'sub';
    const j = i + 1;
    if (j >= end || depth >= MAX_DEPTH) return null;
    const prev = s[i - 1];
    if (!ctx.math && (prev === undefined || isSpace(prev) || '([{^_'.includes(prev))) return null;
    const sctx: ParseContext = { ...ctx, script: true };
    const c = s[j] ?? '';
    const el = (children: TreeNode[]): TreeNode => ({ kind: 'element', tag, children });
    const txt = (text: string): TreeNode[] => [{ kind: 'text', text }];

    if (c === '{') {
      const m = this.matchAt(j, end);
      if (m < 0) return null;
      const t = s.slice(j + 1, m).trim();
      if (!t) return null;
      if (op === '^' && (t === '\\circ' || t === 'circ')) return { node: { kind: 'text', text: '°' }, end: m + 1 };
      const sym = scriptWord(t, op);
      if (sym) return { node: el(txt(sym)), end: m + 1 };
      return { node: el(this.seq(j + 1, m, depth + 1, sctx)), end: m + 1 };
    }
    if (c === '\\') {
      let k = j + 1;
      while (k < end && isAsciiLetter(s[k])) k++;
      const name = s.slice(j + 1, k);
      if (name in DECLARATIONS) return null;
      if (op === '^' && name === 'circ') return { node: { kind: 'text', text: '°' }, end: k };
      const tmp: TreeNode[] = [];
      const e = this.backslash(j, end, depth + 1, sctx, tmp);
      if (tmp.length === 0 || e <= j) return null;
      return { node: el(tmp), end: e };
    }
    if (isDigit(c)) {
      let k = j + 1;
      if (!ctx.math) while (k < end && isDigit(s[k]) && k - j < 12) k++;
      if (!ctx.math && op === '_' && (isIdentChar(s[k]) || !this.subBaseOk(i, lostBase))) return null;
      return { node: el(txt(s.slice(j, k))), end: k };
    }
    if (!ctx.math && op === '^' && (c === '-' || c === '+' || c === '−') && isDigit(s[j + 1])) {
      let k = j + 1;
      while (k < end && isDigit(s[k]) && k - j < 12) k++;
      return { node: el(txt((c === '+' ? '+' : '−') + s.slice(j + 1, k))), end: k };
    }
    if (!ctx.math && op === '^' && c === '(') {
      const m = /^\(([-+−]?)(\d{1,12})\)/.exec(s.slice(j, Math.min(end, j + 16)));
      if (m) return { node: el(txt((m[1] ? (m[1] === '+' ? '+' : '−') : '') + (m[2] ?? ''))), end: j + m[0].length };
      return null;
    }
    if (isAsciiLetter(c)) {
      let k = j;
      while (k < end && isAsciiLetter(s[k])) k++;
      const sym = scriptWord(s.slice(j, k), op);
      if (sym && !isAlnum(s[k])) return { node: el(txt(sym)), end: k };
      if (ctx.math) return { node: el(txt(c)), end: j + 1 };
      if (k - j !== 1 || isIdentChar(s[k])) return null;
      if (op === '_' && !this.subBaseOk(i, lostBase)) return null;
      return { node: el(txt(c)), end: k };
    }
    if (c === '*' && (ctx.math || op === '^')) return { node: el(txt('*')), end: j + 1 };
    if (ctx.math && c !== '' && !isSpace(c) && c !== '}' && c !== '$') {
      const cp = s.codePointAt(j) ?? 0;
      const len = cp > 0xffff ? 2 : 1;
      return { node: el(txt(s.slice(j, j + len))), end: j + len };
    }
    return null;
  }

  /** May the word before the `_` at i take an unbraced subscript (`F_1`, `p_d`, not `t_max`, `my_var_x`)? */
  private subBaseOk(i: number, lostBase: boolean): boolean {
    if (lostBase) return true;
    const s = this.s;
    let b = i;
    while (b > 0 && isAlnum(s[b - 1]) && i - b < 40) b--;
    const len = i - b;
    if (len === 0) return s[i - 1] === '}' || s[i - 1] === ')';
    const before = s[b - 1];
    if (before === '\\') return true; // \ell_1, \varepsilon_2
    if (before === '_' || before === '/' || before === '.' || before === '-') return false;
    return len <= 2;
  }

  // --- math -----------------------------------------------------------------------------------

  private dollar(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    if (ctx.math) {
      pushText(out, '$');
      return i + 1;
    }
    if (s[i + 1] === '$') {
      const j = this.closingDollar(i + 2, end, true);
      if (j >= 0 && s.slice(i + 2, j).trim()) {
        this.pushMath(i + 2, j, true, depth, ctx, out);
        return j + 2;
      }
      pushText(out, '$');
      return i + 1;
    }
    const j = this.closingDollar(i + 1, end, false);
    const first = s[i + 1];
    if (
      j > i + 1 &&
      first !== undefined && !isSpace(first) && !isSpace(s[j - 1]) &&
      !(isDigit(first) && isDigit(s[j + 1])) &&
      !MONEY_RE.test(s.slice(i + 1, Math.min(j, i + 40)))
    ) {
      this.pushMath(i + 1, j, false, depth, ctx, out);
      return j + 1;
    }
    pushText(out, '$');
    return i + 1;
  }

  /**
   * The `$` (or `$$` when display) that closes math opened just before p, or -1. Brace groups
   * are skipped whole, so `$\textbf{H$^3$DP}$` pairs its outer dollars.
   */
  private closingDollar(p: number, end: number, display: boolean): number {
    const s = this.s;
    const limit = Math.min(end, p + (display ? 2 * MAX_MATH : MAX_MATH) + 1);
    let k = p;
    while (k < limit) {
      const c = s.charCodeAt(k);
      if (c === 92 /* backslash */) k += 2;
      else if (c === 123 /* { */) {
        const m = this.matchAt(k, end);
        k = m >= 0 ? m + 1 : k + 1;
      } else if (c === 36 /* $ */) {
        if (!display) return k;
        return s[k + 1] === '$' && k + 1 < end ? k : -1;
      } else k++;
    }
    return -1;
  }

  private pushMath(start: number, end: number, display: boolean, depth: number, ctx: ParseContext, out: TreeNode[]): void {
    const tex = this.s.slice(start, end);
    if (this.isTextLikeMath(tex, start)) {
      pushAll(out, this.seq(start, end, depth + 1, ctx));
      return;
    }
    out.push({ kind: 'math', tex, display });
  }

  /** Math spans that are really text: links, `\unicode` dashes, bare numbers, one `\textbf{...}`. */
  private isTextLikeMath(tex: string, start: number): boolean {
    if (/\\(?:href|url|hyperlink)(?![A-Za-z])|https?:\/\//.test(tex)) return true;
    if (/^(?:\s*\\unicode\s*\{[^{}]*\})+\s*$/.test(tex)) return true;
    if (/^\s*\d[\d.,]*\s*(?:\\?%)?\s*$/.test(tex)) return true;
    const m = /^\s*\\(?:textbf|textit|texttt|text|textrm|textsf|textsc|emph|mathrm|mathbf|mathtt|mathit|mathsf|operatorname|underline)\s*\{/.exec(tex);
    if (m) {
      const open = start + m[0].length - 1;
      const close = this.match.get(open) ?? -1;
      const rest = tex.slice(close - start + 1);
      const inner = tex.slice(m[0].length, close - start);
      return close >= 0 && rest.trim() === '' && !/(?<!\\)[\^_]/.test(inner);
    }
    return false;
  }

  // --- backslashes ----------------------------------------------------------------------------

  private backslash(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const d = s[i + 1];
    if (d === undefined || i + 1 >= end) {
      pushText(out, '\\');
      return i + 1;
    }
    if (d === '\\') {
      // `\\omega`: a doubly escaped macro
      let k = i + 2;
      while (k < end && isAsciiLetter(s[k])) k++;
      if (k > i + 2 && KNOWN.has(s.slice(i + 2, k))) return this.macro(i + 1, end, depth, ctx, out);
      pushText(out, ' ');
      return i + 2;
    }
    if ('%&$#_{}'.includes(d)) {
      pushText(out, d);
      return i + 2;
    }
    if ((d === '(' || d === '[') && !ctx.math) {
      const close = this.closingDelimiter(i + 2, end, d === '(' ? ')' : ']');
      if (close > i + 2 && s.slice(i + 2, close).trim()) {
        this.pushMath(i + 2, close, d === '[', depth, ctx, out);
        return close + 2;
      }
      pushText(out, d);
      return i + 2;
    }
    if (d === '(' || d === ')' || d === '[' || d === ']') {
      pushText(out, d);
      return i + 2;
    }
    if (d in SYMBOL_ACCENTS) return this.accent(i, end, depth, ctx, out);
    if (d === ',') {
      pushText(out, THIN);
      return i + 2;
    }
    if (d === ';' || d === ':' || d === '>' || d === ' ' || d === '\n' || d === '\t') {
      pushText(out, ' ');
      return i + 2;
    }
    if (d === '!' || d === '-' || d === '/' || d === '@') return i + 2;
    if (d === '|') {
      pushText(out, '‖');
      return i + 2;
    }
    if (isAsciiLetter(d)) return this.macro(i, end, depth, ctx, out);
    pushText(out, '\\');
    return i + 1;
  }

  private accent(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const a = s[i + 1] ?? '';
    const mark = SYMBOL_ACCENTS[a] ?? '';
    const p = i + 2;
    if (a === "'") {
      const two = s.slice(p, p + 2);
      const cp = CP1252[two];
      if (cp && !isDigit(s[p + 2])) {
        pushText(out, cp);
        return p + 2;
      }
      // `MLLM\'s`, `don\'t`: an escaped apostrophe, not an acute accent
      if (isLetter(s[i - 1])) {
        for (const suffix of ['s', 't', 'd', 'm', 're', 've', 'll']) {
          if (s.startsWith(suffix, p) && !isLetter(s[p + suffix.length])) {
            pushText(out, "'" + suffix);
            return p + suffix.length;
          }
        }
      }
    }
    if (a === '"') {
      const next = s[p];
      const accentable = isLetter(next) || next === '{' || (next === '\\' && (s[p + 1] === 'i' || s[p + 1] === 'j'));
      if (!accentable || (!isLetter(s[i - 1]) && this.escapedQuotePair(p))) {
        pushText(out, '"');
        return p;
      }
    }
    if (s[p] === '{') {
      const m = this.matchAt(p, end);
      if (m >= 0) {
        const raw = s.slice(p + 1, m);
        const base = accentBase(raw);
        if (base) pushText(out, compose(base, mark));
        else if (raw.trim() === '') pushText(out, a);
        else if (isLetter(raw[0])) {
          pushText(out, compose(raw[0] ?? '', mark));
          pushAll(out, this.seq(p + 2, m, depth + 1, ctx));
        } else {
          pushText(out, a);
          pushAll(out, this.seq(p + 1, m, depth + 1, ctx));
        }
        return m + 1;
      }
    }
    if (s[p] === '\\' && (s[p + 1] === 'i' || s[p + 1] === 'j') && !isAsciiLetter(s[p + 2])) {
      pushText(out, compose(s[p + 1] ?? '', mark));
      return p + 2;
    }
    if (p < end && isLetter(s[p])) {
      pushText(out, compose(s[p] ?? '', mark));
      return p + 1;
    }
    pushText(out, a);
    return p;
  }

  /** Is the `\"` before p the opening of a `\"quoted\"` pair (escaped quotes, not umlauts)? */
  private escapedQuotePair(p: number): boolean {
    const s = this.s;
    const limit = Math.min(this.n, p + 200);
    for (let q = s.indexOf('\\"', p); q >= 0 && q < limit; q = s.indexOf('\\"', q + 2)) {
      if (!isLetter(s[q + 2]) && s[q + 2] !== '{') return true;
    }
    return false;
  }

  private macro(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    let k = i + 1;
    while (k < end && isAsciiLetter(s[k])) k++;
    const name = s.slice(i + 1, k);
    if (s[k] === '*' && (name === 'operatorname' || name === 'footnote')) k++;

    // escapes from programming text: `"\n\n"`, `\d+`, `\u00e9`
    if (name === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(k, k + 4))) {
      const ch = codePointFromUnicodeArg('x' + s.slice(k, k + 4));
      if (ch) {
        pushText(out, ch);
        return k + 4;
      }
    }
    if (name in LETTER_ACCENTS) return this.letterAccent(i, name, k, end, depth, ctx, out);
    if ((name === 'n' || name === 't' || name === 'r') && s[k] !== '{') {
      pushText(out, '\\' + name);
      return k;
    }

    const sym = SYMBOLS[name];
    if (sym !== undefined) {
      pushText(out, sym);
      if (s[k] === '{' && s[k + 1] === '}') return k + 2;
      // `0.0226\textmu m`: TeX swallows the space after a unit symbol
      if (TIGHT_SYMBOLS.has(name) && s[k] === ' ' && isAsciiLetter(s[k + 1])) return k + 1;
      if ((name === 'left' || name === 'right' || name === 'middle') && s[k] === '.') return k + 1;
      return k;
    }
    const style = STYLE_ARG[name];
    if (style !== undefined) return this.styleArg(name, style, k, end, depth, ctx, out);
    const decl = DECLARATIONS[name];
    if (decl !== undefined) {
      let p = k;
      if (name === 'color') {
        p = this.skipOptArg(p, end);
        const a = this.readArg(p, end);
        if (a) p = a.next;
      }
      while (p < end && s[p] === ' ') p++;
      const children = this.seq(p, end, depth + 1, ctx);
      if (decl) out.push({ kind: 'element', tag: decl, children });
      else pushAll(out, children);
      return end;
    }
    if (name in MATH_ACCENTS) {
      const a = this.readArg(k, end);
      if (!a) return k;
      const raw = s.slice(a.start, a.end).trim();
      const base = accentBase(raw);
      if (base) pushText(out, compose(base, MATH_ACCENTS[name] ?? ''));
      else pushAll(out, this.seq(a.start, a.end, depth + 1, ctx));
      return a.next;
    }
    if (CITES.has(name) || REFS.has(name)) {
      const a = this.readArg(this.skipOptArg(this.skipOptArg(k, end), end), end);
      if (!a) return k;
      const keys = s.slice(a.start, a.end).split(',').map((x) => x.trim()).filter(Boolean).join(', ');
      if (keys) pushText(out, CITES.has(name) ? `[${keys}]` : keys);
      return a.next;
    }
    if (DROP_WITH_ARG.has(name)) {
      const a = this.readArg(this.skipOptArg(k, end), end);
      return a ? a.next : k;
    }
    switch (name) {
      case 'url': {
        const a = this.readArg(k, end);
        if (!a) return this.skipBrokenBrace(k, end);
        const raw = unescapeUrl(s.slice(a.start, a.end));
        if (ctx.links && isHttpUrl(raw)) out.push({ kind: 'link', href: raw, children: [{ kind: 'text', text: raw }], explicit: false });
        else pushText(out, raw);
        return a.next;
      }
      case 'href':
      case 'hyperlink': {
        const a1 = this.readArg(k, end);
        if (!a1) return this.skipBrokenBrace(k, end);
        let a2 = this.readArg(a1.next, end);
        let target = a1;
        let raw = unescapeUrl(s.slice(a1.start, a1.end));
        if (a2 && !isHttpUrl(raw)) {
          // `\href{this link}{http://...}`: the arguments were swapped
          const other = unescapeUrl(s.slice(a2.start, a2.end));
          if (isHttpUrl(other)) [raw, target, a2] = [other, a2, a1];
        }
        const children = a2 ? this.seq(a2.start, a2.end, depth + 1, { ...ctx, links: false }) : [{ kind: 'text' as const, text: raw }];
        if (ctx.links && isHttpUrl(raw)) out.push({ kind: 'link', href: raw, children, explicit: a2 !== null });
        else pushAll(out, children);
        return Math.max(target.next, a2?.next ?? 0);
      }
      case 'textcolor':
      case 'colorbox':
      case 'fcolorbox': {
        let p = this.skipOptArg(k, end);
        for (let n = name === 'fcolorbox' ? 2 : 1; n > 0; n--) {
          const c = this.readArg(p, end);
          if (!c) return p;
          p = c.next;
        }
        const a = this.readArg(p, end);
        if (!a) return p;
        pushAll(out, this.seq(a.start, a.end, depth + 1, ctx));
        return a.next;
      }
      case 'footnote': {
        const a = this.readArg(this.skipOptArg(k, end), end);
        if (!a) {
          // `field\footnote{Code at https://...` that never closes: keep the text readable
          const p = this.skipBrokenBrace(k, end);
          if (p > k) pushText(out, ' ');
          return p;
        }
        pushText(out, ' (');
        pushAll(out, this.seq(a.start, a.end, depth + 1, ctx));
        pushText(out, ')');
        return a.next;
      }
      case 'unicode': {
        const a = this.readArg(k, end);
        const ch = a ? codePointFromUnicodeArg(s.slice(a.start, a.end)) : null;
        if (!a || !ch) break;
        pushText(out, ch);
        return a.next;
      }
      case 'frac':
      case 'dfrac':
      case 'tfrac': {
        const a1 = this.readArg(k, end);
        const a2 = a1 ? this.readArg(a1.next, end) : null;
        if (!a1 || !a2) return k;
        const part = (a: Arg): void => {
          const simple = /^\s*(?:[A-Za-z0-9.]+|\\[A-Za-z]+)\s*$/.test(s.slice(a.start, a.end));
          if (!simple) pushText(out, '(');
          pushAll(out, this.seq(a.start, a.end, depth + 1, ctx));
          if (!simple) pushText(out, ')');
        };
        part(a1);
        pushText(out, '/');
        part(a2);
        return a2.next;
      }
      case 'sqrt': {
        const a = this.readArg(this.skipOptArg(k, end), end);
        if (!a) {
          pushText(out, '√');
          return k;
        }
        const simple = /^\s*(?:[A-Za-z0-9.]|\\[A-Za-z]+)\s*$/.test(s.slice(a.start, a.end));
        pushText(out, simple ? '√' : '√(');
        pushAll(out, this.seq(a.start, a.end, depth + 1, ctx));
        if (!simple) pushText(out, ')');
        return a.next;
      }
      case 'SI': {
        const a1 = this.readArg(this.skipOptArg(k, end), end);
        const a2 = a1 ? this.readArg(a1.next, end) : null;
        if (!a1 || !a2) return k;
        pushAll(out, this.seq(a1.start, a1.end, depth + 1, ctx));
        pushText(out, NBSP);
        pushAll(out, this.seq(a2.start, a2.end, depth + 1, ctx));
        return a2.next;
      }
      default:
        break;
    }
    // an unknown macro (an unexpanded project name such as \tool): keep it visible
    out.push({ kind: 'macro', name });
    if (s[k] === '{' && s[k + 1] === '}') return k + 2;
    return k;
  }

  /** After a macro whose `{` never closes (`\href{https://x.org.`, `\textbf{x.`), skip that `{`. */
  private skipBrokenBrace(k: number, end: number): number {
    let p = k;
    while (p < end && this.s[p] === ' ') p++;
    return this.s[p] === '{' ? p + 1 : k;
  }

  private styleArg(name: string, tag: Tag | '', k: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const a = this.readArg(k, end);
    if (!a) {
      // `\mathbf x` in math takes one character; elsewhere a style without argument is dropped
      if (ctx.math && isAlnum(s[k])) {
        if (tag) out.push({ kind: 'element', tag, children: [{ kind: 'text', text: s[k] ?? '' }] });
        else pushText(out, styledLetters(name, s[k] ?? '') ?? s[k] ?? '');
        return k + 1;
      }
      return this.skipBrokenBrace(k, end);
    }
    if (name in ALPHABETS) {
      const raw = s.slice(a.start, a.end);
      if (/^[A-Za-z0-9 ]+$/.test(raw)) {
        pushText(out, styledLetters(name, raw) ?? raw);
        return a.next;
      }
    }
    let inner: ParseContext = tag === 'code' ? { ...ctx, code: true } : ctx;
    if (inner.math && TEXT_SWITCH.has(name)) inner = { ...inner, math: false };
    const children = this.seq(a.start, a.end, depth + 1, inner);
    if (tag) out.push({ kind: 'element', tag, children });
    else pushAll(out, children);
    return a.next;
  }

  private letterAccent(i: number, name: string, k: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const s = this.s;
    const mark = LETTER_ACCENTS[name] ?? '';
    if (s[k] === '{') {
      const m = this.matchAt(k, end);
      if (m >= 0) {
        const raw = s.slice(k + 1, m);
        // `\r{ho}`, `\b{eta}`: Greek letters whose macro got split by an accent
        const greek = /^[a-z]+$/.test(raw) ? GREEK[name + raw] : undefined;
        if (greek) {
          pushText(out, greek);
          return m + 1;
        }
        const base = accentBase(raw);
        if (base) pushText(out, compose(base, mark));
        else if (isLetter(raw[0])) {
          pushText(out, compose(raw[0] ?? '', mark));
          pushAll(out, this.seq(k + 2, m, depth + 1, ctx));
        } else pushAll(out, this.seq(k + 1, m, depth + 1, ctx));
        return m + 1;
      }
    }
    // `\v s`, `\c c`: the argument after a space
    let p = k;
    while (p < end && s[p] === ' ') p++;
    if (p > k && p < end && isLetter(s[p])) {
      pushText(out, compose(s[p] ?? '', mark));
      return p + 1;
    }
    // not an accent after all (`\d+`, `\t`): literal text
    pushText(out, '\\' + name);
    return k;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** The single character an accent applies to (`o`, ` o `, `\i`), or null. */
function accentBase(raw: string): string | null {
  const t = raw.trim();
  if (t === '\\i') return 'i';
  if (t === '\\j') return 'j';
  const chars = [...t];
  if (chars.length === 1 && isLetter(chars[0])) return chars[0] ?? null;
  return null;
}

/** Script content that is a word which lost its backslash: `_{tau}` → τ, `^top` → ⊤. */
function scriptWord(t: string, op: string | undefined): string | undefined {
  if (op === '^' && t === 'top') return '⊤';
  if (t === 'infty') return '∞';
  if (t.length >= 2 && LOST_SCRIPT_BASES.has(t)) return SYMBOLS[t];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// KaTeX

const katexCache = new Map<string, string | null>();
const KATEX_CACHE_MAX = 20_000;

/** Make digest math palatable to KaTeX: `%` is not a comment here, `\unicode{}` and `\\omega` are fixed. */
function prepareTex(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; ) {
    const c = tex[i] ?? '';
    if (c === '%') {
      out += '\\%';
      i++;
    } else if (c === '\\') {
      const rest = tex.slice(i + 1);
      const uni = /^unicode\s*\{([^{}]*)\}/.exec(rest);
      const dbl = /^\\([A-Za-z]+)/.exec(rest);
      if (uni) {
        const ch = codePointFromUnicodeArg(uni[1] ?? '');
        out += ch ? `\\text{${ch}}` : '?';
        i += 1 + uni[0].length;
      } else if (dbl && KNOWN.has(dbl[1] ?? '')) {
        out += '\\';
        i += 2;
      } else {
        out += tex.slice(i, i + 2);
        i += 2;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function renderMath(tex: string, display: boolean): string | null {
  const key = (display ? 'D:' : 'I:') + tex;
  const hit = katexCache.get(key);
  if (hit !== undefined) return hit;
  let html: string | null;
  try {
    html = katex.renderToString(prepareTex(tex), {
      displayMode: display,
      // MathML alone: rendered natively by current browsers (no KaTeX CSS or fonts to ship), read by screen readers.
      output: 'mathml',
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxExpand: 200,
      maxSize: 20,
    });
  } catch {
    html = null;
  }
  if (katexCache.size >= KATEX_CACHE_MAX) katexCache.clear();
  katexCache.set(key, html);
  return html;
}

// ---------------------------------------------------------------------------------------------
// Serializers

const HTML_ESCAPES: Record<string, string> = dict({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });
const HTML_SPECIAL = /[&<>"']/;
function escapeHtml(s: string): string {
  return HTML_SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : s;
}

const MATH_CTX: ParseContext = { math: true, links: false, script: false, code: false };

function mathNodes(tex: string): TreeNode[] {
  return new Parser(tex).parse(MATH_CTX);
}

function toHtml(nodes: TreeNode[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += escapeHtml(n.text);
        break;
      case 'element': {
        const inner = toHtml(n.children);
        if (inner) out += `<${n.tag}>${inner}</${n.tag}>`;
        break;
      }
      case 'link':
        out += `<a href="${escapeHtml(n.href)}" rel="nofollow noopener">${toHtml(n.children) || escapeHtml(n.href)}</a>`;
        break;
      case 'math':
        out += renderMath(n.tex, n.display) ?? toHtml(mathNodes(n.tex));
        break;
      case 'macro':
        out += `<span class="macro">${escapeHtml(n.name)}</span>`;
        break;
    }
  }
  return out;
}

function scriptPlain(inner: string, tag: 'sup' | 'sub'): string {
  if (!inner) return '';
  const map = tag === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  let mapped = '';
  for (const c of inner) {
    const m = map[c];
    if (m === undefined) {
      mapped = '';
      break;
    }
    mapped += m;
  }
  if (mapped) return mapped;
  const op = tag === 'sup' ? '^' : '_';
  return [...inner].length === 1 || /^[\p{L}\p{N}*′]+$/u.test(inner) ? op + inner : `${op}(${inner})`;
}

function toPlain(nodes: TreeNode[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += n.text;
        break;
      case 'element':
        out += n.tag === 'sup' || n.tag === 'sub' ? scriptPlain(toPlain(n.children).trim(), n.tag) : toPlain(n.children);
        break;
      case 'link': {
        const text = toPlain(n.children);
        out += n.explicit && text.trim() !== n.href ? `${text} (${n.href})` : text;
        break;
      }
      case 'math':
        out += toPlain(mathNodes(n.tex));
        break;
      case 'macro':
        out += n.name;
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * A small memo per function: a build renders the same title or abstract on many pages (a paper is listed on
 * the pages of its terms, topic and digests), and parsing is the costly part. Cleared when full.
 */
function memoized(fn: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= 50_000) memo.clear();
      out = fn(text);
      memo.set(text, out);
    }
    return out;
  };
}

const renderWithLinks = memoized((text) => render(text, true));
const renderWithoutLinks = memoized((text) => render(text, false));

/** Render digest text (title or abstract) as safe HTML: LaTeX leftovers typeset, math via KaTeX, URLs linked; everything else escaped. */
export function renderText(text: string, options: RenderTextOptions = {}): string {
  const src = typeof text === 'string' ? text : String(text ?? '');
  return (options.links ?? true) ? renderWithLinks(src) : renderWithoutLinks(src);
}

function render(src: string, links: boolean): string {
  try {
    const ctx: ParseContext = { math: false, links, script: false, code: false };
    return toHtml(new Parser(src).parse(ctx));
  } catch {
    return escapeHtml(src);
  }
}

/** Convert digest text to plain Unicode text (no markup, not HTML-escaped) for titles, meta descriptions, search data, JSON and RSS. */
export function plainText(text: string): string {
  return plainMemo(typeof text === 'string' ? text : String(text ?? ''));
}

const plainMemo = memoized((src) => {
  try {
    const ctx: ParseContext = { math: false, links: true, script: false, code: false };
    const plain = toPlain(new Parser(src).parse(ctx));
    return (/[^\S ]| {2}/.test(plain) ? plain.replace(/\s+/g, ' ') : plain).trim();
  } catch {
    return src.replace(/\s+/g, ' ').trim();
  }
});
