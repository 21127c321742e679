/** Words the parser looks at twice: the starts of URLs, and math words that lost their backslash (`sim50\%`, `20times`). */
import { isAlnum, isAsciiLetter, isAsciiLetterCode, isDigit } from './chars';
import { urlAt } from './links';
import type { ParseContext, Parser } from './parser';
import { script } from './scripts';
import { LOST_SCRIPT_BASES, SYMBOLS } from './tables';
import { pushText, type TreeNode } from './tree';

/** Might the word [k, e) be a URL or a word that lost its backslash? (Cheap pre-check of `word`.) */
export function wordNeedsLook(parser: Parser, k: number, e: number): boolean {
  const src = parser.src;
  if (k > 0 && isAsciiLetterCode(src.charCodeAt(k - 1))) return false;
  const next = src.charCodeAt(e);
  if (next === 58 /* : */ || next === 46 /* . */) return e - k <= 11;
  if ((next >= 48 && next <= 57) || next === 94 || next === 95) return true;
  const prev = src.charCodeAt(k - 1);
  return (prev >= 48 && prev <= 57) || parser.lastScriptEnd === k;
}

/** The ASCII word at i: a URL, a math word that lost its backslash in mathematical company, or just the word. */
export function word(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  let k = i;
  while (k < end && isAsciiLetter(src[k])) k++;
  const w = src.slice(i, k);
  const prev = src[i - 1];
  if (!ctx.math && !isAsciiLetter(prev)) {
    // URLs
    if (!isAlnum(prev)) {
      if ((w === 'http' || w === 'https') && src.startsWith('://', k)) {
        const r = urlAt(parser, i, end, ctx, out, false);
        if (r > i) return r;
      } else if (
        (w === 'www' && src[k] === '.') ||
        (w === 'github' && src.startsWith('.com/', k)) ||
        (w === 'huggingface' && src.startsWith('.co/', k))
      ) {
        if (prev === undefined || !/[./@_\-]/.test(prev)) {
          const r = urlAt(parser, i, end, ctx, out, true);
          if (r > i) return r;
        }
      }
    }
    // words that lost their backslash, only in clearly mathematical company
    const next = src[k];
    if (w === 'sim' && isDigit(next) && simGuard(parser, k, end)) {
      pushText(out, '∼');
      return k;
    }
    if (w === 'approx' && (parser.lastScriptEnd === i || isDigit(prev) || isDigit(next))) {
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
      const r = script(parser, k, end, depth, ctx, true);
      if (r) {
        pushText(out, SYMBOLS[w] ?? w);
        out.push(r.node);
        parser.lastScriptEnd = r.end;
        return r.end;
      }
    }
  }
  pushText(out, w);
  return k;
}

/** `sim50\%`, `sim4.4 million`, `sim2K` yes; `sim2real` no. */
function simGuard(parser: Parser, k: number, end: number): boolean {
  const src = parser.src;
  let p = k;
  while (p < end && (isDigit(src[p]) || ((src[p] === '.' || src[p] === ',') && isDigit(src[p + 1])))) p++;
  const after = src[p];
  if (!isAsciiLetter(after)) return true;
  return 'KMBkx'.includes(after ?? '') && !isAsciiLetter(src[p + 1]);
}
