/**
 * Macros (`\name`): a table from macro name to handler, built from the tables of tables.ts and the handlers of
 * the construct modules. A macro without a handler (or whose handler declines) is an unexpanded project name
 * such as `\tool`, kept visible as a macro node.
 */
import { letterAccent, mathAccent } from './accents';
import { codePointFromUnicodeArg, isAsciiLetter } from './chars';
import { href, urlMacro } from './links';
import type { Arg, ParseContext, Parser } from './parser';
import { declaration, styleArg } from './styles';
import {
  CITES, DECLARATIONS, DROP_WITH_ARG, LETTER_ACCENTS, MATH_ACCENTS, NBSP, REFS, STYLE_ARG, SYMBOLS, TIGHT_SYMBOLS, dict,
} from './tables';
import { pushAll, pushText, type TreeNode } from './tree';

/** One macro in the source: its backslash at `start`, its name, `after` the index after the name, and the parse state. */
export interface MacroCall {
  readonly parser: Parser;
  readonly start: number;
  readonly name: string;
  readonly after: number;
  readonly end: number;
  readonly depth: number;
  readonly ctx: ParseContext;
  readonly out: TreeNode[];
}

/** Appends the nodes of one macro and returns the index after it, or null to show it as an unknown macro. */
export type MacroHandler = (call: MacroCall) => number | null;

/** `\alpha`, `\leq`, `\eg`: a fixed string. */
function symbol({ parser, name, after, out }: MacroCall): number {
  const src = parser.src;
  pushText(out, SYMBOLS[name] ?? '');
  if (src[after] === '{' && src[after + 1] === '}') return after + 2;
  // `0.0226\textmu m`: TeX swallows the space after a unit symbol
  if (TIGHT_SYMBOLS.has(name) && src[after] === ' ' && isAsciiLetter(src[after + 1])) return after + 1;
  if ((name === 'left' || name === 'right' || name === 'middle') && src[after] === '.') return after + 1;
  return after;
}

/** `\cite[p. 3]{a, b}` → [a, b]; `\ref{sec}` → sec. */
function citation({ parser, name, after, end, out }: MacroCall): number {
  const arg = parser.readArg(parser.skipOptArg(parser.skipOptArg(after, end), end), end);
  if (!arg) return after;
  const keys = parser.src.slice(arg.start, arg.end).split(',').map((x) => x.trim()).filter(Boolean).join(', ');
  if (keys) pushText(out, CITES.has(name) ? `[${keys}]` : keys);
  return arg.next;
}

/** `\label{x}`, `\vspace{2mm}`: nothing. */
function dropWithArg({ parser, after, end }: MacroCall): number {
  const arg = parser.readArg(parser.skipOptArg(after, end), end);
  return arg ? arg.next : after;
}

/** `\textcolor{red}{x}`, `\colorbox{c}{x}`, `\fcolorbox{a}{b}{x}`: the text without its colours. */
function colorBox({ parser, name, after, end, depth, ctx, out }: MacroCall): number {
  let p = parser.skipOptArg(after, end);
  for (let colors = name === 'fcolorbox' ? 2 : 1; colors > 0; colors--) {
    const color = parser.readArg(p, end);
    if (!color) return p;
    p = color.next;
  }
  const arg = parser.readArg(p, end);
  if (!arg) return p;
  pushAll(out, parser.parseSpan(arg.start, arg.end, depth + 1, ctx));
  return arg.next;
}

/** `\footnote{x}` → ` (x)`. */
function footnote({ parser, after, end, depth, ctx, out }: MacroCall): number {
  const arg = parser.readArg(parser.skipOptArg(after, end), end);
  if (!arg) {
    // `field\footnote{Code at https://...` that never closes: keep the text readable
    const p = parser.skipBrokenBrace(after, end);
    if (p > after) pushText(out, ' ');
    return p;
  }
  pushText(out, ' (');
  pushAll(out, parser.parseSpan(arg.start, arg.end, depth + 1, ctx));
  pushText(out, ')');
  return arg.next;
}

/** `\unicode{x2013}` → –; null (an unknown macro) when the argument is not a code point. */
function unicode({ parser, after, end, out }: MacroCall): number | null {
  const arg = parser.readArg(after, end);
  const ch = arg ? codePointFromUnicodeArg(parser.src.slice(arg.start, arg.end)) : null;
  if (!arg || !ch) return null;
  pushText(out, ch);
  return arg.next;
}

/** `\frac{a+b}{2}` → (a+b)/2. */
function fraction({ parser, after, end, depth, ctx, out }: MacroCall): number {
  const numerator = parser.readArg(after, end);
  const denominator = numerator ? parser.readArg(numerator.next, end) : null;
  if (!numerator || !denominator) return after;
  const part = (arg: Arg): void => {
    const simple = /^\s*(?:[A-Za-z0-9.]+|\\[A-Za-z]+)\s*$/.test(parser.src.slice(arg.start, arg.end));
    if (!simple) pushText(out, '(');
    pushAll(out, parser.parseSpan(arg.start, arg.end, depth + 1, ctx));
    if (!simple) pushText(out, ')');
  };
  part(numerator);
  pushText(out, '/');
  part(denominator);
  return denominator.next;
}

/** `\sqrt{x}` → √x, `\sqrt{a+b}` → √(a+b). */
function squareRoot({ parser, after, end, depth, ctx, out }: MacroCall): number {
  const arg = parser.readArg(parser.skipOptArg(after, end), end);
  if (!arg) {
    pushText(out, '√');
    return after;
  }
  const simple = /^\s*(?:[A-Za-z0-9.]|\\[A-Za-z]+)\s*$/.test(parser.src.slice(arg.start, arg.end));
  pushText(out, simple ? '√' : '√(');
  pushAll(out, parser.parseSpan(arg.start, arg.end, depth + 1, ctx));
  if (!simple) pushText(out, ')');
  return arg.next;
}

/** siunitx `\SI{5}{\kilo\meter}` → 5 km (no-break space). */
function siQuantity({ parser, after, end, depth, ctx, out }: MacroCall): number {
  const value = parser.readArg(parser.skipOptArg(after, end), end);
  const unit = value ? parser.readArg(value.next, end) : null;
  if (!value || !unit) return after;
  pushAll(out, parser.parseSpan(value.start, value.end, depth + 1, ctx));
  pushText(out, NBSP);
  pushAll(out, parser.parseSpan(unit.start, unit.end, depth + 1, ctx));
  return unit.next;
}

/** `\u00e9` from programming text → é; otherwise `\u` is the breve accent. */
function unicodeEscapeOrBreve(call: MacroCall): number | null {
  const { parser, after, out } = call;
  const hex = parser.src.slice(after, after + 4);
  if (/^[0-9a-fA-F]{4}$/.test(hex)) {
    const ch = codePointFromUnicodeArg('x' + hex);
    if (ch) {
      pushText(out, ch);
      return after + 4;
    }
  }
  return letterAccent(call);
}

/** `\n` outside a `{`: an escape of programming text (`"\n\n"`), kept literally. */
function newlineEscape({ parser, name, after, out }: MacroCall): number | null {
  if (parser.src[after] === '{') return null;
  pushText(out, '\\' + name);
  return after;
}

/** Macros with their own handler (not one of the tables of tables.ts). */
const SPECIAL: Record<string, MacroHandler> = dict({
  url: urlMacro, href, hyperlink: href,
  textcolor: colorBox, colorbox: colorBox, fcolorbox: colorBox,
  footnote, unicode,
  frac: fraction, dfrac: fraction, tfrac: fraction,
  sqrt: squareRoot, SI: siQuantity,
});

/** Every macro name with its handler; where tables overlap, the earlier entry wins. */
const MACROS: Record<string, MacroHandler> = dict({});
function register(names: Iterable<string>, handler: MacroHandler): void {
  for (const name of names) if (!(name in MACROS)) MACROS[name] = handler;
}
register(['u'], unicodeEscapeOrBreve);
register(Object.keys(LETTER_ACCENTS), letterAccent);
register(['n'], newlineEscape);
register(Object.keys(SYMBOLS), symbol);
register(Object.keys(STYLE_ARG), styleArg);
register(Object.keys(DECLARATIONS), declaration);
register(Object.keys(MATH_ACCENTS), mathAccent);
register([...CITES, ...REFS], citation);
register(DROP_WITH_ARG, dropWithArg);
for (const [name, handler] of Object.entries(SPECIAL)) register([name], handler);

/** Macro names that mean something even when doubly escaped (`\\omega` in a digest is `\omega`). */
export const KNOWN = new Set<string>([
  ...Object.keys(SYMBOLS), ...Object.keys(STYLE_ARG), ...Object.keys(DECLARATIONS),
  ...Object.keys(MATH_ACCENTS), ...CITES, ...REFS, ...DROP_WITH_ARG, ...Object.keys(SPECIAL),
]);

/** The macro whose backslash is at i: its handler's nodes, or a macro node for an unknown name. */
export function macro(parser: Parser, i: number, end: number, depth: number, ctx: ParseContext, out: TreeNode[]): number {
  const src = parser.src;
  let after = i + 1;
  while (after < end && isAsciiLetter(src[after])) after++;
  const name = src.slice(i + 1, after);
  if (src[after] === '*' && (name === 'operatorname' || name === 'footnote')) after++;
  const handler = MACROS[name];
  const next = handler ? handler({ parser, start: i, name, after, end, depth, ctx, out }) : null;
  if (next !== null) return next;
  // an unknown macro (an unexpanded project name such as \tool): keep it visible
  out.push({ kind: 'macro', name });
  if (src[after] === '{' && src[after + 1] === '}') return after + 2;
  return after;
}
