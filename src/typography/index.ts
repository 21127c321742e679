/**
 * Build-time typography for digest titles and abstracts.
 *
 * Digest text is plain text that carries LaTeX leftovers (`\%`, `{\em x}`, `na\"ive`, `S^{2}FT`,
 * `$...$` math, unexpanded project macros such as `\tool`) and bare URLs. This module turns such
 * text into safe HTML (`renderText`) or into plain Unicode text (`plainText`).
 *
 * Design: one parser over the source string (parser.ts; linear time, bounded recursion) builds a tiny
 * tree (tree.ts) of text, emphasis, scripts, links, math and unknown-macro nodes; two serializers
 * (to-html.ts, to-plain.ts) turn that tree into HTML or plain text. Every character that is not part of
 * a recognised construct ends up in a text node, and text nodes are always HTML-escaped, so raw markup in
 * the input (`<script>`) can never become markup in the output. Math goes through KaTeX at build time (math.ts).
 */
import { memoized } from './memo';
import { htmlOf } from './to-html';
import { plainOf } from './to-plain';

/** Options of `renderText`. */
export interface RenderTextOptions {
  /** Turn http(s) URLs, `\url{}` and `\href{}{}` into links (default true); false inside other links. */
  links?: boolean;
}

const renderWithLinks = memoized((text) => htmlOf(text, true));
const renderWithoutLinks = memoized((text) => htmlOf(text, false));
const plainMemo = memoized(plainOf);

/** Render digest text (title or abstract) as safe HTML: LaTeX leftovers typeset, math via KaTeX, URLs linked; everything else escaped. */
export function renderText(text: string, options: RenderTextOptions = {}): string {
  const src = typeof text === 'string' ? text : String(text ?? '');
  return (options.links ?? true) ? renderWithLinks(src) : renderWithoutLinks(src);
}

/** Convert digest text to plain Unicode text (no markup, not HTML-escaped) for titles, meta descriptions, search data, JSON and RSS. */
export function plainText(text: string): string {
  return plainMemo(typeof text === 'string' ? text : String(text ?? ''));
}
