/** Brace groups: `{...}` around words is dropped, `{Austin, Dallas}` kept, `64{times}64` read as a lost macro. */
import { isAlnum, isDigit } from './chars';
import type { ParseContext, Parser } from './parser';
import { SYMBOLS } from './tables';
import { MAX_DEPTH, pushAll, pushText, type TreeNode } from './tree';

/** The `{` at i: a group parsed in place, a set that keeps its braces, a lost symbol macro, or a stray `{`. */
export function braceGroup(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  const m = parser.braceEnd(i, end);
  if (m < 0 || depth >= MAX_DEPTH) {
    pushText(out, '{');
    return i + 1;
  }
  const raw = src.slice(i + 1, m);
  if (raw === '') return m + 1;
  if (raw === ',') {
    pushText(out, ',');
    return m + 1;
  }
  if (!ctx.math) {
    // `64{times}64`, `D{to}infty`: a symbol macro that lost its backslash but kept its braces
    const lost = /^[a-zA-Z]{2,}$/.test(raw) ? SYMBOLS[raw] : undefined;
    if (lost && !/^[A-Za-z ]*$/.test(lost) && (isDigit(src[i - 1]) || isDigit(src[m + 1]) || (isAlnum(src[i - 1]) && isAlnum(src[m + 1])))) {
      pushText(out, lost);
      return m + 1;
    }
    // `{Austin, Dallas, Houston}`: a set written in prose keeps its braces
    if (raw.includes(',') && !raw.includes('\\') && !raw.includes('{')) {
      pushText(out, '{');
      pushAll(out, parser.parseSpan(i + 1, m, depth + 1, ctx));
      pushText(out, '}');
      return m + 1;
    }
  }
  pushAll(out, parser.parseSpan(i + 1, m, depth + 1, ctx));
  return m + 1;
}
