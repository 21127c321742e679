/** Sub- and superscripts (`x^{-1}`, `F_1`, `nu^2`), and when `^` or `_` is not one (`t_max`, `snake_case`). */
import { isAlnum, isAsciiLetter, isDigit, isIdentChar, isSpace } from './chars';
import { backslash } from './escapes';
import type { ParseContext, Parser } from './parser';
import { DECLARATIONS, LOST_SCRIPT_BASES, SYMBOLS } from './tables';
import { MAX_DEPTH, type Tag, type TreeNode } from './tree';

/** A sub- or superscript found: its node and the index after it. */
export interface ScriptFound {
  node: TreeNode;
  end: number;
}

/** A script starting at the `^`/`_` at i, or null when it is not one. */
export function script(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, lostBase: boolean): ScriptFound | null {
  const src = parser.src;
  const op = src[i];
  const tag: Tag = op === '^' ? 'sup' : 'sub';
  const j = i + 1;
  if (j >= end || depth >= MAX_DEPTH) return null;
  const prev = src[i - 1];
  if (!ctx.math && (prev === undefined || isSpace(prev) || '([{^_'.includes(prev))) return null;
  const sctx: ParseContext = { ...ctx, script: true };
  const c = src[j] ?? '';
  const el = (children: TreeNode[]): TreeNode => ({ kind: 'element', tag, children });
  const txt = (text: string): TreeNode[] => [{ kind: 'text', text }];

  if (c === '{') {
    const m = parser.braceEnd(j, end);
    if (m < 0) return null;
    const t = src.slice(j + 1, m).trim();
    if (!t) return null;
    if (op === '^' && (t === '\\circ' || t === 'circ')) return { node: { kind: 'text', text: '°' }, end: m + 1 };
    const sym = scriptWord(t, op);
    if (sym) return { node: el(txt(sym)), end: m + 1 };
    return { node: el(parser.parseSpan(j + 1, m, depth + 1, sctx)), end: m + 1 };
  }
  if (c === '\\') {
    let k = j + 1;
    while (k < end && isAsciiLetter(src[k])) k++;
    const name = src.slice(j + 1, k);
    if (name in DECLARATIONS) return null;
    if (op === '^' && name === 'circ') return { node: { kind: 'text', text: '°' }, end: k };
    const tmp: TreeNode[] = [];
    const e = backslash(parser, j, end, depth + 1, sctx, tmp);
    if (tmp.length === 0 || e <= j) return null;
    return { node: el(tmp), end: e };
  }
  if (isDigit(c)) {
    let k = j + 1;
    if (!ctx.math) while (k < end && isDigit(src[k]) && k - j < 12) k++;
    if (!ctx.math && op === '_' && (isIdentChar(src[k]) || !subBaseOk(parser, i, lostBase))) return null;
    return { node: el(txt(src.slice(j, k))), end: k };
  }
  if (!ctx.math && op === '^' && (c === '-' || c === '+' || c === '−') && isDigit(src[j + 1])) {
    let k = j + 1;
    while (k < end && isDigit(src[k]) && k - j < 12) k++;
    return { node: el(txt((c === '+' ? '+' : '−') + src.slice(j + 1, k))), end: k };
  }
  if (!ctx.math && op === '^' && c === '(') {
    const m = /^\(([-+−]?)(\d{1,12})\)/.exec(src.slice(j, Math.min(end, j + 16)));
    if (m) return { node: el(txt((m[1] ? (m[1] === '+' ? '+' : '−') : '') + (m[2] ?? ''))), end: j + m[0].length };
    return null;
  }
  if (isAsciiLetter(c)) {
    let k = j;
    while (k < end && isAsciiLetter(src[k])) k++;
    const sym = scriptWord(src.slice(j, k), op);
    if (sym && !isAlnum(src[k])) return { node: el(txt(sym)), end: k };
    if (ctx.math) return { node: el(txt(c)), end: j + 1 };
    if (k - j !== 1 || isIdentChar(src[k])) return null;
    if (op === '_' && !subBaseOk(parser, i, lostBase)) return null;
    return { node: el(txt(c)), end: k };
  }
  if (c === '*' && (ctx.math || op === '^')) return { node: el(txt('*')), end: j + 1 };
  if (ctx.math && c !== '' && !isSpace(c) && c !== '}' && c !== '$') {
    const cp = src.codePointAt(j) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    return { node: el(txt(src.slice(j, j + len))), end: j + len };
  }
  return null;
}

/** May the word before the `_` at i take an unbraced subscript (`F_1`, `p_d`, not `t_max`, `my_var_x`)? */
function subBaseOk(parser: Parser, i: number, lostBase: boolean): boolean {
  if (lostBase) return true;
  const src = parser.src;
  let b = i;
  while (b > 0 && isAlnum(src[b - 1]) && i - b < 40) b--;
  const len = i - b;
  if (len === 0) return src[i - 1] === '}' || src[i - 1] === ')';
  const before = src[b - 1];
  if (before === '\\') return true; // \ell_1, \varepsilon_2
  if (before === '_' || before === '/' || before === '.' || before === '-') return false;
  return len <= 2;
}

/** Script content that is a word which lost its backslash: `_{tau}` → τ, `^top` → ⊤. */
function scriptWord(t: string, op: string | undefined): string | undefined {
  if (op === '^' && t === 'top') return '⊤';
  if (t === 'infty') return '∞';
  if (t.length >= 2 && LOST_SCRIPT_BASES.has(t)) return SYMBOLS[t];
  return undefined;
}
