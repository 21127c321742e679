/** HTML serializer of the tree: text is always escaped, so markup in digest text (`<script>`) never becomes markup. */
import { renderMath } from './math';
import { Parser, parseMath, textContext } from './parser';
import { dict } from './tables';
import type { TreeNode } from './tree';

const HTML_ESCAPES: Record<string, string> = dict({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });
const HTML_SPECIAL = /[&<>"']/;

/** Text with `& < > " '` escaped, safe in HTML text and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : text;
}

/** HTML of a node list: our own tags, links with rel="nofollow noopener", KaTeX MathML (or the math as text). */
export function toHtml(nodes: TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += escapeHtml(node.text);
        break;
      case 'element': {
        const inner = toHtml(node.children);
        if (inner) out += `<${node.tag}>${inner}</${node.tag}>`;
        break;
      }
      case 'link':
        out += `<a href="${escapeHtml(node.href)}" rel="nofollow noopener">${toHtml(node.children) || escapeHtml(node.href)}</a>`;
        break;
      case 'math':
        out += renderMath(node.tex, node.display) ?? toHtml(parseMath(node.tex));
        break;
      case 'macro':
        out += `<span class="macro">${escapeHtml(node.name)}</span>`;
        break;
    }
  }
  return out;
}

/** Digest text as safe HTML (links or not); on any internal error, the escaped source. */
export function htmlOf(src: string, links: boolean): string {
  try {
    return toHtml(new Parser(src).parse(textContext(links)));
  } catch {
    return escapeHtml(src);
  }
}
