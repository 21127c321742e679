/**
 * The slice of Pagefind's browser API (1.x, `/pagefind/pagefind.js`) the search page uses, its ranking
 * settings, and the pure translation from the page's state to Pagefind search options.
 */
import type { SearchSort } from './search-state';

/** Filter values of one filter: any of them may match (a paper has one topic, so "all" would find nothing). */
export interface AnyFilter {
  any: string[];
}

/** Options of `pagefind.search()`. */
export interface PagefindSearchOptions {
  filters?: Record<string, AnyFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Counts per filter value: `{ topic: { "label": 12 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What `result.data()` resolves to (only the fields used here). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** One search hit; its data is loaded on demand. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

/** What `pagefind.search()` resolves to. */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts of the results per filter value, given the filters applied. */
  filters: FilterCounts;
  /** Counts of the results per filter value, ignoring the filters applied. */
  totalFilters: FilterCounts;
}

/** Pagefind's ranking parameters (see https://pagefind.app/docs/ranking/). */
export interface PagefindRanking {
  termSimilarity?: number;
  pageLength?: number;
  termFrequency?: number;
  termSaturation?: number;
}

/** Options of `pagefind.options()` used here. */
export interface PagefindOptions {
  ranking?: PagefindRanking;
  excerptLength?: number;
  baseUrl?: string;
  noWorker?: boolean;
}

/** Options of `pagefind.mergeIndex()` used here: a merged index gets none of the primary's options by itself. */
export interface PagefindMergeOptions {
  ranking?: PagefindRanking | undefined;
  excerptLength?: number | undefined;
  /** Multiplies the scores of this index's results when they are merged with the others'. */
  indexWeight?: number;
}

/** The module `/pagefind/pagefind.js` exports. */
export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  /** Adds another bundle's index: searches run on both and their results are merged by score. */
  mergeIndex(path: string, options?: PagefindMergeOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
}

/**
 * Ranking tuned for short pages of similar length (a title and an abstract) whose titles carry a heavy weight:
 * - termFrequency 0.7 (default 1): lean a little towards weighted counts, so a title hit (weight 10) is not
 *   diluted by the page's length;
 * - pageLength 0.3 (default 0.75): abstracts vary in length by chance; do not reward short ones much;
 * - termSaturation 1.0 (default 1.4): an abstract repeating a word many times should not beat a title match;
 * - termSimilarity 1.5 (default 1): prefer exact words over long extensions of the query (`moe` over `moebius`).
 */
export const RANKING: Required<PagefindRanking> = {
  termFrequency: 0.7,
  pageLength: 0.3,
  termSaturation: 1.0,
  termSimilarity: 1.5,
};

/**
 * Search on the main thread, without Pagefind's web worker: measured on the 8,520-paper corpus, the worker
 * doubles the time of broad queries (it posts every match with its word positions back to the page: a warm
 * "model" took 216 ms with it, 96 ms without) and costs a 42 KB download. The price is that a broad query
 * blocks the page for that long, once per pause in typing.
 */
export const PAGEFIND_OPTIONS: PagefindOptions = { ranking: RANKING, excerptLength: 26, noWorker: true };

/** Names of the Pagefind filters and sort key that paper pages carry. */
export const FILTER_TOPIC = 'topic' as const;
/** Filter of the digests a paper was listed in (one value per listing). */
export const FILTER_DIGEST = 'digest' as const;
/** Sort key: the arrival order of the paper's first digest. */
export const SORT_KEY = 'order' as const;

/** Pagefind filters for the chosen topic and digest values (filter labels), leaving out empty groups. */
export function pagefindFilters(topics: readonly string[], digests: readonly string[]): Record<string, AnyFilter> {
  const filters: Record<string, AnyFilter> = {};
  if (topics.length > 0) filters[FILTER_TOPIC] = { any: [...topics] };
  if (digests.length > 0) filters[FILTER_DIGEST] = { any: [...digests] };
  return filters;
}

/** Pagefind search options for a state: filters, and a sort unless ranking by relevance. */
export function pagefindOptions(topics: readonly string[], digests: readonly string[], sort: SearchSort): PagefindSearchOptions {
  const options: PagefindSearchOptions = { filters: pagefindFilters(topics, digests) };
  if (sort === 'newest') options.sort = { [SORT_KEY]: 'desc' };
  if (sort === 'oldest') options.sort = { [SORT_KEY]: 'asc' };
  return options;
}
