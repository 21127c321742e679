/** KaTeX glue: digest math as MathML, after fixing what digests get wrong about TeX. */
import katex from 'katex';
import { codePointFromUnicodeArg } from './chars';
import { KNOWN } from './macros';

/** KaTeX output by mode and source; digests repeat the same small formulas many times. */
const katexCache = new Map<string, string | null>();
const KATEX_CACHE_MAX = 20_000;

/** Make digest math palatable to KaTeX: `%` is not a comment here, `\unicode{}` and `\\omega` are fixed. */
function prepareTex(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; ) {
    const c = tex[i] ?? '';
    if (c === '%') {
      out += '\\%';
      i++;
    } else if (c === '\\') {
      const rest = tex.slice(i + 1);
      const uni = /^unicode\s*\{([^{}]*)\}/.exec(rest);
      const dbl = /^\\([A-Za-z]+)/.exec(rest);
      if (uni) {
        const ch = codePointFromUnicodeArg(uni[1] ?? '');
        out += ch ? `\\text{${ch}}` : '?';
        i += 1 + uni[0].length;
      } else if (dbl && KNOWN.has(dbl[1] ?? '')) {
        out += '\\';
        i += 2;
      } else {
        out += tex.slice(i, i + 2);
        i += 2;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** MathML for TeX (display or inline), or null when KaTeX cannot render it; memoized. */
export function renderMath(tex: string, display: boolean): string | null {
  const key = (display ? 'D:' : 'I:') + tex;
  const hit = katexCache.get(key);
  if (hit !== undefined) return hit;
  let html: string | null;
  try {
    html = katex.renderToString(prepareTex(tex), {
      displayMode: display,
      // MathML alone: rendered natively by current browsers (no KaTeX CSS or fonts to ship), read by screen readers.
      output: 'mathml',
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxExpand: 200,
      maxSize: 20,
    });
  } catch {
    html = null;
  }
  if (katexCache.size >= KATEX_CACHE_MAX) katexCache.clear();
  katexCache.set(key, html);
  return html;
}
