/** Character classes of the typography parser (ASCII letters and digits, any letter, TeX spaces) and `\unicode` code points. */
import { NBSP } from './tables';

/** Is the UTF-16 code an ASCII letter? */
export function isAsciiLetterCode(x: number): boolean {
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
}
/** Is c an ASCII letter (the letters of TeX macro names)? */
export function isAsciiLetter(c: string | undefined): boolean {
  if (c === undefined || c.length === 0) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
}
/** Is c an ASCII digit? */
export function isDigit(c: string | undefined): boolean {
  if (c === undefined || c.length === 0) return false;
  const x = c.charCodeAt(0);
  return x >= 48 && x <= 57;
}
/** Is c an ASCII letter or digit? */
export function isAlnum(c: string | undefined): boolean {
  return isAsciiLetter(c) || isDigit(c);
}
/** Is c a character of a programming identifier (`snake_case`)? */
export function isIdentChar(c: string | undefined): boolean {
  return isAlnum(c) || c === '_';
}
const LETTER_RE = /\p{L}/u;
/** Is c a letter of any script (an accent can apply to it)? */
export function isLetter(c: string | undefined): boolean {
  if (c === undefined || c.length === 0) return false;
  return isAsciiLetter(c) || (c.charCodeAt(0) > 127 && LETTER_RE.test(c));
}
/** Is c white space to TeX (no-break space included)? */
export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === NBSP;
}

/** The character of a `\unicode{x2013}` or `\u00e9` argument, or null when it is not a printable code point. */
export function codePointFromUnicodeArg(raw: string): string | null {
  const trimmed = raw.trim();
  const hex = /^(?:x|0x|U\+)([0-9a-fA-F]{1,6})$/.exec(trimmed) ?? null;
  const decimal = hex ? null : /^([0-9]{1,7})$/.exec(trimmed);
  const cp = hex?.[1] !== undefined ? parseInt(hex[1], 16) : decimal?.[1] !== undefined ? parseInt(decimal[1], 10) : NaN;
  if (!Number.isFinite(cp) || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return null;
  return String.fromCodePoint(cp);
}
