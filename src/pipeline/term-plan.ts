/**
 * Passes 1 and 2 of the term extraction, over the whole corpus and cheap (no tagging): clean every paper's
 * texts, find the acronym definitions (Schwartz–Hearst) and gather the multi-word forms to match (acronym long
 * forms, hyphenated or known `noun of noun` terms). The result is what the per-paper pass needs
 * (`paper-pass.ts`) and what naming the terms needs afterwards.
 */
import { findDefinitions, type AcronymDefinition } from './acronyms';
import { cleanText, decapitalizeTitle } from './clean-text';
import { bumpIn } from './counts';
import { compareText } from './order';
import { singular } from './inflect';
import type { PaperWork } from './paper-pass';
import { acronymKey, foldText, foldWord, groupKey, headIndex } from './phrases';
import { GENERIC_MODIFIERS, GENERIC_NOUNS, OF_TERMS } from './stopwords';
import type { Paper } from './types';

/** What passes 1 and 2 found: the per-paper pass's work, and the corpus-wide facts the naming of terms goes on with. */
export interface TermPlan {
  /** The per-paper pass's input: the setup, and one job per paper in id order. */
  work: PaperWork;
  /** The papers in id order: the paper index of every later count. */
  sorted: Paper[];
  /** Form group → its id (see {@link chooseId}). */
  formIds: Map<string, string>;
  /** Form group → the acronym defined for it most often, and by how many papers. */
  groupAcronym: Map<string, { acr: string; count: number }>;
  /** Acronym key → its surfaces in the definitions (`MoE`, `MOE`) with their counts. */
  acronymSurfaces: Map<string, Map<string, number>>;
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

/** The texts of a paper that are tokenized (see `tokenize.ts`): the cleaned title (lower-cased where Title Case) and abstract. */
export function paperTexts(paper: Pick<Paper, 'title' | 'abstract'>): [title: string, abstract: string] {
  return [decapitalizeTitle(cleanText(paper.title)), cleanText(paper.abstract)];
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

/** Picks the id among a group's variants: most used, then most words (hyphens split), then code-unit order. */
export function chooseId(variants: ReadonlyMap<string, number>): string {
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

/** Passes 1 and 2 over the papers (any order; they are sorted by id); `titleWeight`: weight of a title occurrence. */
export function planTerms(papers: readonly Paper[], titleWeight: number): TermPlan {
  const sorted = [...papers].sort((a, b) => compareText(a.id, b.id));

  // Pass 1: clean the texts, find acronym definitions and hyphenated noun-of-noun forms.
  const prepared = sorted.map(prepare);

  // Pass 2: acronyms and multi-word forms.
  const definitions = new Map<string, Map<string, number>>(); // acronym key → long-form group → papers defining it so
  const formVariants = new Map<string, Map<string, number>>(); // form group → id variants
  const acronymSurfaces = new Map<string, Map<string, number>>(); // acronym key → surfaces
  const localAcronyms: Map<string, string>[] = [];
  const addForm = (folded: string[], variant: string, count = 1): string => {
    const key = groupKey(folded);
    bumpIn(formVariants, key, variant, count);
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
      // Counted once per paper: how many papers define the acronym this way.
      const definition = `${acr}\u0000${key}`;
      if (!definedHere.has(definition)) bumpIn(definitions, acr, key);
      definedHere.add(definition);
      if (!local.has(acr)) local.set(acr, key);
      bumpIn(acronymSurfaces, acr, def.short);
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
  for (const { folded, key } of pendingForms.sort((a, b) => compareText(a.key, b.key))) {
    const seen = `${key}\u0000${folded.join(' ')}`;
    if (seenForms.has(seen)) continue;
    seenForms.add(seen);
    forms.push([folded, key]);
  }

  const globalAcronym = new Map<string, string>(); // acronym key → primary long-form group
  const groupAcronym = new Map<string, { acr: string; count: number }>();
  for (const acr of [...definitions.keys()].sort(compareText)) {
    const byLong = definitions.get(acr) as Map<string, number>;
    let best = '';
    let bestCount = -1;
    for (const key of [...byLong.keys()].sort(compareText)) {
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
    work: {
      setup: { forms, acronyms: [...globalAcronym], formWords, titleWeight },
      jobs: prepared.map(({ texts }, p) => ({ texts, acronyms: [...(localAcronyms[p] as Map<string, string>)] })),
    },
    sorted,
    formIds,
    groupAcronym,
    acronymSurfaces,
  };
}
