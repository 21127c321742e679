/**
 * Term co-occurrence over a set of papers, with VOSviewer's association strength
 * s(i,j) = c(i,j) · N / (c(i) · c(j)) (1 = as often as chance predicts), computed sparsely:
 * per paper, the pairs of its candidate terms.
 */
import type { MapLink } from './types';
import { compareText, roundSignificant } from './order';

/** Options of {@link cooccurrence}. */
export interface CooccurrenceOptions {
  /** Keep links whose pair occurs in at least this many papers (default 1). */
  minCount?: number;
  /** Keep links whose association strength is at least this (default 0). */
  minStrength?: number;
  /**
   * Keep a link only if it is among the strongest `maxLinksPerNode` links of at least one of its
   * two terms (default 6; ties: higher count, then the other term's id). Infinity keeps all.
   */
  maxLinksPerNode?: number;
}

/** Term frequencies and the kept links. */
export interface Cooccurrence {
  /** Number of papers (N). */
  papers: number;
  /** Number of papers using each candidate term (terms used by none are absent). */
  frequency: Map<string, number>;
  /** Kept links, source < target (code-unit order), sorted by source then target. */
  links: MapLink[];
}


/**
 * Counts, over the given papers' term lists, how many papers use each candidate term and each
 * pair of candidate terms, and returns the pairs as links weighted by association strength
 * (count × N / (freq_i × freq_j), rounded to 4 significant digits), filtered and pruned per node.
 */
export function cooccurrence(
  paperTerms: readonly (readonly string[])[],
  candidates: Iterable<string>,
  options: CooccurrenceOptions = {},
): Cooccurrence {
  const minCount = options.minCount ?? 1;
  const minStrength = options.minStrength ?? 0;
  const perNode = options.maxLinksPerNode ?? 6;
  const ids = [...new Set(candidates)].sort(compareText);
  const index = new Map(ids.map((id, i) => [id, i]));
  const m = ids.length;
  const freq = new Int32Array(m);
  const pairs = new Map<number, number>();
  for (const terms of paperTerms) {
    const present = [...new Set(terms)]
      .map((t) => index.get(t))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    for (let a = 0; a < present.length; a += 1) {
      const i = present[a] as number;
      freq[i] = (freq[i] ?? 0) + 1;
      for (let b = a + 1; b < present.length; b += 1) {
        const key = i * m + (present[b] as number);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const n = paperTerms.length;
  type Candidate = { i: number; j: number; count: number; strength: number };
  const kept: Candidate[] = [];
  for (const [key, count] of pairs) {
    if (count < minCount) continue;
    const i = Math.floor(key / m);
    const j = key % m;
    const strength = (count * n) / ((freq[i] ?? 1) * (freq[j] ?? 1));
    if (strength >= minStrength) kept.push({ i, j, count, strength });
  }
  // Per-node pruning: a link survives if it ranks within the top `perNode` of either end.
  const byNode = new Map<number, Candidate[]>();
  for (const link of kept) {
    for (const end of [link.i, link.j]) {
      const list = byNode.get(end);
      if (list) list.push(link);
      else byNode.set(end, [link]);
    }
  }
  const survivors = new Set<Candidate>();
  for (const [node, list] of byNode) {
    const other = (l: Candidate): number => (l.i === node ? l.j : l.i);
    list.sort((a, b) => b.strength - a.strength || b.count - a.count || other(a) - other(b));
    for (const link of list.slice(0, perNode)) survivors.add(link);
  }
  const links: MapLink[] = [...survivors]
    .sort((a, b) => a.i - b.i || a.j - b.j)
    .map((l) => ({ source: ids[l.i] ?? '', target: ids[l.j] ?? '', strength: roundSignificant(l.strength, 4), count: l.count }));
  const frequency = new Map<string, number>();
  ids.forEach((id, i) => {
    if ((freq[i] ?? 0) > 0) frequency.set(id, freq[i] ?? 0);
  });
  return { papers: n, frequency, links };
}

