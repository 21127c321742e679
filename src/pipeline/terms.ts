/**
 * Key terms of a corpus: noun phrases (see `phrases.ts`) joined with their acronyms, grouped by their folded
 * form, scored by specificity (`specificity.ts`), and weighted per paper with BM25.
 *
 * Passes: (1, 2) clean every text, find acronym definitions and the multi-word forms to match (`term-plan.ts`);
 * (3) tag each paper and collect its phrase occurrences and content words (`paper-pass.ts`, run wherever the
 * caller says, counted in `phrase-tally.ts`; tokens are not kept); (4) group, name, score and weigh them (here).
 * Papers are processed in id order and every ranking has an explicit tie-break, so the output depends only on
 * the input set.
 */
import { bump, bumpIn } from './counts';
import { compareText } from './order';
import { inProcessPass, type AfterPass, type PerPaperPass } from './paper-pass';
import { addWeight, PhraseTally, type Group } from './phrase-tally';
import { hashString, slugify } from './slug';
import { termSpecificity } from './specificity';
import { UNSHOWN_WORDS } from './stopwords';
import { chooseId, planTerms, type TermPlan } from './term-plan';
import type { Paper, Term, WeightedTerm } from './types';

/** Options of {@link extractTerms}; `R`: what the per-paper pass gives (nothing, or a promise). */
export interface TermOptions<R extends void | Promise<void> = void | Promise<void>> {
  /** A term must occur in at least this many papers (default 2). */
  minPapers?: number;
  /** Key terms kept per paper (default 12). */
  maxPaperTerms?: number;
  /** Further candidates listed per paper beyond `maxPaperTerms` in `paperTermCandidates` (default 0: none listed). */
  spareTerms?: number;
  /** An occurrence in the title counts this many times (default 3). */
  titleWeight?: number;
  /** A nested occurrence (`recommender system` inside `conversational recommender system`) counts this much (default 0.5). */
  nestedWeight?: number;
  /** Runs the per-paper pass (default: {@link inProcessPass} without a token memo); a pass that gives a promise makes the extraction give one. */
  perPaper?: PerPaperPass<R>;
  /** Wraps each pass (`term-forms`, `phrases`, `terms`), e.g. to time it; must call `run` and return its result. */
  stage?: <T>(name: string, run: () => T) => T;
}

/** Term ids used by each paper (paper id → term ids, sorted), corpus terms only. */
export type TermOccurrences = Record<string, string[]>;

/** Weighted counts of one paper (key → count), in order of first use. */
export type Counts = Map<string, number>;

/** The result of {@link extractTerms}. */
export interface TermExtraction {
  /** Corpus terms (in ≥ minPapers papers), by score descending, ties by id. */
  terms: Term[];
  /** Each paper's key terms, best first (BM25 × specificity), at most maxPaperTerms, no term nested in a better one, no word of UNSHOWN_WORDS. */
  paperTerms: Record<string, WeightedTerm[]>;
  /**
   * With `spareTerms`: each paper's key terms picked the same way but `maxPaperTerms + spareTerms` of them (its
   * `paperTerms` are their first `maxPaperTerms`), so a later stage can keep a previous build's terms that now rank
   * a little lower; absent without `spareTerms`.
   */
  paperTermCandidates?: Record<string, WeightedTerm[]>;
  /** Every corpus term of each paper (for co-occurrence counts). */
  occurrences: TermOccurrences;
  /** Paper ids in code-unit order: the paper index used by `termCounts` and `wordCounts`. */
  paperIds: string[];
  /** By paper index: weighted frequency of each corpus term (titles count titleWeight, nested uses nestedWeight). */
  termCounts: Counts[];
  /** By paper index: weighted frequency of each content word (nouns singular, others by lemma; generic words left out). */
  wordCounts: Counts[];
}

const identity = <T>(_name: string, run: () => T): T => run();

/**
 * Extracts the corpus's key terms, each paper's weighted key terms and the per-paper counts later stages need
 * (a promise of them when the per-paper pass gives a promise).
 */
export function extractTerms<R extends void | Promise<void> = void>(papers: readonly Paper[], options?: TermOptions<R>): AfterPass<R, TermExtraction>;
export function extractTerms(papers: readonly Paper[], options: TermOptions = {}): TermExtraction | Promise<TermExtraction> {
  const stage = options.stage ?? identity;
  const plan = stage('term-forms', () => planTerms(papers, options.titleWeight ?? 3));
  const tally = new PhraseTally(plan, options.nestedWeight ?? 0.5);
  const perPaper = options.perPaper ?? inProcessPass();
  const passed: unknown = stage('phrases', () => perPaper(plan.work, (phrases) => tally.add(phrases)));
  const finish = (): TermExtraction => stage('terms', () => finishTerms(plan, tally, options.minPapers ?? 2, options.maxPaperTerms ?? 12, options.spareTerms ?? 0));
  return passed instanceof Promise ? passed.then(finish) : finish();
}

/** A corpus term being made: its group, id, papers (indices) and names. */
interface Draft {
  key: string;
  id: string;
  papers: number[];
  acronym?: string;
  label: string;
  longForm?: string;
}

/** Pass 4 (terms, specificity, weights), once every paper is in the tally. */
function finishTerms(plan: TermPlan, tally: PhraseTally, minPapers: number, maxPaperTerms: number, spareTerms: number): TermExtraction {
  const { sorted } = plan;
  const n = sorted.length;
  if (tally.plan !== plan || tally.size !== n) throw new Error(`extractTerms: the per-paper pass gave ${tally.size} papers of ${n}`);
  const drafts = draftTerms(plan, tally, minPapers);

  // Specificity: how much more alike the papers using a term are than two random papers.
  const specificity = termSpecificity(drafts, tally.words);

  // Per-paper counts.
  const counts: Map<string, number>[] = sorted.map(() => new Map());
  for (const d of drafts) {
    const g = tally.groups.get(d.key) as Group;
    g.papers.forEach((p, i) => bump(counts[p] as Map<string, number>, d.id, g.weights[i] as number));
    g.nestedPapers.forEach((p, i) => bump(counts[p] as Map<string, number>, d.id, g.nestedWeights[i] as number));
  }
  const { paperTerms, candidates, occurrences } = paperKeyTerms(sorted, counts, drafts, specificity, maxPaperTerms, spareTerms);

  const terms: Term[] = drafts.map((d) => {
    const single = !d.id.includes(' ') && d.acronym === undefined ? SINGLE_WORD_FACTOR : 1;
    const term: Term = {
      id: d.id,
      slug: termSlug(d.id),
      label: d.label,
      papers: d.papers.map((p) => (sorted[p] as Paper).id),
      score: round4(single * (specificity.get(d.key) ?? 0) * Math.log2(1 + d.papers.length)),
    };
    if (d.acronym !== undefined) term.acronym = d.acronym;
    if (d.longForm !== undefined) term.longForm = d.longForm;
    return term;
  });
  terms.sort((x, y) => y.score - x.score || compareText(x.id, y.id));
  return { terms, paperTerms, ...(candidates ? { paperTermCandidates: candidates } : {}), occurrences, paperIds: sorted.map((p) => p.id), termCounts: counts, wordCounts: tally.words };
}

/** The corpus terms: groups used by at least `minPapers` papers, each with its id, label, acronym and long form (in key order). */
function draftTerms(plan: TermPlan, tally: PhraseTally, minPapers: number): Draft[] {
  const { formIds, groupAcronym } = plan;
  const { groups, occurrences: occ, nested, acronymSurfaces, barePapers, writtenPapers } = tally;
  // Nested uses count for groups that stand alone in at least two papers.
  nested.keys.forEach((key, i) => {
    const g = groups.get(key);
    if (g !== undefined && g.papers.length >= 2) addWeight(g.nestedPapers, g.nestedWeights, nested.papers[i] as number, nested.weights[i] as number);
  });
  const termPapers = new Map<string, number[]>();
  for (const [key, g] of groups) {
    if (g.papers.length + g.nestedPapers.length < minPapers) continue;
    const papers = union(g.papers, g.nestedPapers);
    if (papers.length >= minPapers) termPapers.set(key, papers);
  }
  const variants = new Map<string, Map<string, number>>();
  const votes = new Map<string, Map<string, number>>();
  const fallbackVotes = new Map<string, Map<string, number>>();
  occ.keys.forEach((key, i) => {
    if (!termPapers.has(key)) return;
    bumpIn(variants, key, occ.variants[i] as string);
    bumpIn(occ.primary[i] === true ? votes : fallbackVotes, key, occ.surfaces[i] as string);
  });
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  for (const key of [...termPapers.keys()].sort(compareText)) {
    let id = formIds.get(key) ?? chooseId(variants.get(key) ?? new Map());
    if (id === '') continue;
    // Ids fold back to their group key, so two groups should never share one; stay unique regardless.
    if (taken.has(id)) id = `${id} ${key}`;
    taken.add(id);
    const acr = groupAcronym.get(key);
    const acronym = acr === undefined ? undefined : mostCommon(acronymSurfaces.get(acr.acr) ?? new Map());
    const written = mostCommon(votes.get(key) ?? new Map()) ?? mostCommon(fallbackVotes.get(key) ?? new Map());
    const byAcronym = acronym !== undefined && namedByAcronym(barePapers.count(key), writtenPapers.count(key));
    const label = (byAcronym ? acronym : written) ?? acronym ?? id;
    const draft: Draft = { key, id, papers: termPapers.get(key) as number[], label };
    if (acronym !== undefined) draft.acronym = acronym;
    if (byAcronym && written !== undefined && written !== label) draft.longForm = written;
    drafts.push(draft);
  }
  return drafts;
}

/** BM25 parameters of the per-paper weights. */
const K1 = 1.2;
const B = 0.75;

/** Each paper's key terms (BM25 × specificity, best first, none nested in a better one, none of UNSHOWN_WORDS) and all its corpus terms. */
function paperKeyTerms(
  sorted: readonly Paper[],
  counts: readonly Map<string, number>[],
  drafts: readonly Draft[],
  specificity: ReadonlyMap<string, number>,
  maxPaperTerms: number,
  spareTerms: number,
): { paperTerms: Record<string, WeightedTerm[]>; candidates?: Record<string, WeightedTerm[]>; occurrences: TermOccurrences } {
  const n = sorted.length;
  const lengths = counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1;
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  const paperTerms: Record<string, WeightedTerm[]> = {};
  const candidates: Record<string, WeightedTerm[]> | undefined = spareTerms > 0 ? {} : undefined;
  const occurrences: TermOccurrences = {};
  sorted.forEach((paper, p) => {
    const m = counts[p] as Map<string, number>;
    const len = lengths[p] ?? 0;
    const weighted: WeightedTerm[] = [];
    for (const [id, tf] of m) {
      const d = draftById.get(id) as Draft;
      const df = d.papers.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const bm25 = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLength));
      const spec = specificity.get(d.key) ?? 0;
      weighted.push({ term: id, weight: round4(bm25 * (0.1 + spec)) });
    }
    weighted.sort((x, y) => y.weight - x.weight || compareText(x.term, y.term));
    const kept: WeightedTerm[] = [];
    for (const w of weighted) {
      if (kept.length >= maxPaperTerms + spareTerms) break;
      if (UNSHOWN_WORDS.has(w.term) || kept.some((k) => containsWords(k.term, w.term))) continue;
      kept.push(w);
    }
    paperTerms[paper.id] = spareTerms > 0 ? kept.slice(0, maxPaperTerms) : kept;
    if (candidates) candidates[paper.id] = kept;
    occurrences[paper.id] = [...m.keys()].sort(compareText);
  });
  return { paperTerms, ...(candidates ? { candidates } : {}), occurrences };
}

/**
 * True when a term is better named by its acronym: papers that use the acronym alone are at least twice as
 * many as papers that write the term out (and at least three). Researchers say `CLIP`, `LiDAR`, `PSNR` and
 * `LoRA`, and write the long form once in a definition, if at all; `large language model` stays written out.
 */
export function namedByAcronym(barePapers: number, writtenPapers: number): boolean {
  return barePapers >= 3 && barePapers >= 2 * writtenPapers;
}

/** URL slug of a term id: readable, with a hash of the id when the slug lost information (so slugs stay unique). */
export function termSlug(id: string): string {
  const slug = slugify(id);
  const lossless = slug !== '' && slug.replace(/-/g, ' ') === id.replace(/-/g, ' ') && !/[^a-z0-9 ]/.test(id);
  return lossless ? slug : `${slug === '' ? 'term' : slug}-${hashString(id, 6)}`;
}

/** The most common key of a count map; ties: fewer capitals, then code-unit order. */
function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  const capitals = (s: string): number => s.replace(/[^\p{Lu}]/gu, '').length;
  for (const [v, c] of counts) {
    if (
      best === undefined ||
      c > bestCount ||
      (c === bestCount && (capitals(v) < capitals(best) || (capitals(v) === capitals(best) && v < best)))
    ) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** Union of two ascending lists of distinct numbers. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as number);
      i += 1;
    } else if (x === undefined || y < x) {
      out.push(y);
      j += 1;
    } else {
      out.push(x);
      i += 1;
      j += 1;
    }
  }
  return out;
}

/** Score factor of single-word terms (no acronym): a lone word is more ambiguous than a phrase. */
const SINGLE_WORD_FACTOR = 0.8;

/** True when `inner`'s words are a contiguous part of `outer`'s (`language model` in `large language model`). */
export function containsWords(outer: string, inner: string): boolean {
  return outer !== inner && ` ${outer} `.includes(` ${inner} `);
}

/** Round to 4 significant digits for stable, compact JSON. */
function round4(v: number): number {
  return Number(v.toPrecision(4));
}

