/** Accents: `\"o`, `\'{E}`, `\c{c}`, `\v s`, math accents such as `\tilde{O}`; escaped apostrophes and quotes that are not accents. */
import { isAsciiLetter, isDigit, isLetter } from './chars';
import type { MacroCall } from './macros';
import type { ParseContext, Parser } from './parser';
import { CP1252, GREEK, LETTER_ACCENTS, MATH_ACCENTS, SYMBOL_ACCENTS } from './tables';
import { pushAll, pushText, type TreeNode } from './tree';

/** `\"o`, `\'e`, `\^o` at i: a symbol accent; `\'92` a Windows-1252 quote; `MLLM\'s`, `\"quoted\"` no accent. */
export function accent(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  const a = src[i + 1] ?? '';
  const mark = SYMBOL_ACCENTS[a] ?? '';
  const p = i + 2;
  if (a === "'") {
    const two = src.slice(p, p + 2);
    const cp = CP1252[two];
    if (cp && !isDigit(src[p + 2])) {
      pushText(out, cp);
      return p + 2;
    }
    // `MLLM\'s`, `don\'t`: an escaped apostrophe, not an acute accent
    if (isLetter(src[i - 1])) {
      for (const suffix of ['s', 't', 'd', 'm', 're', 've', 'll']) {
        if (src.startsWith(suffix, p) && !isLetter(src[p + suffix.length])) {
          pushText(out, "'" + suffix);
          return p + suffix.length;
        }
      }
    }
  }
  if (a === '"') {
    const next = src[p];
    const accentable = isLetter(next) || next === '{' || (next === '\\' && (src[p + 1] === 'i' || src[p + 1] === 'j'));
    if (!accentable || (!isLetter(src[i - 1]) && escapedQuotePair(parser, p))) {
      pushText(out, '"');
      return p;
    }
  }
  if (src[p] === '{') {
    const m = parser.braceEnd(p, end);
    if (m >= 0) {
      const raw = src.slice(p + 1, m);
      const base = accentBase(raw);
      if (base) pushText(out, compose(base, mark));
      else if (raw.trim() === '') pushText(out, a);
      else if (isLetter(raw[0])) {
        pushText(out, compose(raw[0] ?? '', mark));
        pushAll(out, parser.parseSpan(p + 2, m, depth + 1, ctx));
      } else {
        pushText(out, a);
        pushAll(out, parser.parseSpan(p + 1, m, depth + 1, ctx));
      }
      return m + 1;
    }
  }
  if (src[p] === '\\' && (src[p + 1] === 'i' || src[p + 1] === 'j') && !isAsciiLetter(src[p + 2])) {
    pushText(out, compose(src[p + 1] ?? '', mark));
    return p + 2;
  }
  if (p < end && isLetter(src[p])) {
    pushText(out, compose(src[p] ?? '', mark));
    return p + 1;
  }
  pushText(out, a);
  return p;
}

/** Is the `\"` before p the opening of a `\"quoted\"` pair (escaped quotes, not umlauts)? */
export function escapedQuotePair(parser: Parser, p: number): boolean {
  const src = parser.src;
  const limit = Math.min(src.length, p + 200);
  for (let q = src.indexOf('\\"', p); q >= 0 && q < limit; q = src.indexOf('\\"', q + 2)) {
    if (!isLetter(src[q + 2]) && src[q + 2] !== '{') return true;
  }
  return false;
}

/** `\c{c}`, `\v s`, `\H{o}`: a letter accent; `\r{ho}` a split Greek letter; `\d+` (no letter) literal text. */
export function letterAccent({ parser, name, after: k, end, depth, ctx, out }: MacroCall): number {
  const src = parser.src;
  const mark = LETTER_ACCENTS[name] ?? '';
  if (src[k] === '{') {
    const m = parser.braceEnd(k, end);
    if (m >= 0) {
      const raw = src.slice(k + 1, m);
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
        pushAll(out, parser.parseSpan(k + 2, m, depth + 1, ctx));
      } else pushAll(out, parser.parseSpan(k + 1, m, depth + 1, ctx));
      return m + 1;
    }
  }
  // `\v s`, `\c c`: the argument after a space
  let p = k;
  while (p < end && src[p] === ' ') p++;
  if (p > k && p < end && isLetter(src[p])) {
    pushText(out, compose(src[p] ?? '', mark));
    return p + 1;
  }
  // not an accent after all (`\d+`, `\t`): literal text
  pushText(out, '\\' + name);
  return k;
}

/** `\tilde{O}`, `\hat{y}`: a math accent on one letter, else its argument as is. */
export function mathAccent({ parser, name, after, end, depth, ctx, out }: MacroCall): number {
  const arg = parser.readArg(after, end);
  if (!arg) return after;
  const base = accentBase(parser.src.slice(arg.start, arg.end).trim());
  if (base) pushText(out, compose(base, MATH_ACCENTS[name] ?? ''));
  else pushAll(out, parser.parseSpan(arg.start, arg.end, depth + 1, ctx));
  return arg.next;
}

/** The single character an accent applies to (`o`, ` o `, `\i`), or null. */
export function accentBase(raw: string): string | null {
  const t = raw.trim();
  if (t === '\\i') return 'i';
  if (t === '\\j') return 'j';
  const chars = [...t];
  if (chars.length === 1 && isLetter(chars[0])) return chars[0] ?? null;
  return null;
}

/** A base letter with a combining mark, composed (NFC); a dotless ı or ȷ takes its dot back. */
export function compose(base: string, mark: string): string {
  const b = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
  return (b + mark).normalize('NFC');
}
