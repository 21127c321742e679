/** Style macros: `\textbf{}`-like arguments, `{\em ...}`-like declarations and styled alphabets (`\mathbb{R}` → ℝ). */
import { isAlnum } from './chars';
import type { MacroCall } from './macros';
import type { ParseContext } from './parser';
import { ALPHABETS, DECLARATIONS, STYLE_ARG, TEXT_SWITCH } from './tables';
import { pushAll, pushText } from './tree';

/** `\textbf{x}`, `\emph{x}`, `\mathbb{R}`: the argument wrapped in the macro's tag (or as is, or in a styled alphabet). */
export function styleArg({ parser, name, after: k, end, depth, ctx, out }: MacroCall): number {
  const src = parser.src;
  const tag = STYLE_ARG[name] ?? '';
  const a = parser.readArg(k, end);
  if (!a) {
    // `\mathbf x` in math takes one character; elsewhere a style without argument is dropped
    if (ctx.math && isAlnum(src[k])) {
      if (tag) out.push({ kind: 'element', tag, children: [{ kind: 'text', text: src[k] ?? '' }] });
      else pushText(out, styledLetters(name, src[k] ?? '') ?? src[k] ?? '');
      return k + 1;
    }
    return parser.skipBrokenBrace(k, end);
  }
  if (name in ALPHABETS) {
    const raw = src.slice(a.start, a.end);
    if (/^[A-Za-z0-9 ]+$/.test(raw)) {
      pushText(out, styledLetters(name, raw) ?? raw);
      return a.next;
    }
  }
  let inner: ParseContext = tag === 'code' ? { ...ctx, code: true } : ctx;
  if (inner.math && TEXT_SWITCH.has(name)) inner = { ...inner, math: false };
  const children = parser.parseSpan(a.start, a.end, depth + 1, inner);
  if (tag) out.push({ kind: 'element', tag, children });
  else pushAll(out, children);
  return a.next;
}

/** `\em`, `\bfseries`, `\color{red}`: the rest of the enclosing group in the declared style. */
export function declaration({ parser, name, after, end, depth, ctx, out }: MacroCall): number {
  const tag = DECLARATIONS[name] ?? '';
  let p = after;
  if (name === 'color') {
    p = parser.skipOptArg(p, end);
    const color = parser.readArg(p, end);
    if (color) p = color.next;
  }
  while (p < end && parser.src[p] === ' ') p++;
  const children = parser.parseSpan(p, end, depth + 1, ctx);
  if (tag) out.push({ kind: 'element', tag, children });
  else pushAll(out, children);
  return end;
}

/** Letters in a styled Unicode alphabet (`\mathbb{R}` → ℝ, `\mathcal{K}` → 𝒦), or null for another macro. */
export function styledLetters(alphabet: string, raw: string): string | null {
  const spec = ALPHABETS[alphabet];
  if (!spec) return null;
  const [capitalA, smallA, digitZero, exceptions] = spec;
  let out = '';
  for (const c of raw) {
    if (c === ' ') continue;
    const special = exceptions[c];
    if (special) out += special;
    else if (c >= 'A' && c <= 'Z') out += String.fromCodePoint(capitalA + c.charCodeAt(0) - 65);
    else if (c >= 'a' && c <= 'z') out += String.fromCodePoint(smallA + c.charCodeAt(0) - 97);
    else if (c >= '0' && c <= '9' && digitZero) out += String.fromCodePoint(digitZero + c.charCodeAt(0) - 48);
    else out += c;
  }
  return out;
}
