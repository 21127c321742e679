/** What follows a backslash: an escaped special (`\%`), math delimiters, an accent, TeX spacing, or a macro name. */
import { isAsciiLetter } from './chars';
import { accent } from './accents';
import { closingDelimiter, pushMath } from './math-spans';
import { KNOWN, macro } from './macros';
import type { ParseContext, Parser } from './parser';
import { SYMBOL_ACCENTS, THIN } from './tables';
import { pushText, type TreeNode } from './tree';

/** The backslash at i and what follows it; returns the index after the construct. */
export function backslash(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  const escaped = src[i + 1];
  if (escaped === undefined || i + 1 >= end) {
    pushText(out, '\\');
    return i + 1;
  }
  if (escaped === '\\') {
    // `\\omega`: a doubly escaped macro
    let k = i + 2;
    while (k < end && isAsciiLetter(src[k])) k++;
    if (k > i + 2 && KNOWN.has(src.slice(i + 2, k))) return macro(parser, i + 1, end, depth, ctx, out);
    pushText(out, ' ');
    return i + 2;
  }
  if ('%&$#_{}'.includes(escaped)) {
    pushText(out, escaped);
    return i + 2;
  }
  if ((escaped === '(' || escaped === '[') && !ctx.math) {
    const close = closingDelimiter(parser, i + 2, end, escaped === '(' ? ')' : ']');
    if (close > i + 2 && src.slice(i + 2, close).trim()) {
      pushMath(parser, i + 2, close, escaped === '[', depth, ctx, out);
      return close + 2;
    }
    pushText(out, escaped);
    return i + 2;
  }
  if (escaped === '(' || escaped === ')' || escaped === '[' || escaped === ']') {
    pushText(out, escaped);
    return i + 2;
  }
  if (escaped in SYMBOL_ACCENTS) return accent(parser, i, end, depth, ctx, out);
  if (escaped === ',') {
    pushText(out, THIN);
    return i + 2;
  }
  if (escaped === ';' || escaped === ':' || escaped === '>' || escaped === ' ' || escaped === '\n' || escaped === '\t') {
    pushText(out, ' ');
    return i + 2;
  }
  if (escaped === '!' || escaped === '-' || escaped === '/' || escaped === '@') return i + 2;
  if (escaped === '|') {
    pushText(out, '‖');
    return i + 2;
  }
  if (isAsciiLetter(escaped)) return macro(parser, i, end, depth, ctx, out);
  pushText(out, '\\');
  return i + 1;
}
