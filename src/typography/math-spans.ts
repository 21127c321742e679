/** Math spans in text (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`): where they start and end, and which are really text or money. */
import { isDigit, isSpace } from './chars';
import type { ParseContext, Parser } from './parser';
import { pushAll, pushText, type TreeNode } from './tree';

/** Longest `$...$` span accepted as math. */
const MAX_MATH = 1000;

/** `$5 per month`-like openings: a number followed by an ordinary word is money, not math. */
const MONEY_RE = /^\d[\d.,]*\s+[a-z]{2,}/;

/** The `$` at i: an inline or display math span, math that is really text, or a literal `$` (money, unpaired). */
export function dollar(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  if (ctx.math) {
    pushText(out, '$');
    return i + 1;
  }
  if (src[i + 1] === '$') {
    const j = closingDollar(parser, i + 2, end, true);
    if (j >= 0 && src.slice(i + 2, j).trim()) {
      pushMath(parser, i + 2, j, true, depth, ctx, out);
      return j + 2;
    }
    pushText(out, '$');
    return i + 1;
  }
  const j = closingDollar(parser, i + 1, end, false);
  const first = src[i + 1];
  if (
    j > i + 1 &&
    first !== undefined && !isSpace(first) && !isSpace(src[j - 1]) &&
    !(isDigit(first) && isDigit(src[j + 1])) &&
    !MONEY_RE.test(src.slice(i + 1, Math.min(j, i + 40)))
  ) {
    pushMath(parser, i + 1, j, false, depth, ctx, out);
    return j + 1;
  }
  pushText(out, '$');
  return i + 1;
}

/**
 * The `$` (or `$$` when display) that closes math opened just before p, or -1. Brace groups
 * are skipped whole, so `$\textbf{H$^3$DP}$` pairs its outer dollars.
 */
function closingDollar(parser: Parser, p: number, end: number, display: boolean): number {
  const src = parser.src;
  const limit = Math.min(end, p + (display ? 2 * MAX_MATH : MAX_MATH) + 1);
  let k = p;
  while (k < limit) {
    const c = src.charCodeAt(k);
    if (c === 92 /* backslash */) k += 2;
    else if (c === 123 /* { */) {
      const m = parser.braceEnd(k, end);
      k = m >= 0 ? m + 1 : k + 1;
    } else if (c === 36 /* $ */) {
      if (!display) return k;
      return src[k + 1] === '$' && k + 1 < end ? k : -1;
    } else k++;
  }
  return -1;
}

/** The `\)` or `\]` (index of its backslash) closing math opened before p, or -1. */
export function closingDelimiter(parser: Parser, p: number, end: number, close: string): number {
  const src = parser.src;
  const limit = Math.min(end - 1, p + MAX_MATH);
  for (let k = p; k < limit; ) {
    if (src.charCodeAt(k) === 92) {
      if (src[k + 1] === close) return k;
      k += 2;
    } else k++;
  }
  return -1;
}

/** The span [start, end) as a math node, or parsed as text when it is really text. */
export function pushMath(parser: Parser, start: number, end: number, display: boolean, depth: number, ctx: ParseContext, out: TreeNode[]): void {
  const tex = parser.src.slice(start, end);
  if (isTextLikeMath(parser, tex, start)) {
    pushAll(out, parser.parseSpan(start, end, depth + 1, ctx));
    return;
  }
  out.push({ kind: 'math', tex, display });
}

/** Math spans that are really text: links, `\unicode` dashes, bare numbers, one `\textbf{...}`. */
function isTextLikeMath(parser: Parser, tex: string, start: number): boolean {
  if (/\\(?:href|url|hyperlink)(?![A-Za-z])|https?:\/\//.test(tex)) return true;
  if (/^(?:\s*\\unicode\s*\{[^{}]*\})+\s*$/.test(tex)) return true;
  if (/^\s*\d[\d.,]*\s*(?:\\?%)?\s*$/.test(tex)) return true;
  const m = /^\s*\\(?:textbf|textit|texttt|text|textrm|textsf|textsc|emph|mathrm|mathbf|mathtt|mathit|mathsf|operatorname|underline)\s*\{/.exec(tex);
  if (m) {
    const open = start + m[0].length - 1;
    const close = parser.closingBrace.get(open) ?? -1;
    const rest = tex.slice(close - start + 1);
    const inner = tex.slice(m[0].length, close - start);
    return close >= 0 && rest.trim() === '' && !/(?<!\\)[\^_]/.test(inner);
  }
  return false;
}
