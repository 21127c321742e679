/**
 * The per-paper pass's results gathered over the corpus, one paper at a time in job order, so that no paper's
 * result has to be kept once it is counted: phrase groups with the papers (and weights) that use them, the id
 * variants and surfaces of every occurrence, nested uses, acronym surfaces and each paper's content words.
 */
import { bumpIn } from './counts';
import type { PaperPhrases } from './paper-pass';
import { acronymKey } from './phrases';
import type { TermPlan } from './term-plan';

/** Per-group statistics collected over the corpus. */
export interface Group {
  /** Paper indices (ascending) with their weighted standalone counts. */
  papers: number[];
  weights: number[];
  /** Paper indices (ascending) with their weighted nested counts. */
  nestedPapers: number[];
  nestedWeights: number[];
}

/** Adds `weight` for paper `p` to parallel (paper, weight) lists filled in paper order. */
export function addWeight(papers: number[], weights: number[], p: number, weight: number): void {
  const last = papers.length - 1;
  if (last >= 0 && papers[last] === p) weights[last] = (weights[last] as number) + weight;
  else {
    papers.push(p);
    weights.push(weight);
  }
}

/** Counts, per key, the distinct papers it was added for (papers come in ascending order). */
export class PaperCounter {
  private readonly last = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  /** Counts `paper` for `key`, once. */
  add(key: string, paper: number): void {
    if (this.last.get(key) === paper) return;
    this.last.set(key, paper);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Papers counted for `key`. */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/**
 * Every phrase occurrence that is no bare acronym, as columns (one entry per occurrence: at a corpus of 20,000
 * papers there are millions, and four arrays hold them in far less memory than as many objects). Id variants and
 * surfaces are counted later, for the corpus terms only.
 */
export interface OccurrenceColumns {
  keys: string[];
  variants: string[];
  surfaces: string[];
  /** False where the surface casing says nothing (sentence start, title): such surfaces only name a term no other surface names. */
  primary: boolean[];
}

/** Every nested use (`recommender system` inside `conversational recommender system`), as columns. */
export interface NestedColumns {
  papers: number[];
  keys: string[];
  weights: number[];
}

/** Gathers the per-paper pass's results (see the module comment); {@link add} them in job order. */
export class PhraseTally {
  /** Papers added so far. */
  size = 0;
  /** Phrase group → the papers that use it. */
  readonly groups = new Map<string, Group>();
  readonly occurrences: OccurrenceColumns = { keys: [], variants: [], surfaces: [], primary: [] };
  readonly nested: NestedColumns = { papers: [], keys: [], weights: [] };
  /** By paper index: weighted content words. */
  readonly words: Map<string, number>[] = [];
  /** Acronym key → its surfaces: the plan's counts from the definitions, then every bare use. */
  readonly acronymSurfaces: Map<string, Map<string, number>>;
  /** Papers that use a group as a bare acronym, and papers that write it out (alone or inside a longer phrase). */
  readonly barePapers = new PaperCounter();
  readonly writtenPapers = new PaperCounter();

  /** An empty tally for `plan`; `nestedWeight`: what a nested use counts for (times the title weight in a title). */
  constructor(
    readonly plan: TermPlan,
    private readonly nestedWeight: number,
  ) {
    this.acronymSurfaces = new Map([...plan.acronymSurfaces].map(([acr, surfaces]) => [acr, new Map(surfaces)]));
  }

  /** Counts the next paper's phrases (papers in the order of the plan's jobs). */
  add({ occurrences, words: bag }: PaperPhrases): void {
    const { titleWeight } = this.plan.work.setup;
    const p = this.size;
    if (p >= this.plan.work.jobs.length) throw new Error(`PhraseTally: more papers than the plan's ${this.plan.work.jobs.length}`);
    this.size += 1;
    const occ = this.occurrences;
    const nested = this.nested;
    occurrences.forEach((found, segment) => {
      const weight = segment === 0 ? titleWeight : 1;
      for (const o of found) {
        let g = this.groups.get(o.key);
        if (g === undefined) {
          g = { papers: [], weights: [], nestedPapers: [], nestedWeights: [] };
          this.groups.set(o.key, g);
        }
        addWeight(g.papers, g.weights, p, weight);
        for (const group of o.acronymGroups ?? []) this.barePapers.add(group, p);
        for (const group of o.formGroups ?? []) this.writtenPapers.add(group, p);
        if (o.acronym !== undefined) {
          bumpIn(this.acronymSurfaces, acronymKey(o.acronym), o.acronym);
        } else {
          occ.keys.push(o.key);
          occ.variants.push(o.variant);
          occ.surfaces.push(o.surface);
          occ.primary.push(o.primary);
        }
        for (const key of o.nested) {
          nested.papers.push(p);
          nested.keys.push(key);
          nested.weights.push(weight * this.nestedWeight);
        }
      }
    });
    this.words.push(new Map(bag));
  }
}
