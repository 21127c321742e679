/**
 * Topic labels: class-based TF-IDF (c-TF-IDF, as in BERTopic) over the papers of each topic,
 * and 2–3 distinct key terms per topic with near-duplicates (sub-/super-phrases, same head
 * noun with mostly the same words, acronym and expansion) removed.
 */
import type { WeightedTerm } from './types';

/** A term of a topic's c-TF-IDF ranking; `count` is how many of the topic's papers use it. */
export interface ClassTerm extends WeightedTerm {
  count: number;
}

/** What the labeller needs to know of a term (a `Term` fits). */
export interface TermLabelInfo {
  id: string;
  label: string;
  acronym?: string;
}

/**
 * c-TF-IDF of every class: W(t,c) = tf(t,c) · log(1 + A / f(t)), where tf(t,c) is the number of
 * the class's papers using t divided by the class's total (paper, term) occurrences, f(t) the
 * number of papers (in all classes) using t and A the mean number of occurrences per class.
 * A term counts once per paper, so one paper repeating a phrase cannot dominate its topic.
 * Returns, per class, every term its papers use, best first (ties: more papers, then id).
 */
export function classTfIdf(
  groups: readonly (readonly number[])[],
  paperTermIds: readonly (readonly string[])[],
): ClassTerm[][] {
  // Intern term ids to dense integers; one paper counts a term once.
  const index = new Map<string, number>();
  const names: string[] = [];
  const lastPaper: number[] = [];
  const groupTerms: number[][] = [];
  for (const group of groups) {
    const occurrences: number[] = [];
    for (const paper of group) {
      for (const term of paperTermIds[paper] ?? []) {
        let t = index.get(term);
        if (t === undefined) {
          t = names.length;
          index.set(term, t);
          names.push(term);
          lastPaper.push(-1);
        }
        if (lastPaper[t] === paper) continue;
        lastPaper[t] = paper;
        occurrences.push(t);
      }
    }
    groupTerms.push(occurrences);
  }
  const corpus = new Int32Array(names.length);
  let totalOccurrences = 0;
  for (const occurrences of groupTerms) {
    for (const t of occurrences) corpus[t] = (corpus[t] as number) + 1;
    totalOccurrences += occurrences.length;
  }
  const average = groups.length > 0 ? totalOccurrences / groups.length : 0;
  const counts = new Int32Array(names.length);
  return groupTerms.map((occurrences) => {
    const touched: number[] = [];
    for (const t of occurrences) {
      if (counts[t] === 0) touched.push(t);
      counts[t] = (counts[t] as number) + 1;
    }
    const ranking: ClassTerm[] = touched.map((t) => {
      const count = counts[t] as number;
      return { term: names[t] as string, weight: (count / occurrences.length) * Math.log(1 + average / (corpus[t] as number)), count };
    });
    for (const t of touched) counts[t] = 0;
    return ranking.sort(compareClassTerms);
  });
}

/** Orders class terms best first: weight, then paper count, then id. */
function compareClassTerms(a: ClassTerm, b: ClassTerm): number {
  return b.weight - a.weight || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

const STOPWORDS = new Set(['a', 'an', 'and', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's'];

/** A crude stem, enough to see `recommendation`/`recommender` or `modeling`/`model` as one word. */
function stem(token: string): string {
  for (const suffix of SUFFIXES) {
    if (token.length - suffix.length >= 4 && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

/** The words of a phrase, lower-cased, split at spaces, hyphens and slashes, stripped of punctuation. */
function rawWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[\s\-–/]+/u)
    .map((w) => w.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((w) => w.length > 0);
}

/** The content words of a phrase: raw words without stopwords, stemmed. */
function words(phrase: string): string[] {
  return rawWords(phrase)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** Known acronyms (lower-case) and the content words of their expansions. */
export type AcronymDictionary = ReadonlyMap<string, readonly string[]>;

/** Collects the acronyms declared by terms (`Term.acronym`) into a dictionary. */
export function acronymDictionary(terms: Iterable<TermLabelInfo>): AcronymDictionary {
  const dictionary = new Map<string, string[]>();
  for (const t of terms) {
    if (t.acronym && !dictionary.has(t.acronym.toLowerCase())) dictionary.set(t.acronym.toLowerCase(), words(t.id));
  }
  return dictionary;
}

/** Possible acronyms of a multi-word phrase: initials of all its words and of its content words (`mixture of experts` → moe, me). */
function initials(phrase: string): string[] {
  const all = rawWords(phrase);
  if (all.length < 2) return [];
  const content = all.filter((w) => !STOPWORDS.has(w));
  return [...new Set([all, content].filter((ws) => ws.length >= 2).map((ws) => ws.map((w) => w[0] ?? '').join('')))];
}

/** The content words of `t`, with acronyms expanded: known ones from the dictionary, and `other`'s initials into `other`'s words. */
function expandedWords(t: TermLabelInfo, other: TermLabelInfo, acronyms: AcronymDictionary): string[] {
  const otherWords = words(other.id);
  const otherAcronyms = new Set(initials(other.id));
  if (other.acronym) otherAcronyms.add(other.acronym.toLowerCase());
  return rawWords(t.id)
    .filter((w) => !STOPWORDS.has(w))
    .flatMap((w) => {
      if (otherAcronyms.has(w) && otherWords.length >= 2) return otherWords;
      const known = acronyms.get(w);
      return known && known.length > 0 ? [...known] : [stem(w)];
    });
}

/**
 * True when two terms would read as the same thing in a label: one's words are a subset of the
 * other's, or they share the head noun (last word) and more than half of the shorter one's words,
 * after expanding acronyms (declared ones, from `acronyms`, and one term's initials in the other) and joining a
 * compound that one writes as one word and the other as two.
 */
export function isNearDuplicate(a: TermLabelInfo, b: TermLabelInfo, acronyms: AcronymDictionary = new Map()): boolean {
  if (a.id === b.id || a.label.toLowerCase() === b.label.toLowerCase()) return true;
  if (a.acronym && b.acronym && a.acronym.toLowerCase() === b.acronym.toLowerCase()) return true;
  // The two spellings of a compound read as one word (`autoregressive` and `auto-regressive model`).
  const aClosed = { ...a, id: closeCompounds(a.id, b.id) };
  const bClosed = { ...b, id: closeCompounds(b.id, a.id) };
  const aWords = expandedWords(aClosed, bClosed, acronyms);
  const bWords = expandedWords(bClosed, aClosed, acronyms);
  if (aWords.length === 0 || bWords.length === 0) return false;
  const aSet = new Set(aWords);
  const bSet = new Set(bWords);
  let shared = 0;
  for (const w of aSet) if (bSet.has(w)) shared += 1;
  const smaller = Math.min(aSet.size, bSet.size);
  if (shared === smaller) return true;
  return aWords[aWords.length - 1] === bWords[bWords.length - 1] && shared / smaller > 0.5;
}

/**
 * `phrase` with each run of adjacent words that `other` writes as one word joined up (`auto regressive model` against
 * `autoregressive` → `autoregressive model`), so that the two spellings of a compound compare as one word.
 */
function closeCompounds(phrase: string, other: string): string {
  const own = rawWords(phrase);
  const closed = new Set(rawWords(other).map(stem));
  const out: string[] = [];
  for (let i = 0; i < own.length; i += 1) {
    let end = i;
    let joined = own[i] as string;
    for (let j = i + 1; j < own.length; j += 1) {
      joined += own[j] as string;
      if (closed.has(stem(joined))) end = j;
    }
    out.push(own.slice(i, end + 1).join(''));
    i = end;
  }
  return out.join(' ');
}

/** Options of {@link topicLabels}. */
export interface LabelOptions {
  /** Most terms in a label (default 3). */
  maxTerms?: number;
  /** Fewest terms in a label when the topic has that many candidates (default 2). */
  minTerms?: number;
  /** A label longer than this many characters drops its last term while above `minTerms` (default 50). */
  maxLength?: number;
  /** A candidate must be used by at least this share of the topic's papers (default 0.1, and by 2 papers). */
  minShare?: number;
  /** How many candidates to consider per topic (default 12). */
  candidates?: number;
  /**
   * Among this many best distinct candidates (default 6), after the best one, terms sharing no
   * word with those already chosen go first (`depth estimation · monocular video`, not
   * `depth estimation · depth map · depth information`), then terms no earlier label uses.
   */
  lookahead?: number;
  /** Power of a term's focus in the label ranking (default 2; see {@link topicLabels}). */
  focusPower?: number;
  /** Candidates less focused than this are left out while enough others remain (default 0.1). */
  minFocus?: number;
  /** With focus given, the share of the topic's papers a candidate needs (default 0.05, and 3 papers) instead of `minShare`. */
  focusedMinShare?: number;
}

/**
 * The focus of every term in every topic: the share of the papers showing the term (`shownTermIds[p]`: the key
 * terms shown on paper p) that sit in the topic. A label term that most papers showing it sit elsewhere
 * (`large language model`, `real-world`) says little about its topic.
 */
export function termFocus(groups: readonly (readonly number[])[], shownTermIds: readonly (readonly string[])[]): Map<string, number>[] {
  const total = new Map<string, number>();
  for (const terms of shownTermIds) for (const t of new Set(terms)) total.set(t, (total.get(t) ?? 0) + 1);
  return groups.map((group) => {
    const inside = new Map<string, number>();
    for (const p of group) for (const t of new Set(shownTermIds[p] ?? [])) inside.set(t, (inside.get(t) ?? 0) + 1);
    return new Map([...inside].map(([t, count]) => [t, count / (total.get(t) as number)]));
  });
}

/** The label of one topic and the term ids it is made of. */
export interface TopicLabel {
  label: string;
  terms: string[];
}

/**
 * Labels every topic with 2–3 distinct key terms joined by " · ", from its c-TF-IDF ranking; with `focus` (see
 * {@link termFocus}), each term's weight is multiplied by its focus in the topic to the power `focusPower`, and
 * terms under `minFocus` are left out while enough others remain.
 * Topics are labelled in the given order; after its best term, a topic prefers terms that earlier
 * labels do not use; a topic whose label is taken anyway swaps its last term for its next
 * distinct candidate (then the one before), and as a last resort gets a number.
 */
export function topicLabels(
  rankings: readonly (readonly ClassTerm[])[],
  sizes: readonly number[],
  terms: ReadonlyMap<string, TermLabelInfo>,
  options: LabelOptions = {},
  focus?: readonly ReadonlyMap<string, number>[],
): TopicLabel[] {
  const focusPower = options.focusPower ?? 2;
  const minFocus = options.minFocus ?? 0.1;
  const maxTerms = options.maxTerms ?? 3;
  const minTerms = options.minTerms ?? 2;
  const maxLength = options.maxLength ?? 50;
  const minShare = options.minShare ?? 0.1;
  const candidateCount = options.candidates ?? 12;
  const lookahead = options.lookahead ?? 6;
  const taken = new Set<string>();
  const usedTerms = new Set<string>();
  const acronyms = acronymDictionary(terms.values());
  const result: TopicLabel[] = [];
  rankings.forEach((ranking, index) => {
    const size = sizes[index] ?? 0;
    const info = (id: string): TermLabelInfo => terms.get(id) ?? { id, label: id };
    const focusOf = focus?.[index];
    const minCount = focusOf === undefined ? Math.max(2, Math.ceil(minShare * size)) : Math.max(3, Math.ceil((options.focusedMinShare ?? 0.05) * size));
    const focused =
      focusOf === undefined
        ? ranking
        : ranking
            .map((t) => ({ ...t, weight: t.weight * (focusOf.get(t.term) ?? 0) ** focusPower }))
            .filter((t) => (focusOf.get(t.term) ?? 0) >= minFocus)
            .sort(compareClassTerms);
    let pool = focused.filter((t) => t.count >= minCount);
    if (pool.length < minTerms) pool = focused.length >= minTerms ? [...focused] : ranking.filter((t) => t.count >= minCount);
    if (pool.length < minTerms) pool = [...ranking];
    const distinct: TermLabelInfo[] = [];
    for (const candidate of pool) {
      const term = info(candidate.term);
      if (distinct.some((chosen) => isNearDuplicate(chosen, term, acronyms))) continue;
      distinct.push(term);
      if (distinct.length >= candidateCount) break;
    }
    if (focusOf !== undefined) promoteFocused(distinct, focusOf, maxTerms, focused.filter((t) => t.count >= 3).map((t) => info(t.term)), acronyms);
    reorderCandidates(distinct, lookahead, usedTerms);
    let count = Math.min(maxTerms, distinct.length);
    while (count > minTerms && joinLabels(distinct.slice(0, count)).length > maxLength) count -= 1;
    const choice = uniqueChoice(distinct, count, taken);
    let label = joinLabels(choice);
    const key = labelKey(choice);
    if (taken.has(key) || choice.length === 0) {
      let n = 2;
      while (taken.has(`${key}#${n}`)) n += 1;
      taken.add(`${key}#${n}`);
      label = `${label || 'Topic'} (${n})`;
    } else {
      taken.add(key);
    }
    for (const t of choice) usedTerms.add(t.id);
    result.push({ label, terms: choice.map((t) => t.id) });
  });
  return result;
}

/**
 * A label needs a term most of whose papers sit in the topic: when the first `count` candidates have none, the
 * best focused one (focus ≥ 0.5) moves first, from the candidates or else from `reserve` (the topic's focused
 * terms of 3 papers or more, best first), unless it reads as one of the candidates.
 */
function promoteFocused(
  candidates: TermLabelInfo[],
  focus: ReadonlyMap<string, number>,
  count: number,
  reserve: readonly TermLabelInfo[],
  acronyms: AcronymDictionary,
): void {
  const focused = (t: TermLabelInfo): boolean => (focus.get(t.id) ?? 0) >= 0.5;
  if (candidates.slice(0, count).some(focused)) return;
  const at = candidates.findIndex(focused);
  if (at > 0) {
    candidates.unshift(...candidates.splice(at, 1));
    return;
  }
  const extra = reserve.find((t) => focused(t) && !candidates.some((c) => isNearDuplicate(c, t, acronyms)));
  if (extra !== undefined) candidates.unshift(extra);
}

/**
 * Reorders candidates in place: the first (the topic's best term) stays; the rest of the first
 * `lookahead` are taken greedily, preferring a term that shares no word with those picked so
 * far, then one that no earlier topic's label uses (`used`); ties keep the ranking order.
 */
function reorderCandidates(candidates: TermLabelInfo[], lookahead: number, used: ReadonlySet<string>): void {
  const head = candidates.slice(0, lookahead).map((term, rank) => ({ term, rank, words: words(term.id) }));
  const first = head.shift();
  if (!first) return;
  const picked = [first];
  const seen = new Set(first.words);
  while (head.length > 0) {
    const cost = (c: (typeof head)[number]): number => (c.words.some((w) => seen.has(w)) ? 2 : 0) + (used.has(c.term.id) ? 1 : 0);
    let best = 0;
    for (let i = 1; i < head.length; i += 1) {
      const a = head[i] as (typeof head)[number];
      const b = head[best] as (typeof head)[number];
      if (cost(a) < cost(b)) best = i;
    }
    const [next] = head.splice(best, 1);
    if (!next) break;
    picked.push(next);
    for (const w of next.words) seen.add(w);
  }
  candidates.splice(0, picked.length, ...picked.map((c) => c.term));
}

/** The first `count` candidates, or the nearest variant (later candidates swapped in) not yet taken. */
function uniqueChoice(distinct: TermLabelInfo[], count: number, taken: Set<string>): TermLabelInfo[] {
  const first = distinct.slice(0, count);
  if (!taken.has(labelKey(first))) return first;
  for (let slot = count - 1; slot >= 0; slot -= 1) {
    for (let next = count; next < distinct.length; next += 1) {
      const candidate = distinct[next];
      if (!candidate) continue;
      const choice = [...first];
      choice[slot] = candidate;
      if (!taken.has(labelKey(choice))) return choice;
    }
  }
  return first;
}

/** Identity of a label regardless of term order. */
function labelKey(choice: readonly TermLabelInfo[]): string {
  return choice
    .map((t) => t.id)
    .sort()
    .join('\u0000');
}

/** Between the terms of a topic label (`mixture of experts · routing`). */
export const LABEL_SEPARATOR = ' · ';

/** The display labels joined with {@link LABEL_SEPARATOR}. */
function joinLabels(choice: readonly TermLabelInfo[]): string {
  return choice.map((t) => t.label).join(LABEL_SEPARATOR);
}
