/** Links: bare URLs (`https://...`, `www.`, `github.com/`) and the `\url{}` and `\href{}{}` macros; only http(s) targets become links. */
import { isSpace } from './chars';
import type { MacroCall } from './macros';
import type { ParseContext, Parser } from './parser';
import { pushAll, pushText, type TreeNode } from './tree';

/** Is u an http(s) URL that may be a link target (no spaces, quotes or brackets that could break out)? */
export function isHttpUrl(u: string): boolean {
  return u.length < 2048 && /^https?:\/\/[A-Za-z0-9][^\s"<>`{}|\\^]*$/i.test(u);
}

/** A URL argument with TeX escapes undone (`a\_b` → a_b). */
export function unescapeUrl(raw: string): string {
  return raw.replace(/\\([_%#&~$])/g, '$1').trim();
}

/** Characters that end a URL in running text. */
const URL_STOP = new Set([' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`']);
/** Punctuation at the end of a URL that belongs to the sentence (`see https://a.org/x.`). */
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*']);

/**
 * The URL at i (`https://...`, or with `bare` a `www.`/`github.com/` address that gets `https://`): a link node
 * (or its text when links are off) and the index after it, or -1 when it is not a URL.
 */
export function urlAt(parser: Parser, i: number, end: number, ctx: ParseContext, out: TreeNode[], bare: boolean): number {
  const src = parser.src;
  let href = '';
  const ends: number[] = [];
  let j = i;
  while (j < end) {
    const c = src[j] ?? '';
    if (c === '\\' && '_%#&~$'.includes(src[j + 1] ?? '\0')) {
      href += src[j + 1];
      j += 2;
      ends.push(j);
      continue;
    }
    if (URL_STOP.has(c) || isSpace(c) || c.charCodeAt(0) > 126 || c.charCodeAt(0) < 33) break;
    href += c;
    j++;
    ends.push(j);
  }
  // drop trailing punctuation and unbalanced closing brackets
  for (;;) {
    const last = href[href.length - 1];
    if (last === undefined) break;
    let drop = URL_TRAILING.has(last);
    if (last === ')') drop = count(href, '(') < count(href, ')');
    else if (last === ']') drop = count(href, '[') < count(href, ']');
    if (!drop) break;
    href = href.slice(0, -1);
    ends.pop();
  }
  const full = bare ? 'https://' + href : href;
  if (!isHttpUrl(full) || (bare && !/^[^/]+\.[A-Za-z]{2,}/.test(href))) return -1;
  const stop = ends[ends.length - 1] ?? i;
  if (stop <= i) return -1;
  if (ctx.links) out.push({ kind: 'link', href: full, children: [{ kind: 'text', text: href }], explicit: false });
  else pushText(out, href);
  return stop;
}

/** How often c occurs in s. */
function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** `\url{https://...}`: a link to its argument (text when it is not http(s)). */
export function urlMacro({ parser, after, end, ctx, out }: MacroCall): number {
  const arg = parser.readArg(after, end);
  if (!arg) return parser.skipBrokenBrace(after, end);
  const raw = unescapeUrl(parser.src.slice(arg.start, arg.end));
  if (ctx.links && isHttpUrl(raw)) out.push({ kind: 'link', href: raw, children: [{ kind: 'text', text: raw }], explicit: false });
  else pushText(out, raw);
  return arg.next;
}

/** `\href{url}{text}` (also with the arguments swapped) and `\hyperlink`: a named link; its text when not http(s). */
export function href({ parser, after, end, depth, ctx, out }: MacroCall): number {
  const src = parser.src;
  const first = parser.readArg(after, end);
  if (!first) return parser.skipBrokenBrace(after, end);
  let text = parser.readArg(first.next, end);
  let target = first;
  let raw = unescapeUrl(src.slice(first.start, first.end));
  if (text && !isHttpUrl(raw)) {
    // `\href{this link}{http://...}`: the arguments were swapped
    const other = unescapeUrl(src.slice(text.start, text.end));
    if (isHttpUrl(other)) [raw, target, text] = [other, text, first];
  }
  const children = text ? parser.parseSpan(text.start, text.end, depth + 1, { ...ctx, links: false }) : [{ kind: 'text' as const, text: raw }];
  if (ctx.links && isHttpUrl(raw)) out.push({ kind: 'link', href: raw, children, explicit: text !== null });
  else pushAll(out, children);
  return Math.max(target.next, text?.next ?? 0);
}
