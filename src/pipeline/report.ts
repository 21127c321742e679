/** Human-readable lines about the corpus: one per problem, and the build's closing summary. */
import type { Problem } from './types';

/** `file:line: message` (the line is left out when the problem concerns the whole file). */
export function formatProblem(p: Problem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** `1 paper`, `2 papers`: a count with its noun (regular plurals only). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary the build ends with: digests read, papers, duplicates merged, problems. */
export function summaryLine(c: { digests: number; papers: number; duplicates: number; problems: readonly Problem[] }): string {
  return `${plural(c.digests, 'digest')} read, ${plural(c.papers, 'paper')}, ${plural(c.duplicates, 'duplicate')} merged, ${plural(c.problems.length, 'problem')}`;
}
