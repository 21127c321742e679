/**
 * The typography parser: one pass over digest text (linear time, bounded recursion) that builds the tree of
 * tree.ts. This file holds the source index (matching braces, paired TeX quotes), argument reading and the
 * dispatch on the next character; each construct lives in its own module (escapes, math spans, braces,
 * scripts, ligatures, words and links). Every character that is not part of a recognised construct ends up
 * in a text node.
 */
import { braceGroup } from './braces';
import { isAlnum, isAsciiLetterCode, isSpace } from './chars';
import { backslash } from './escapes';
import { dash, quote, tilde } from './ligatures';
import { dollar } from './math-spans';
import { script } from './scripts';
import { MAX_DEPTH, pushText, type TreeNode } from './tree';
import { word, wordNeedsLook } from './words';

/** Where the parser is: what the characters mean there. */
export interface ParseContext {
  /** Parsing math source (fallback / plain rendering of `$...$`): TeX script rules, no URLs. */
  readonly math: boolean;
  /** URLs may become links here. */
  readonly links: boolean;
  /** Inside a sub- or superscript. */
  readonly script: boolean;
  /** Inside `\texttt{}`: no dash or quote ligatures. */
  readonly code: boolean;
}

/** A `{argument}`: its content is [start, end), and `next` is the index after its `}`. */
export interface Arg {
  start: number;
  end: number;
  next: number;
}

/** TeX quotes (`` ``...'' ``) pair up only when both ends are near each other. */
const MAX_QUOTE_SPAN = 400;

/** A parser over one source string; `parse` gives its tree. The fields are shared with the construct modules. */
export class Parser {
  /** The source text. */
  readonly src: string;
  /** For each `{` that has one, the index of its matching `}`. */
  readonly closingBrace = new Map<number, number>();
  /** Positions of TeX opening quotes that pair up (null when there are none). */
  quoteOpen: Set<number> | null = null;
  /** Positions of the quotes that close them. */
  quoteClose: Set<number> | null = null;
  /** Where the last sub- or superscript ended (`Re_{tau}approx 180`: a lost `\approx` may follow). */
  lastScriptEnd = -1;

  constructor(src: string) {
    this.src = src;
    const length = src.length;
    const openBraces: number[] = [];
    let pendingQuote = -1;
    const pair = (open: number, close: number): void => {
      (this.quoteOpen ??= new Set()).add(open);
      (this.quoteClose ??= new Set()).add(close);
    };
    // one scan finds the matching braces and the TeX quote pairs
    for (let i = 0; i < length; ) {
      const c = src.charCodeAt(i);
      if (c === 92 /* backslash: skip the escaped character */) {
        i += 2;
        continue;
      }
      if (c === 123 /* { */) openBraces.push(i);
      else if (c === 125 /* } */) {
        const open = openBraces.pop();
        if (open !== undefined) this.closingBrace.set(open, i);
      } else if (c === 96 /* ` */ && src.charCodeAt(i + 1) === 96) {
        // a `` right after a word and before a non-word closes a pending ``...``
        if (pendingQuote >= 0 && i > 0 && !isSpace(src[i - 1]) && !isAlnum(src[i + 2]) && i - pendingQuote <= MAX_QUOTE_SPAN) {
          pair(pendingQuote, i);
          pendingQuote = -1;
        } else if (!isSpace(src[i + 2]) && src[i + 2] !== undefined && src[i + 2] !== '`') pendingQuote = i;
        i += 2;
        continue;
      } else if (c === 39 /* ' */ && src.charCodeAt(i + 1) === 39) {
        if (pendingQuote >= 0 && i - pendingQuote <= MAX_QUOTE_SPAN) pair(pendingQuote, i);
        pendingQuote = -1;
        i += 2;
        continue;
      } else if (c === 34 /* " */ && pendingQuote >= 0 && i - pendingQuote <= MAX_QUOTE_SPAN && !isSpace(src[i - 1])) {
        // ``lite-weight" : a TeX opening quote closed by a straight one
        pair(pendingQuote, i);
        pendingQuote = -1;
      }
      i++;
    }
  }

  /** Parse the whole string. */
  parse(ctx: ParseContext): TreeNode[] {
    return this.parseSpan(0, this.src.length, 0, ctx);
  }

  /** The character at i, or '' past the end. */
  charAt(i: number): string {
    return this.src[i] ?? '';
  }

  /** The index of the `}` matching the `{` at i when it comes before end, else -1. */
  braceEnd(i: number, end: number): number {
    const close = this.closingBrace.get(i) ?? -1;
    return close >= 0 && close < end ? close : -1;
  }

  /** The `{argument}` starting at p (after spaces), or null when there is none that closes before end. */
  readArg(p: number, end: number): Arg | null {
    let q = p;
    while (q < end && this.src[q] === ' ') q++;
    if (this.src[q] !== '{') return null;
    const close = this.braceEnd(q, end);
    if (close < 0) return null;
    return { start: q + 1, end: close, next: close + 1 };
  }

  /** The index after an `[optional argument]` at p (after spaces), or p when there is none. */
  skipOptArg(p: number, end: number): number {
    let q = p;
    while (q < end && this.src[q] === ' ') q++;
    if (this.src[q] !== '[') return p;
    const limit = Math.min(end, q + 200);
    for (let r = q + 1; r < limit; r++) if (this.src[r] === ']') return r + 1;
    return p;
  }

  /** After a macro whose `{` never closes (`\href{https://x.org.`, `\textbf{x.`), skip that `{`. */
  skipBrokenBrace(k: number, end: number): number {
    let p = k;
    while (p < end && this.src[p] === ' ') p++;
    return this.src[p] === '{' ? p + 1 : k;
  }

  /** Parse [start, end) into nodes. */
  parseSpan(start: number, end: number, depth: number, ctx: ParseContext): TreeNode[] {
    const out: TreeNode[] = [];
    if (depth > MAX_DEPTH) {
      pushText(out, this.src.slice(start, end));
      return out;
    }
    let i = start;
    while (i < end) {
      const next = this.step(i, end, depth, ctx, out);
      if (next > i) i = next;
      else {
        pushText(out, this.charAt(i));
        i++;
      }
    }
    return out;
  }

  /** Parse the construct at i into out; returns the index after it (i or less: the character is text). */
  private step(i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
    const src = this.src;
    const c = this.charAt(i);
    switch (c) {
      case '\\':
        return backslash(this, i, end, depth, ctx, out);
      case '$':
        return dollar(this, i, end, depth, ctx, out);
      case '{':
        return braceGroup(this, i, end, depth, ctx, out);
      case '^':
      case '_': {
        const found = ctx.code ? null : script(this, i, end, depth, ctx, false);
        if (found) {
          out.push(found.node);
          this.lastScriptEnd = found.end;
          return found.end;
        }
        pushText(out, c);
        return i + 1;
      }
      case '~':
        pushText(out, tilde(this, i, ctx));
        return i + 1;
      case '-':
        return dash(this, i, end, ctx, out);
      case '`':
      case "'":
      case '"':
        return quote(this, i, ctx, out);
      default:
        break;
    }
    // a run of characters without any meaning here, ordinary words included
    let k = i;
    while (k < end) {
      const x = src.charCodeAt(k);
      if (
        x === 92 || x === 36 || x === 123 || x === 125 || x === 94 || x === 95 || x === 126 ||
        x === 45 || x === 96 || x === 39 || x === 34
      ) break;
      if ((x >= 65 && x <= 90) || (x >= 97 && x <= 122)) {
        let e = k + 1;
        while (e < end && isAsciiLetterCode(src.charCodeAt(e))) e++;
        if (!ctx.math && wordNeedsLook(this, k, e)) break;
        k = e;
      } else k++;
    }
    if (k > i) {
      pushText(out, src.slice(i, k));
      return k;
    }
    return word(this, i, end, depth, ctx, out);
  }
}

/** Context of running text: URLs become links when `links` is true. */
export function textContext(links: boolean): ParseContext {
  return { math: false, links, script: false, code: false };
}

const MATH_CONTEXT: ParseContext = { math: true, links: false, script: false, code: false };

/** The tree of math source read as text (when KaTeX cannot render it, and for plain text). */
export function parseMath(tex: string): TreeNode[] {
  return new Parser(tex).parse(MATH_CONTEXT);
}
