/** The tree the typography parser builds from digest text, and the two ways of appending to a node list. */

/** A style a tree element carries (`\emph` → em, `\textbf` → strong, `\texttt` → code, `^` → sup). */
export type Tag = 'em' | 'strong' | 'code' | 'sup' | 'sub' | 'u';

/** One node of parsed digest text: text, a styled element, a link, a math span or an unknown macro. */
export type TreeNode =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: Tag; children: TreeNode[] }
  /** `explicit`: named by `\href{url}{text}`, so plain text keeps the target after the text. */
  | { kind: 'link'; href: string; children: TreeNode[]; explicit: boolean }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'macro'; name: string };

/** Deeper nesting than this is emitted as escaped source text (keeps recursion bounded). */
export const MAX_DEPTH = 40;

/** Append text to a node list, extending a text node at its end (runs of text stay one node). */
export function pushText(out: TreeNode[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/** Append nodes to a node list, merging text as `pushText` does. */
export function pushAll(out: TreeNode[], nodes: TreeNode[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') pushText(out, node.text);
    else out.push(node);
  }
}
