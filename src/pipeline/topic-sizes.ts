/**
 * Topic sizes: how many topics a corpus of n papers wants and how small and large a leaf topic may be (issue 15:
 * leaves of about 20–300 papers, their number growing with the corpus). Shared by the clean clustering and the
 * incremental update, so both keep the same limits.
 */

/** Most papers of a leaf topic (issue 15: leaves of about 20–300 papers), from 6,000 papers up; below, 5–15 % of the corpus. */
export const LEAF_MAX = 300;

/** Fewest papers of a leaf topic in a large corpus (from 8,000 papers up; 3 for a corpus under 1,400). */
export const LEAF_MIN = 20;

/**
 * The wanted number of topics for n papers: [round(0.75 √n), the larger of 2.5 times that and 2n / {@link LEAF_MAX}]
 * (398 → 15–38, 8,520 → 69–173, 75,000 → 205–513): the count grows with the corpus, and the upper bound leaves
 * room for the topics the leaf cap splits off.
 */
export function topicCountRange(n: number): [number, number] {
  const low = Math.max(1, Math.round(0.75 * Math.sqrt(n)));
  return [low, Math.max(Math.round(2.5 * low), Math.ceil((2 * n) / LEAF_MAX))];
}

/** The default largest share of the papers in one topic: 15 % for a small corpus, down to 5 % from 5,000 papers up (250 / n in between). */
export function defaultMaxShare(n: number): number {
  return Math.min(0.15, Math.max(0.05, 250 / Math.max(1, n)));
}

/** Largest allowed topic: maxShare of the papers, but never below twice the minimum size. */
export function maxTopicSize(n: number, minSize = 3, maxShare = 0.15): number {
  return Math.max(Math.floor(maxShare * n), 2 * minSize);
}

/** Smallest leaf topic for n papers: n / 400, within 3–{@link LEAF_MIN} (the seed's 398 papers: 3; 8,000 papers and up: 20). */
export function leafMinSize(n: number): number {
  return Math.min(LEAF_MIN, Math.max(3, Math.round(n / 400)));
}

/** Largest leaf topic for n papers: {@link defaultMaxShare} of them, at most {@link LEAF_MAX} (never below twice the minimum). */
export function leafMaxSize(n: number, minSize = leafMinSize(n)): number {
  return Math.max(Math.min(LEAF_MAX, Math.floor(defaultMaxShare(n) * n)), 2 * minSize);
}

/** The size limits of a clustering of n papers: the options' minimum and share, else the leaf limits. */
export function sizeLimits(n: number, options: { minSize?: number; maxShare?: number } = {}): { minSize: number; maxSize: number } {
  const minSize = options.minSize ?? leafMinSize(n);
  const maxSize = options.maxShare === undefined ? leafMaxSize(n, minSize) : maxTopicSize(n, minSize, options.maxShare);
  return { minSize, maxSize };
}
