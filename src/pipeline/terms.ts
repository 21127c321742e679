/**
 * Key terms of a corpus: noun phrases (see `phrases.ts`) joined with their acronyms, grouped by
 * their folded form, scored by specificity, and weighted per paper with BM25.
 *
 * Passes: (1) clean every title and abstract and find acronym definitions (Schwartz–Hearst);
 * (2) gather the multi-word forms to match (acronym long forms, hyphenated or known `noun of noun`
 * terms); (3) tag each paper and collect its phrase occurrences and content words (tokens are not
 * kept); (4) group, name, score and weigh them. Papers are processed in id
 * order and every ranking has an explicit tie-break, so the output depends only on the input set.
 */
import { findDefinitions, type AcronymDefinition } from './acronyms';
import { singular } from './inflect';
import { cleanText, decapitalizeTitle } from './clean-text';
import { tokenize, type NlpToken } from './tokenize';
import { acronymKey, extractPhrases, foldText, foldWord, groupKey, headIndex, PhraseTrie, type PhraseContext, type PhraseOccurrence } from './phrases';
import { hashString, slugify } from './slug';
import { GENERIC_MODIFIERS, GENERIC_NOUNS, GENERIC_VERBS, OF_TERMS } from './stopwords';
import { smoothIdf, sparseVector, sublinearTf, type SparseVector } from './vectors';
import type { Paper, ParsedDigest, Term, WeightedTerm } from './types';

/** Options of {@link extractTerms}. */
export interface TermOptions {
  /** A term must occur in at least this many papers (default 2). */
  minPapers?: number;
  /** Key terms kept per paper (default 12). */
  maxPaperTerms?: number;
  /** An occurrence in the title counts this many times (default 3). */
  titleWeight?: number;
  /** A nested occurrence (`recommender system` inside `conversational recommender system`) counts this much (default 0.5). */
  nestedWeight?: number;
  /** Tokens of texts tokenized before (in an earlier build): a text found there is not tokenized again. */
  tokenMemo?: TokenMemo;
}

/**
 * A store of tokenized texts, kept by the caller across runs. Tokens depend on the text alone (see
 * `tokenize.ts`), so a stored text gives exactly the tokens tokenizing it would give.
 */
export interface TokenMemo {
  /** The tokens of a text, if stored. They are shared: never modify them. */
  get(text: string): readonly NlpToken[] | undefined;
  /** Stores the tokens of a text just tokenized. */
  set(text: string, tokens: readonly NlpToken[]): void;
}

/** The tokens of a text: from the memo when it has them, else tokenized (and given to the memo). */
function tokensOf(text: string, memo: TokenMemo | undefined): readonly NlpToken[] {
  if (memo === undefined) return tokenize(text);
  let tokens = memo.get(text);
  if (tokens === undefined) {
    tokens = tokenize(text);
    memo.set(text, tokens);
  }
  return tokens;
}

/** Term ids used by each paper (paper id → term ids, sorted), corpus terms only. */
export type TermOccurrences = Record<string, string[]>;

/** Weighted counts of one paper (key → count), in order of first use. */
export type Counts = Map<string, number>;

/** The result of {@link extractTerms}. */
export interface TermExtraction {
  /** Corpus terms (in ≥ minPapers papers), by score descending, ties by id. */
  terms: Term[];
  /** Each paper's key terms, best first (BM25 × specificity), at most maxPaperTerms, no term nested in a better one. */
  paperTerms: Record<string, WeightedTerm[]>;
  /** Every corpus term of each paper (for co-occurrence counts). */
  occurrences: TermOccurrences;
  /** Paper ids in code-unit order: the paper index used by `termCounts` and `wordCounts`. */
  paperIds: string[];
  /** By paper index: weighted frequency of each corpus term (titles count titleWeight, nested uses nestedWeight). */
  termCounts: Counts[];
  /** By paper index: weighted frequency of each content word (nouns singular, others by lemma; generic words left out). */
  wordCounts: Counts[];
}

/** A paper's cleaned texts (title first) and the acronyms they define. */
interface Prepared {
  texts: [string, string];
  defs: AcronymDefinition[];
}

/** Clean a paper's title and abstract (the title de-capitalized) and find their acronym definitions. */
function prepare(paper: Paper): Prepared {
  const texts = paperTexts(paper);
  return { texts, defs: texts.flatMap((text) => findDefinitions(text)) };
}

/** The texts of a paper that are tokenized, as {@link tokenize} gets them: the cleaned title (lower-cased where Title Case) and abstract. */
export function paperTexts(paper: Pick<Paper, 'title' | 'abstract'>): [title: string, abstract: string] {
  return [decapitalizeTitle(cleanText(paper.title)), cleanText(paper.abstract)];
}

/**
 * The texts {@link extractTerms} tokenizes for these digests, listing by listing (a paper listed twice gives its
 * texts twice): what a token memo can be filled with before the analysis.
 */
export function digestTexts(parsed: readonly ParsedDigest[]): string[] {
  return parsed.flatMap((digest) => digest.entries.flatMap((entry) => paperTexts(entry)));
}

/**
 * Papers that must define an acronym the same way before its bare uses in other papers take that meaning. One
 * paper's name for its own method must not rename an acronym everywhere: in the bench corpus a single paper's
 * "Segmenting Objectiveness and Task-Awareness (SOTA)" turned every "SOTA" of 225 other papers into that term, and
 * "cocoercive conservative (COCO)" every mention of the COCO dataset. An acronym defined by one paper only keeps
 * that meaning in that paper; elsewhere it is a word of its own (`KITTI`, `LLaVA`).
 */
const MIN_DEFINING_PAPERS = 2;

/** Hyphenated `noun-of-noun` compounds (`mixture-of-experts`, `chain-of-thought`), without articles. */
const HYPHEN_OF = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-of-[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Token indices of acronyms inside their own definition's parentheses: `… (MoE)`. */
function definitionAcronyms(tokens: readonly NlpToken[], defined: ReadonlySet<string>): Set<number> {
  const skip = new Set<number>();
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    if (tokens[i]?.text !== '(') continue;
    const close = tokens[i + 2]?.text;
    if ((close === ')' || close === ';' || close === ',') && defined.has(acronymKey(tokens[i + 1]?.text ?? ''))) skip.add(i + 1);
  }
  return skip;
}

/** False for long forms that are no term: with an article (`state of the art (SOTA)`) or made of generic words only. */
function acceptableLongForm(parts: readonly string[]): boolean {
  if (parts.some((p) => p === 'the' || p === 'a' || p === 'an')) return false;
  return !parts.every((p) => GENERIC_NOUNS.has(p) || GENERIC_MODIFIERS.has(p) || p.length <= 3);
}

/** Id candidate of a multi-word form: lower case, hyphens as spaces, the head (last word before a preposition) singular. */
export function formVariant(text: string): string {
  const words = text.split(/[\s-]+/).filter((w) => w !== '');
  const head = headIndex(words);
  return words.map((w, i) => (i === head ? singular(w) : w).toLowerCase()).join(' ');
}

/** Pick the id among a group's variants: most used, then most words (hyphens split), then code-unit order. */
function chooseId(variants: ReadonlyMap<string, number>): string {
  let best = '';
  let bestWords = -1;
  let bestCount = -1;
  for (const [v, count] of variants) {
    const words = v.split(' ').length;
    if (count > bestCount || (count === bestCount && (words > bestWords || (words === bestWords && v < best)))) {
      best = v;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
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

/** Add `by` to a count map entry. */
function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** URL slug of a term id: readable, with a hash of the id when the slug lost information (so slugs stay unique). */
export function termSlug(id: string): string {
  const slug = slugify(id);
  const lossless = slug !== '' && slug.replace(/-/g, ' ') === id.replace(/-/g, ' ') && !/[^a-z0-9 ]/.test(id);
  return lossless ? slug : `${slug === '' ? 'term' : slug}-${hashString(id, 6)}`;
}

/** Words left out of the content words: generic nouns, modifiers and verbs. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([...GENERIC_NOUNS, ...GENERIC_MODIFIERS, ...GENERIC_VERBS]);

/** Content words of a token sequence (nouns singular, other words by lemma; stop and generic words left out). */
function addContentWords(tokens: readonly NlpToken[], weight: number, into: Map<string, number>): void {
  for (const t of tokens) {
    const pos = t.pos;
    const noun = pos === 'NOUN' || pos === 'PROPN';
    if (!noun && pos !== 'ADJ' && pos !== 'VERB' && pos !== 'ADV') continue;
    if (t.kind !== 'word' || t.stop || t.text.length < 2 || !/\p{L}/u.test(t.text) || /\.$|\p{L}\.\p{L}/u.test(t.text)) continue;
    if (t.parts.length > 1) {
      // A compound counts as itself and as each of its content parts (`Matryoshka-like` → `matryoshka`).
      for (const part of t.folded) {
        if (part.length >= 3 && !GENERIC_WORDS.has(part) && /\p{L}/u.test(part)) bump(into, part, weight * 0.5);
      }
    }
    const word = noun ? (t.parts.length > 1 ? t.folded.join('') : (t.folded[0] ?? t.lower)) : t.lemma.replace(/-/g, '');
    if (!GENERIC_WORDS.has(word)) bump(into, word, weight);
  }
}

/** Per-group statistics collected over the corpus. */
interface Group {
  /** Paper indices (ascending) with their weighted standalone counts. */
  papers: number[];
  weights: number[];
  /** Paper indices (ascending) with their weighted nested counts. */
  nestedPapers: number[];
  nestedWeights: number[];
}

/** Add `weight` for paper `p` to parallel (paper, weight) lists filled in paper order. */
function addWeight(papers: number[], weights: number[], p: number, weight: number): void {
  const last = papers.length - 1;
  if (last >= 0 && papers[last] === p) weights[last] = (weights[last] as number) + weight;
  else {
    papers.push(p);
    weights.push(weight);
  }
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

/** Code-unit string order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the per-paper pass ({@link phraseFinder}) needs to know of the whole corpus: the multi-word forms to
 * match, the corpus-wide meaning of each acronym and the id words of every form. Plain data, so that the
 * pass can run in other threads or processes.
 */
export interface PhraseSetup {
  /** Multi-word forms in the order they go into the trie (folded words and group key; the first group of a sequence wins). */
  forms: [folded: string[], key: string][];
  /** Acronym key → its primary long-form group over the corpus. */
  acronyms: [key: string, group: string][];
  /** Form group → the words of its id. */
  formWords: [group: string, words: string[]][];
  /** Weight of an occurrence in the title (see {@link TermOptions.titleWeight}). */
  titleWeight: number;
}

/** One paper's share of the per-paper pass: its cleaned texts and the acronyms it defines itself. */
export interface PaperJob {
  /** Title and abstract as they are tokenized (see {@link paperTexts}). */
  texts: [title: string, abstract: string];
  /** Acronym key → long-form group, as this paper defines them (they win over the corpus-wide meaning here). */
  acronyms: [key: string, group: string][];
}

/** What one paper's texts give: its phrase occurrences (title, abstract) and its weighted content words. Plain data. */
export interface PaperPhrases {
  occurrences: [title: PhraseOccurrence[], abstract: PhraseOccurrence[]];
  /** Content words (see {@link addContentWords}) with their weighted counts, in order of first use. */
  words: [word: string, count: number][];
}

/** The corpus-wide part of the extraction, before the per-paper pass: see {@link prepareTerms}. */
export interface TermPlan {
  setup: PhraseSetup;
  /** One job per paper, papers in id order. */
  jobs: PaperJob[];
  /** What {@link finishTerms} goes on with. */
  readonly state: PlanState;
}

/** Corpus-wide counts of the first passes, kept for {@link finishTerms}. */
interface PlanState {
  sorted: Paper[];
  minPapers: number;
  maxPaperTerms: number;
  nestedWeight: number;
  formIds: Map<string, string>;
  groupAcronym: Map<string, { acr: string; count: number }>;
  acronymSurfaces: Map<string, Map<string, number>>;
}

/** Extract the corpus's key terms, each paper's weighted key terms and the per-paper counts later stages need. */
export function extractTerms(papers: readonly Paper[], options: TermOptions = {}): TermExtraction {
  const plan = prepareTerms(papers, options);
  return finishTerms(plan, findPaperPhrases(plan, options.tokenMemo));
}

/** The per-paper pass on this thread, paper by paper (tokens from the memo where it has them), counted into a tally. */
export function findPaperPhrases(plan: TermPlan, tokenMemo?: TokenMemo): PhraseTally {
  const find = phraseFinder(plan.setup);
  const tally = new PhraseTally(plan);
  for (const job of plan.jobs) tally.add(find(job, (text) => tokensOf(text, tokenMemo)));
  return tally;
}

/**
 * Passes 1 and 2 of {@link extractTerms}: clean every paper's texts, find the acronym definitions and the
 * multi-word forms of the corpus. Cheap (no tagging); the per-paper pass that follows is not.
 */
export function prepareTerms(papers: readonly Paper[], options: TermOptions = {}): TermPlan {
  const titleWeight = options.titleWeight ?? 3;
  const sorted = [...papers].sort((a, b) => compare(a.id, b.id));

  // Pass 1: clean the texts, find acronym definitions and hyphenated noun-of-noun forms.
  const prepared = sorted.map(prepare);

  // Pass 2: acronyms and multi-word forms.
  const definitions = new Map<string, Map<string, number>>(); // acronym key → long-form group → papers defining it so
  const formVariants = new Map<string, Map<string, number>>(); // form group → id variants
  const acronymSurfaces = new Map<string, Map<string, number>>(); // acronym key → surfaces
  const localAcronyms: Map<string, string>[] = [];
  const addForm = (folded: string[], variant: string, count = 1): string => {
    const key = groupKey(folded);
    let variants = formVariants.get(key);
    if (variants === undefined) {
      variants = new Map();
      formVariants.set(key, variants);
    }
    bump(variants, variant, count);
    return key;
  };
  const pendingForms: { folded: string[]; key: string }[] = [];
  prepared.forEach(({ texts, defs }) => {
    const local = new Map<string, string>();
    const definedHere = new Set<string>();
    for (const def of defs) {
      const folded = foldText(def.long);
      if (!acceptableLongForm(folded)) continue;
      const key = addForm(folded, formVariant(def.long));
      pendingForms.push({ folded, key });
      const acr = acronymKey(def.short);
      let byLong = definitions.get(acr);
      if (byLong === undefined) {
        byLong = new Map();
        definitions.set(acr, byLong);
      }
      // Counted once per paper: how many papers define the acronym this way.
      const definition = `${acr}\u0000${key}`;
      if (!definedHere.has(definition)) bump(byLong, key);
      definedHere.add(definition);
      if (!local.has(acr)) local.set(acr, key);
      let surfaces = acronymSurfaces.get(acr);
      if (surfaces === undefined) {
        surfaces = new Map();
        acronymSurfaces.set(acr, surfaces);
      }
      bump(surfaces, def.short);
    }
    for (const text of texts) {
      if (!text.includes('-of-')) continue;
      for (const m of text.matchAll(HYPHEN_OF)) {
        const folded = foldText(m[0]);
        if (folded.some((p) => p === 'the' || p === 'a' || p === 'an')) continue;
        pendingForms.push({ folded, key: addForm(folded, formVariant(m[0])) });
      }
    }
    localAcronyms.push(local);
  });
  for (const phrase of OF_TERMS) {
    const folded = phrase.split(' ').map(foldWord);
    pendingForms.push({ folded, key: addForm(folded, phrase, 0) });
  }
  // The trie's forms in key order; a form met several times goes in once (adding it again changes nothing).
  const forms: [string[], string][] = [];
  const seenForms = new Set<string>();
  for (const { folded, key } of pendingForms.sort((a, b) => compare(a.key, b.key))) {
    const seen = `${key}\u0000${folded.join(' ')}`;
    if (seenForms.has(seen)) continue;
    seenForms.add(seen);
    forms.push([folded, key]);
  }

  const globalAcronym = new Map<string, string>(); // acronym key → primary long-form group
  const groupAcronym = new Map<string, { acr: string; count: number }>();
  for (const acr of [...definitions.keys()].sort(compare)) {
    const byLong = definitions.get(acr) as Map<string, number>;
    let best = '';
    let bestCount = -1;
    for (const key of [...byLong.keys()].sort(compare)) {
      const c = byLong.get(key) ?? 0;
      if (c > bestCount) {
        best = key;
        bestCount = c;
      }
    }
    if (bestCount >= MIN_DEFINING_PAPERS) globalAcronym.set(acr, best);
    const current = groupAcronym.get(best);
    if (current === undefined || bestCount > current.count) groupAcronym.set(best, { acr, count: bestCount });
  }
  const formIds = new Map<string, string>();
  for (const [key, variants] of formVariants) formIds.set(key, chooseId(variants));
  const formWords: [string, string[]][] = [];
  for (const [key, id] of formIds) formWords.push([key, id.split(' ')]);

  return {
    setup: { forms, acronyms: [...globalAcronym], formWords, titleWeight },
    jobs: prepared.map(({ texts }, p) => ({ texts, acronyms: [...(localAcronyms[p] as Map<string, string>)] })),
    state: {
      sorted,
      minPapers: options.minPapers ?? 2,
      maxPaperTerms: options.maxPaperTerms ?? 12,
      nestedWeight: options.nestedWeight ?? 0.5,
      formIds,
      groupAcronym,
      acronymSurfaces,
    },
  };
}

/** The per-paper pass for one paper, given a way to get the tokens of a text. */
export type PhraseFinder = (job: PaperJob, tokens: (text: string) => readonly NlpToken[]) => PaperPhrases;

/**
 * Pass 3 of {@link extractTerms}, one paper at a time: tags the paper's texts (through `tokens`) and finds
 * their phrase occurrences and content words. The result depends on the setup and the paper alone, so papers
 * can be done in any order, on any thread.
 */
export function phraseFinder(setup: PhraseSetup): PhraseFinder {
  const trie = new PhraseTrie();
  for (const [folded, key] of setup.forms) trie.add(folded, key);
  const globalAcronym = new Map(setup.acronyms);
  const formWords = new Map(setup.formWords);
  return (job, tokensFor) => {
    const local = new Map(job.acronyms);
    const defined = new Set(local.keys());
    const ctx: PhraseContext = {
      dictionary: trie,
      acronymGroup: (key) => local.get(key) ?? globalAcronym.get(key),
      groupWords: (group) => formWords.get(group) ?? [group],
    };
    const bag = new Map<string, number>();
    const occurrences = job.texts.map((text, segment) => {
      const title = segment === 0;
      const tokens = tokensFor(text);
      const found = extractPhrases(tokens, definitionAcronyms(tokens, defined), ctx, title);
      addContentWords(tokens, title ? setup.titleWeight : 1, bag);
      return found;
    }) as [PhraseOccurrence[], PhraseOccurrence[]];
    return { occurrences, words: [...bag] };
  };
}

/**
 * Pass 3 of {@link extractTerms}: gathers what {@link phraseFinder} found, one paper at a time in job order, so
 * that no paper's result has to be kept once it is counted.
 */
export class PhraseTally {
  /** Papers added so far. */
  size = 0;
  readonly groups = new Map<string, Group>();
  // Id variants and surfaces are kept per occurrence and counted in pass 4 for the corpus terms only.
  readonly occKeys: string[] = [];
  readonly occVariants: string[] = [];
  readonly occSurfaces: string[] = [];
  readonly occPrimary: boolean[] = [];
  readonly nestedPaper: number[] = [];
  readonly nestedKey: string[] = [];
  readonly nestedWeightOf: number[] = [];
  readonly words: Map<string, number>[] = [];
  /** Acronym key → its surfaces: the plan's counts from the definitions, then every bare use. */
  readonly acronymSurfaces: Map<string, Map<string, number>>;
  /** Papers that use a group as a bare acronym, and papers that write it out (alone or inside a longer phrase). */
  readonly barePapers = new PaperCounter();
  readonly writtenPapers = new PaperCounter();

  constructor(readonly plan: TermPlan) {
    this.acronymSurfaces = new Map([...plan.state.acronymSurfaces].map(([acr, surfaces]) => [acr, new Map(surfaces)]));
  }

  /** Counts the next paper's phrases (papers in the order of `plan.jobs`). */
  add({ occurrences, words: bag }: PaperPhrases): void {
    const { titleWeight } = this.plan.setup;
    const { nestedWeight } = this.plan.state;
    const p = this.size;
    if (p >= this.plan.jobs.length) throw new Error(`PhraseTally: more papers than the plan's ${this.plan.jobs.length}`);
    this.size += 1;
    occurrences.forEach((found, segment) => {
      const weight = segment === 0 ? titleWeight : 1;
      for (const occ of found) {
        let g = this.groups.get(occ.key);
        if (g === undefined) {
          g = { papers: [], weights: [], nestedPapers: [], nestedWeights: [] };
          this.groups.set(occ.key, g);
        }
        addWeight(g.papers, g.weights, p, weight);
        for (const group of occ.acronymGroups ?? []) this.barePapers.add(group, p);
        for (const group of occ.formGroups ?? []) this.writtenPapers.add(group, p);
        if (occ.acronym !== undefined) {
          const acr = acronymKey(occ.acronym);
          let surfaces = this.acronymSurfaces.get(acr);
          if (surfaces === undefined) {
            surfaces = new Map();
            this.acronymSurfaces.set(acr, surfaces);
          }
          bump(surfaces, occ.acronym);
        } else {
          this.occKeys.push(occ.key);
          this.occVariants.push(occ.variant);
          this.occSurfaces.push(occ.surface);
          this.occPrimary.push(occ.primary);
        }
        for (const key of occ.nested) {
          this.nestedPaper.push(p);
          this.nestedKey.push(key);
          this.nestedWeightOf.push(weight * nestedWeight);
        }
      }
    });
    this.words.push(new Map(bag));
  }
}

/** Pass 4 of {@link extractTerms} (terms, specificity, weights), once every paper is in the tally. */
export function finishTerms(plan: TermPlan, tally: PhraseTally): TermExtraction {
  const { sorted, minPapers, maxPaperTerms, formIds, groupAcronym } = plan.state;
  const n = sorted.length;
  if (tally.plan !== plan || tally.size !== n) throw new Error(`finishTerms: a tally of ${tally.size} papers for a plan of ${n}`);
  const { groups, occKeys, occVariants, occSurfaces, occPrimary, nestedPaper, nestedKey, nestedWeightOf, words, acronymSurfaces, barePapers, writtenPapers } = tally;
  nestedKey.forEach((key, i) => {
    const g = groups.get(key);
    if (g !== undefined && g.papers.length >= 2) addWeight(g.nestedPapers, g.nestedWeights, nestedPaper[i] as number, nestedWeightOf[i] as number);
  });

  // Pass 4: terms.
  interface Draft {
    key: string;
    id: string;
    papers: number[];
    acronym?: string;
    label: string;
    longForm?: string;
  }
  const termPapers = new Map<string, number[]>();
  for (const [key, g] of groups) {
    if (g.papers.length + g.nestedPapers.length < minPapers) continue;
    const papers = union(g.papers, g.nestedPapers);
    if (papers.length >= minPapers) termPapers.set(key, papers);
  }
  const variants = new Map<string, Map<string, number>>();
  const votes = new Map<string, Map<string, number>>();
  const fallbackVotes = new Map<string, Map<string, number>>();
  const countIn = (maps: Map<string, Map<string, number>>, key: string, value: string): void => {
    let m = maps.get(key);
    if (m === undefined) {
      m = new Map();
      maps.set(key, m);
    }
    bump(m, value);
  };
  occKeys.forEach((key, i) => {
    if (!termPapers.has(key)) return;
    countIn(variants, key, occVariants[i] as string);
    countIn(occPrimary[i] === true ? votes : fallbackVotes, key, occSurfaces[i] as string);
  });
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  for (const key of [...termPapers.keys()].sort(compare)) {
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

  // Specificity: how much more alike the papers using a term are than two random papers.
  const vectors = wordVectors(words);
  const scratch = new Float64Array(vectors.vocabulary.size);
  const background = meanPairwiseSimilarity(vectors.vectors, null, scratch);
  const specificity = new Map<string, number>();
  const marks = new Uint8Array(vectors.vocabulary.size);
  for (const d of drafts) {
    const own = ownWords(d.id, d.acronym, vectors.vocabulary);
    for (const f of own) marks[f] = 1;
    const coherence = meanPairwiseSimilarity(d.papers.map((p) => vectors.vectors[p] as SparseVector), marks, scratch, background);
    for (const f of own) marks[f] = 0;
    specificity.set(d.key, specificityOf(coherence, background));
  }

  // Per-paper counts and BM25 weights.
  const counts: Map<string, number>[] = sorted.map(() => new Map());
  for (const d of drafts) {
    const g = groups.get(d.key) as Group;
    g.papers.forEach((p, i) => bump(counts[p] as Map<string, number>, d.id, g.weights[i] as number));
    g.nestedPapers.forEach((p, i) => bump(counts[p] as Map<string, number>, d.id, g.nestedWeights[i] as number));
  }
  const lengths = counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1;
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  const k1 = 1.2;
  const b = 0.75;
  const paperTerms: Record<string, WeightedTerm[]> = {};
  const occurrences: TermOccurrences = {};
  const termScore = new Map<string, number>();
  for (const d of drafts) {
    const single = !d.id.includes(' ') && d.acronym === undefined ? SINGLE_WORD_FACTOR : 1;
    termScore.set(d.id, single * (specificity.get(d.key) ?? 0) * Math.log2(1 + d.papers.length));
  }
  sorted.forEach((paper, p) => {
    const m = counts[p] as Map<string, number>;
    const len = lengths[p] ?? 0;
    const weighted: WeightedTerm[] = [];
    for (const [id, tf] of m) {
      const d = draftById.get(id) as Draft;
      const df = d.papers.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const bm25 = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgLength));
      const spec = specificity.get(d.key) ?? 0;
      weighted.push({ term: id, weight: round4(bm25 * (0.1 + spec)) });
    }
    weighted.sort((x, y) => y.weight - x.weight || compare(x.term, y.term));
    const kept: WeightedTerm[] = [];
    for (const w of weighted) {
      if (kept.length >= maxPaperTerms) break;
      if (kept.some((k) => containsWords(k.term, w.term))) continue;
      kept.push(w);
    }
    paperTerms[paper.id] = kept;
    occurrences[paper.id] = [...m.keys()].sort(compare);
  });

  const terms: Term[] = drafts.map((d) => {
    const term: Term = {
      id: d.id,
      slug: termSlug(d.id),
      label: d.label,
      papers: d.papers.map((p) => (sorted[p] as Paper).id),
      score: round4(termScore.get(d.id) ?? 0),
    };
    if (d.acronym !== undefined) term.acronym = d.acronym;
    if (d.longForm !== undefined) term.longForm = d.longForm;
    return term;
  });
  terms.sort((x, y) => y.score - x.score || compare(x.id, y.id));
  return { terms, paperTerms, occurrences, paperIds: sorted.map((p) => p.id), termCounts: counts, wordCounts: words };
}

/** How much the papers using a term are more alike than papers in general, saturating in [0, 1): 0 = no more alike (a generic term). */
export function specificityOf(coherence: number, background: number): number {
  const excess = background > 0 ? coherence / background - 1 : 0;
  return excess <= 0 ? 0 : excess / (excess + SATURATION);
}

/**
 * True when a term is better named by its acronym: papers that use the acronym alone are at least twice as
 * many as papers that write the term out (and at least three). Researchers say `CLIP`, `LiDAR`, `PSNR` and
 * `LoRA`, and write the long form once in a definition, if at all; `large language model` stays written out.
 */
export function namedByAcronym(barePapers: number, writtenPapers: number): boolean {
  return barePapers >= 3 && barePapers >= 2 * writtenPapers;
}

/** Counts, per key, the distinct papers it was added for (papers come in ascending order). */
class PaperCounter {
  private readonly last = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  add(key: string, paper: number): void {
    if (this.last.get(key) === paper) return;
    this.last.set(key, paper);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/** Score factor of single-word terms (no acronym): a lone word is more ambiguous than a phrase. */
const SINGLE_WORD_FACTOR = 0.8;

/** Lift over the background (coherence / background − 1) at which specificity is one half. */
const SATURATION = 0.5;

/** Pseudo-pairs at background similarity added to a term's pairs (shrinks the coherence of rare terms). */
const PRIOR_PAIRS = 2;

/** True when `inner`'s words are a contiguous part of `outer`'s (`language model` in `large language model`). */
export function containsWords(outer: string, inner: string): boolean {
  return outer !== inner && ` ${outer} `.includes(` ${inner} `);
}

/** Round to 4 significant digits for stable, compact JSON. */
function round4(v: number): number {
  return Number(v.toPrecision(4));
}

/** Tf-idf content-word vectors (sublinear tf, smoothed idf, L2-normalised) and their vocabulary. */
function wordVectors(bags: readonly Map<string, number>[]): { vectors: SparseVector[]; vocabulary: Map<string, number> } {
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of bag.keys()) bump(df, w);
  const vocabulary = new Map<string, number>();
  for (const w of [...df.keys()].sort(compare)) vocabulary.set(w, vocabulary.size);
  const n = bags.length;
  const vectors = bags.map((bag) =>
    sparseVector([...bag].map(([w, tf]) => [vocabulary.get(w) as number, sublinearTf(tf) * smoothIdf(df.get(w) ?? 1, n)] as const)),
  );
  return { vectors, vocabulary };
}

/** Vocabulary indices of a term's own words (and their concatenations, as compounds are stored joined). */
function ownWords(id: string, acronym: string | undefined, vocabulary: ReadonlyMap<string, number>): Set<number> {
  const words = id.split(' ').map(foldWord);
  const own = new Set<number>();
  const add = (w: string): void => {
    const i = vocabulary.get(w);
    if (i !== undefined) own.add(i);
  };
  for (let a = 0; a < words.length; a += 1) {
    let joined = '';
    for (let z = a; z < words.length; z += 1) {
      joined += words[z];
      add(joined);
    }
  }
  if (acronym !== undefined) add(foldWord(acronym));
  return own;
}

/**
 * Mean cosine similarity over the pairs of the given (L2-normalised) vectors, features in
 * marked 1 in `exclude` left out, shrunk towards `prior` by PRIOR_PAIRS pseudo-pairs.
 * `scratch` is a zeroed array of the vocabulary size (left zeroed).
 */
function meanPairwiseSimilarity(
  vectors: readonly SparseVector[],
  exclude: Uint8Array | null,
  scratch: Float64Array,
  prior?: number,
): number {
  let self = 0;
  const touched: number[] = [];
  for (const v of vectors) {
    for (let k = 0; k < v.indices.length; k += 1) {
      const f = v.indices[k] as number;
      if (exclude !== null && exclude[f] === 1) continue;
      const x = v.values[k] as number;
      if (scratch[f] === 0) touched.push(f);
      scratch[f] = (scratch[f] as number) + x;
      self += x * x;
    }
  }
  let total = 0;
  for (const f of touched) {
    total += (scratch[f] as number) ** 2;
    scratch[f] = 0;
  }
  const m = vectors.length;
  const pairs = (m * (m - 1)) / 2;
  const pairSum = (total - self) / 2;
  if (prior === undefined) return pairs > 0 ? pairSum / pairs : 0;
  return (pairSum + PRIOR_PAIRS * prior) / (pairs + PRIOR_PAIRS);
}
