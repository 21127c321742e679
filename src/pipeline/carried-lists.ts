/**
 * Per-paper lists carried across builds: each paper's related papers and key terms are recomputed on the whole
 * corpus every build, and a digest's new papers shift the corpus statistics a little for every paper; through
 * {@link hysteresisTop} a paper keeps its previous lists unless the change is clear, so an incremental rebuild
 * re-renders only the pages that really changed. The previous lists are the state a build writes for the next
 * (kept in the build cache: they matter only where the incremental build's pages are kept). A build with no
 * state gives the fresh lists. Pure.
 */
import { z } from 'zod';
import { hysteresisTop } from './list-hysteresis';
import { containsWords } from './terms';
import type { RelatedPaper, WeightedTerm } from './types';

/** The lists a build shows per paper, for the next build to start from. */
export const listStateSchema = z.object({
  version: z.literal(1).describe('Format version'),
  related: z.record(z.string(), z.array(z.string())).describe('Paper id → ids of its related papers as shown, in order'),
  terms: z.record(z.string(), z.array(z.string())).describe('Paper id → ids of its key terms as shown, in order'),
});
/** The lists a build shows per paper (the type of {@link listStateSchema}). */
export type ListState = z.infer<typeof listStateSchema>;

/**
 * Relative margin by which a new related paper must beat the weakest kept one (and a paper one listed above it) to
 * change a list. On 8,520 arXiv papers (43 digests, then the 44th; 4 times 5 candidates) margins of 0.05 to 0.3
 * all gave a related P@5 0.0016–0.0023 under the clean build's; 0.15 changed 461 of the 8,389 earlier papers' lists
 * (0.1: 766, 0.3: 350; fresh lists: 7,528).
 */
export const RELATED_MARGIN = 0.15;
/** Relative margin of the same rule for key terms (their BM25 × specificity weights). */
export const TERMS_MARGIN = 0.15;
/**
 * Candidates looked at per list, as a multiple of the list's length: a kept member that falls below them goes. On the
 * same corpus 2 times changed 1,211 lists, 3 times 594, 4 times 461, 6 times 419 (margin 0.15).
 */
export const CANDIDATE_FACTOR = 4;

/** Related papers per paper: the fresh candidates (best first, {@link CANDIDATE_FACTOR} times `k`) held against the previous lists. */
export function carryRelated(
  candidates: Readonly<Record<string, readonly RelatedPaper[]>>,
  previous: ListState | null,
  k: number,
  margin = RELATED_MARGIN,
): Record<string, RelatedPaper[]> {
  const out: Record<string, RelatedPaper[]> = {};
  for (const [id, list] of Object.entries(candidates)) {
    out[id] = hysteresisTop(list, previous?.related[id], { k, margin });
  }
  return out;
}

/**
 * Key terms per paper: the fresh candidates (best first) held against the previous lists; as in the fresh
 * lists, no term joins a list that holds a term containing it.
 */
export function carryTerms(
  candidates: Readonly<Record<string, readonly WeightedTerm[]>>,
  previous: ListState | null,
  k: number,
  margin = TERMS_MARGIN,
): Record<string, WeightedTerm[]> {
  const nested = (kept: string, candidate: string) => containsWords(kept, candidate);
  const out: Record<string, WeightedTerm[]> = {};
  for (const [id, list] of Object.entries(candidates)) {
    const scored = list.map((t) => ({ id: t.term, score: t.weight, t }));
    out[id] = hysteresisTop(scored, previous?.terms[id], { k, margin, conflict: nested }).map((s) => s.t);
  }
  return out;
}

/** The state of the lists a build shows: ids only, papers in code-unit order. */
export function listStateOf(papers: readonly { id: string; related: readonly { id: string }[]; terms: readonly { term: string }[] }[]): ListState {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    version: 1,
    related: Object.fromEntries(sorted.map((p) => [p.id, p.related.map((r) => r.id)])),
    terms: Object.fromEntries(sorted.map((p) => [p.id, p.terms.map((t) => t.term)])),
  };
}

/** Parses a list state file's text; null when it is not one (an old or damaged file is dropped: the lists are then fresh). */
export function parseListState(text: string): ListState | null {
  try {
    const parsed = listStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The state as compact JSON text (one line per paper per list). */
export function serializeListState(state: ListState): string {
  const lines = (r: Record<string, string[]>) =>
    Object.entries(r)
      .map(([id, ids]) => `    ${JSON.stringify(id)}: ${JSON.stringify(ids)}`)
      .join(',\n');
  return `{\n  "version": 1,\n  "related": {\n${lines(state.related)}\n  },\n  "terms": {\n${lines(state.terms)}\n  }\n}\n`;
}
