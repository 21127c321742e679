/** Human-readable lines about the corpus: one per problem, and the build's closing summary. */
import type { Problem } from './types';

/** `file:line: message` (the line is left out when the problem concerns the whole file). */
export function formatProblem(p: Problem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** The summary the build ends with: digests read, papers, duplicates merged, problems. */
export function summaryLine(c: { digests: number; papers: number; duplicates: number; problems: readonly Problem[] }): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.digests, 'digest')} read, ${plural(c.papers, 'paper')}, ${plural(c.duplicates, 'duplicate')} merged, ${plural(c.problems.length, 'problem')}`;
}
