/** TeX ligatures of plain text: dashes (`--`, `---`), tildes (no-break spaces) and TeX quotes (``` ``...'' ```). */
import { isAlnum, isAsciiLetter, isDigit, isLetter, isSpace } from './chars';
import type { ParseContext, Parser } from './parser';
import { NBSP } from './tables';
import { pushText, type TreeNode } from './tree';

/** What a `~` at i stands for: a no-break space between words and in math, else (ranges, `(~21%`) a tilde. */
export function tilde(parser: Parser, i: number, ctx: ParseContext): string {
  if (ctx.math) return NBSP;
  const src = parser.src;
  const prev = src[i - 1];
  const next = src[i + 1];
  if (prev === undefined || next === undefined || isSpace(prev) || isSpace(next)) return '~';
  if (!(isLetter(prev) || isDigit(prev) || '.,;:)]}\'"'.includes(prev))) return '~';
  if (isDigit(next)) {
    // `1.36~3.58x`, `1M~60M`: a range, keep the tilde
    for (let p = i - 1; p >= 0 && p >= i - 12; p--) {
      const c = src[p];
      if (isDigit(c)) return '~';
      if (!(isAsciiLetter(c) || c === '.')) break;
    }
  }
  return NBSP;
}

/** A run of dashes at i: `--` en dash, `---` em dash, a minus in math and before a number in a script; kept in code. */
export function dash(parser: Parser, i: number, end: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  if (ctx.math) {
    pushText(out, '−');
    return i + 1;
  }
  let k = i;
  while (k < end && src[k] === '-') k++;
  const len = k - i;
  if (len === 1) {
    pushText(out, ctx.script && isDigit(src[k]) && !isAlnum(src[i - 1]) ? '−' : '-');
  } else if (ctx.code || len > 3) pushText(out, src.slice(i, k));
  else pushText(out, len === 2 ? '–' : '—');
  return k;
}

/** A quote character at i: TeX quotes that pair up become curly, `'` is a prime in math; others stay as typed. */
export function quote(parser: Parser, i: number, ctx: ParseContext, out: TreeNode[]): number {
  const c = parser.charAt(i);
  const paired = !ctx.code;
  if (c === '`') {
    if (paired && parser.src[i + 1] === '`' && parser.quoteOpen?.has(i)) {
      pushText(out, '“');
      return i + 2;
    }
    if (paired && parser.src[i + 1] === '`' && parser.quoteClose?.has(i)) {
      pushText(out, '”');
      return i + 2;
    }
    pushText(out, c);
    return i + 1;
  }
  if (c === "'") {
    if (paired && parser.quoteClose?.has(i)) {
      pushText(out, '”');
      return i + 2;
    }
    pushText(out, ctx.math ? '′' : c);
    return i + 1;
  }
  // '"': a straight quote closing a TeX opening quote (``lite-weight")
  if (paired && parser.quoteClose?.has(i)) {
    pushText(out, '”');
    return i + 1;
  }
  pushText(out, c);
  return i + 1;
}
