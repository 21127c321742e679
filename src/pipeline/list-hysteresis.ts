/**
 * Lists that hold across builds (hysteresis): a paper's related papers or key terms, recomputed on a corpus
 * that grew by one digest, shift a little for every paper (corpus-wide statistics move every score a little),
 * so every page would change. A list with hysteresis keeps the previous build's members while they remain candidates,
 * lets an outside candidate in only when it beats the weakest kept member by a clear margin, and keeps the
 * previous order unless a later member beats an earlier one by that margin. Pure and deterministic.
 */

/** A candidate of a list: an id and its score now (higher is better). */
export interface Scored {
  id: string;
  score: number;
}

/** Options of {@link hysteresisTop}. */
export interface HysteresisOptions {
  /** Length of the list. */
  k: number;
  /** Relative margin: `a` beats `b` when `a.score - b.score > margin * |b.score|`. */
  margin: number;
  /** Whether a candidate may not join a list that holds `kept` (e.g. a term nested in it); default: never. */
  conflict?: (kept: string, candidate: string) => boolean;
}

/** Whether `a` beats `b` by the margin (a strict order: reordering by it always ends). */
const beats = (a: Scored, b: Scored, margin: number): boolean => a.score - b.score > margin * Math.abs(b.score);

/**
 * The list of `k` from `candidates` (best first; the fresh list is their first `k`) given the previous build's list
 * (`undefined`: none, e.g. a new paper, so the fresh list). Previous members that are no longer candidates go; free
 * places are filled with the best other candidates; then the best outside candidate replaces the weakest member
 * while it beats it by the margin; last, members are reordered only where a later one beats an earlier one by it.
 */
export function hysteresisTop<T extends Scored>(candidates: readonly T[], previous: readonly string[] | undefined, options: HysteresisOptions): T[] {
  const { k, margin } = options;
  const conflict = options.conflict ?? (() => false);
  if (previous === undefined) return candidates.slice(0, k);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const list: T[] = [];
  for (const id of previous) {
    const c = byId.get(id);
    if (c !== undefined && list.length < k && !list.some((m) => m.id === id || conflict(m.id, id))) list.push(c);
  }
  const outside = candidates.filter((c) => !list.some((m) => m.id === c.id || conflict(m.id, c.id)));
  // Fill the free places with the best others.
  while (list.length < k && outside.length > 0) {
    const c = outside.shift() as T;
    if (list.some((m) => conflict(m.id, c.id))) continue;
    list.push(c);
  }
  // Replace the weakest member while the best outside candidate beats it clearly.
  for (const c of outside) {
    if (list.some((m) => conflict(m.id, c.id))) continue;
    let weakest = -1;
    for (let i = 0; i < list.length; i += 1) {
      if (weakest < 0 || (list[i] as T).score < (list[weakest] as T).score) weakest = i;
    }
    if (weakest < 0 || !beats(c, list[weakest] as T, margin)) break;
    list[weakest] = c;
  }
  // Previous order, but a member moves up past one it clearly beats.
  for (let swapped = true; swapped; ) {
    swapped = false;
    for (let i = 0; i + 1 < list.length; i += 1) {
      if (beats(list[i + 1] as T, list[i] as T, margin)) {
        [list[i], list[i + 1]] = [list[i + 1] as T, list[i] as T];
        swapped = true;
      }
    }
  }
  return list;
}
