/** Plain-text serializer of the tree: Unicode scripts where they exist (x², F₁), `^(...)` otherwise, no markup. */
import { Parser, parseMath, textContext } from './parser';
import { SUBSCRIPT, SUPERSCRIPT } from './tables';
import type { TreeNode } from './tree';

/** A script's text in Unicode super- or subscript letters, or `^x`, `_x`, `^(a+b)` when one has none. */
function scriptPlain(inner: string, tag: 'sup' | 'sub'): string {
  if (!inner) return '';
  const forms = tag === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  let mapped = '';
  for (const c of inner) {
    const form = forms[c];
    if (form === undefined) {
      mapped = '';
      break;
    }
    mapped += form;
  }
  if (mapped) return mapped;
  const op = tag === 'sup' ? '^' : '_';
  return [...inner].length === 1 || /^[\p{L}\p{N}*′]+$/u.test(inner) ? op + inner : `${op}(${inner})`;
}

/** Plain text of a node list; a named link keeps its target in parentheses, an unknown macro shows its name. */
export function toPlain(nodes: TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'element':
        out += node.tag === 'sup' || node.tag === 'sub' ? scriptPlain(toPlain(node.children).trim(), node.tag) : toPlain(node.children);
        break;
      case 'link': {
        const text = toPlain(node.children);
        out += node.explicit && text.trim() !== node.href ? `${text} (${node.href})` : text;
        break;
      }
      case 'math':
        out += toPlain(parseMath(node.tex));
        break;
      case 'macro':
        out += node.name;
        break;
    }
  }
  return out;
}

/** Digest text as plain text on one line (white space collapsed, trimmed); on any internal error, the source so. */
export function plainOf(src: string): string {
  try {
    const plain = toPlain(new Parser(src).parse(textContext(true)));
    return (/[^\S ]| {2}/.test(plain) ? plain.replace(/\s+/g, ' ') : plain).trim();
  } catch {
    return src.replace(/\s+/g, ' ').trim();
  }
}
