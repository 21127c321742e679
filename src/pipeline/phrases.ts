/**
 * Noun-phrase candidates of one tagged text, VOSviewer style: maximal runs of adjectives and
 * nouns ending in a noun, generic modifiers and heads stripped, plurals folded. Known multi-word
 * forms (acronym long forms, `noun of noun` terms) and acronyms are matched first and act as one noun.
 */
import { isAcronymLike, isPluralAcronym, singular } from './inflect';
import type { NlpToken } from './tokenize';
import {
  BROAD_WORDS,
  GENERIC_COMPOUND_ENDS,
  GENERIC_HEADS,
  GENERIC_MODIFIERS,
  GENERIC_NOUNS,
  GENERIC_PHRASES,
  GENERIC_VERBS,
  GERUND_NOUNS,
  NAME_HEADS,
} from './stopwords';

/** Longest phrase kept (in units: a token or a matched multi-word form); longer runs keep their last units. */
export const MAX_PHRASE_UNITS = 5;

/** Fold a surface word for matching: lower case, singular (`LLMs` → `llm`, `Models` → `model`). */
export function foldWord(word: string): string {
  return singular(word).toLowerCase();
}

/** The grouping key of a phrase: its folded words squashed together (`low-rank adaptations` → `lowrankadaptation`). */
export function groupKey(foldedWords: readonly string[]): string {
  return foldedWords.join('');
}

/** Folded words of a phrase text (split at spaces and hyphens). */
export function foldText(text: string): string[] {
  return text
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .map(foldWord);
}

/** Acronym key: lower case, plural folded (`LLMs` → `llm`, `MOE` → `moe`). */
export function acronymKey(word: string): string {
  return (isPluralAcronym(word) ? word.slice(0, -1) : word).toLowerCase();
}

/** Words that end the head of a compound (`mixture-of-experts`: head `mixture`). */
const HEAD_ENDERS = new Set(['of', 'for', 'from', 'with', 'in', 'on', 'to', 'by', 'via', 'as', 'and']);

/** Index of the head among a compound's parts: the last part before a preposition, else the last part. */
export function headIndex(parts: readonly string[]): number {
  const at = parts.findIndex((p, i) => i > 0 && HEAD_ENDERS.has(p.toLowerCase()));
  return at > 0 ? at - 1 : parts.length - 1;
}

/** Singularize the head part of a (possibly hyphenated) word: `Mixtures-of-Experts` → `Mixture-of-Experts`. */
export function singularHead(word: string): string {
  const parts = word.split('-');
  const h = headIndex(parts);
  parts[h] = singular(parts[h] ?? '');
  return parts.join('-');
}

/** A trie over folded word sequences, matched against token parts. */
export class PhraseTrie {
  private readonly root: TrieNode = { next: new Map() };

  /** Add a folded word sequence with the group it stands for (the first group added for a sequence wins). */
  add(words: readonly string[], group: string): void {
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.group ??= group;
  }

  /** Longest match starting at token `i` that ends at a token boundary: [i, end) and its group, or null. */
  match(tokens: readonly NlpToken[], i: number): { end: number; group: string } | null {
    let node: TrieNode | undefined = this.root;
    let best: { end: number; group: string } | null = null;
    for (let t = i; t < tokens.length && node !== undefined; t += 1) {
      const token = tokens[t];
      if (token === undefined || token.kind !== 'word') break;
      const parts = token.folded;
      for (const part of parts) {
        node = node.next.get(part);
        if (node === undefined) break;
      }
      if (node?.group !== undefined) best = { end: t + 1, group: node.group };
    }
    return best;
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  group?: string;
}

/** What the phrase finder needs to know about the corpus. */
export interface PhraseContext {
  /** Known multi-word forms (acronym long forms, `noun of noun` terms). */
  dictionary: PhraseTrie;
  /** Group of an acronym key in this text (local definition first, else the corpus-wide one). */
  acronymGroup(key: string): string | undefined;
  /** Id words of a dictionary or acronym group (`mixture of experts` → [`mixture`, `of`, `experts`]). */
  groupWords(group: string): readonly string[];
}

/** One noun-phrase occurrence. */
export interface PhraseOccurrence {
  /** Group key (see {@link groupKey}). */
  key: string;
  /** Id candidate: lower case, head singular, hyphens as spaces, acronyms expanded. */
  variant: string;
  /** Surface form with the head singular (`Large Language Model`, `LoRA`). */
  surface: string;
  /** False when the surface casing says nothing (sentence start, title). */
  primary: boolean;
  /** The acronym as written when the occurrence is a bare acronym (`LLMs` → `LLM`). */
  acronym?: string;
  /** Groups of the phrase's sub-phrases: its suffixes and the matched forms inside it. */
  nested: string[];
  /** Groups of the phrase (or inside it) written as a bare acronym (`CLIP` in `CLIP features`), when there are any. */
  acronymGroups?: string[];
  /** Groups of the phrase (or inside it) written out, as a known multi-word form, when there are any. */
  formGroups?: string[];
}

type UnitKind = 'N' | 'A' | 'V';

interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  /** Group of a matched form or acronym. */
  group?: string;
  /** True for a bare acronym. */
  bare?: boolean;
  lower: string;
  parts: string[];
  /** Folded parts (for a group: just its key). */
  folded: string[];
}

/** Nouns that may follow a plural noun in a compound (`sports analytics`); others there are read as verbs. */
const VERBLIKE_EXCEPTIONS = new Set(['analytics', 'statistics', 'dynamics']);

/** Parts of speech a known multi-word form can start with (others are not looked up). */
const MATCH_START_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'X']);

/** POS before a participle that can start a phrase (`the proposed …`, `using pretrained …`). */
const PARTICIPLE_AFTER = new Set(['DET', 'ADP', 'PUNCT', 'CCONJ', 'SCONJ', 'VERB']);

/** True when a unit is a generic modifier to strip from a phrase start. */
function isGenericModifier(u: Unit): boolean {
  if (u.group !== undefined) return false;
  if (GENERIC_MODIFIERS.has(u.lower)) return true;
  if (u.parts.length > 1 && u.kind !== 'N') return GENERIC_COMPOUND_ENDS.has(u.parts[u.parts.length - 1] ?? '');
  return false;
}

/** True for a single-word unit that is one of the verbs of scientific prose (`yield`, `show`). */
function isVerbHead(u: Unit): boolean {
  return u.group === undefined && u.parts.length === 1 && GENERIC_VERBS.has(u.folded[0] ?? '');
}

/** True when every part of the phrase is a generic noun or modifier (`model performance`). */
function allGeneric(units: readonly Unit[]): boolean {
  return units.every(
    (u) => u.group === undefined && u.folded.every((p) => GENERIC_NOUNS.has(p) || GENERIC_MODIFIERS.has(p)),
  );
}

/** True when the phrase is a stock phrase of scientific prose (`active area`, see {@link GENERIC_PHRASES}). */
function isStockPhrase(units: readonly Unit[]): boolean {
  return units.every((u) => u.group === undefined) && GENERIC_PHRASES.has(units.flatMap((u) => u.folded).join('-'));
}

/** True when a single unit may not be a term alone. */
function rejectedAlone(u: Unit): boolean {
  if (u.group !== undefined) return false;
  if (u.kind !== 'N') return true;
  const f = u.folded.join('-');
  if (GENERIC_NOUNS.has(f) || BROAD_WORDS.has(f) || GENERIC_MODIFIERS.has(f)) return true;
  if (u.parts.length === 1 && /ing$/.test(f) && !GERUND_NOUNS.has(f)) return true;
  if (/^[ivxl]+$/.test(f)) return true;
  if (u.parts.length > 1 && u.folded.every((p) => GENERIC_NOUNS.has(p) || BROAD_WORDS.has(p) || GENERIC_MODIFIERS.has(p)))
    return true;
  return !/\p{L}{2}/u.test(u.lower) && !isAcronymLike(u.lower.toUpperCase());
}

/** Words that end like a file name. */
const FILE_NAME = /\.(?:html?|php|pdf|md|py|ipynb|json|ya?ml|txt|csv|zip|tar|gz|js|ts)$/i;

/** Classify a token as a phrase unit kind, or null when it breaks phrases. */
function tokenKind(tokens: readonly NlpToken[], i: number, prevUnit: Unit | undefined): UnitKind | null {
  const t = tokens[i] as NlpToken;
  if (t.kind !== 'word' || !/\p{L}/u.test(t.text)) return null;
  if (t.text.length < 2 || t.text.startsWith("'") || t.text.endsWith('.')) return null;
  // A file name (`index.html`, `setup.py`) is no term.
  if (FILE_NAME.test(t.text)) return null;
  const pos = t.pos;
  if (pos === 'NOUN' || pos === 'PROPN') {
    if (t.stop && !isAcronymLike(t.text)) return null;
    // `LLMs use …`, `images matter …`: a noun right after a plural noun is almost always a verb.
    if (prevUnit?.kind === 'N' && prevUnit.end === i && !VERBLIKE_EXCEPTIONS.has(t.lower)) {
      const prev = tokens[i - 1] as NlpToken;
      const lastPart = prev.parts[prev.parts.length - 1];
      if (lastPart !== undefined && prev.folded[prev.folded.length - 1] !== lastPart) return null;
    }
    return 'N';
  }
  if (pos === 'ADJ') return t.stop ? null : 'A';
  if (pos === 'VERB') {
    if (GERUND_NOUNS.has(t.lower)) return 'N';
    // `theorem proving`, `online advertising`: an -ing word after a noun or adjective, taking no object, heads the phrase.
    if (/ing$/.test(t.lower) && prevUnit !== undefined && prevUnit.kind !== 'V' && prevUnit.end === i) {
      const next = tokens[i + 1];
      if (next === undefined || !['NOUN', 'PROPN', 'ADJ', 'DET', 'PRON', 'NUM'].includes(next.pos)) return 'N';
    }
    if (/ed$/.test(t.lower) && t.parts.length === 1) {
      if (prevUnit !== undefined && prevUnit.end === i) return prevUnit.kind === 'N' ? null : 'V';
      const before = tokens[i - 1];
      return before === undefined || PARTICIPLE_AFTER.has(before.pos) ? 'V' : null;
    }
  }
  return null;
}

/** Split a text's tokens into units and phrase runs (arrays of consecutive units). */
function runs(tokens: readonly NlpToken[], skip: ReadonlySet<number>, ctx: PhraseContext): Unit[][] {
  const out: Unit[][] = [];
  let run: Unit[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as NlpToken;
    if (skip.size > 0 && skip.has(i)) {
      flush();
      continue;
    }
    if (t.sentenceStart) flush();
    const prevUnit = run[run.length - 1];
    const match = MATCH_START_POS.has(t.pos) ? ctx.dictionary.match(tokens, i) : null;
    if (match !== null) {
      const lower = tokens.slice(i, match.end).map((x) => x.lower).join(' ');
      run.push({ kind: 'N', start: i, end: match.end, group: match.group, lower, parts: lower.split(/[\s-]+/), folded: [match.group] });
      i = match.end - 1;
      continue;
    }
    if (isAcronymLike(t.text) && t.kind === 'word') {
      const group = ctx.acronymGroup(acronymKey(t.text));
      if (group !== undefined) {
        run.push({ kind: 'N', start: i, end: i + 1, group, bare: true, lower: t.lower, parts: t.parts, folded: [group] });
        continue;
      }
    }
    const kind = tokenKind(tokens, i, prevUnit);
    if (kind === null) {
      flush();
      continue;
    }
    run.push({ kind, start: i, end: i + 1, lower: t.lower, parts: t.parts, folded: t.folded });
  }
  flush();
  return out;
}

/** Strip generic modifiers and heads from a run; null when nothing term-like is left. */
function trimRun(input: readonly Unit[], tokens: readonly NlpToken[]): Unit[] | null {
  let units = input.slice(-MAX_PHRASE_UNITS);
  while (units.length > 0 && (units[0]?.kind !== 'N' || units.length > 1) && isGenericModifier(units[0] as Unit)) units = units.slice(1);
  // Drop trailing modifiers (a run must end in a noun) and verbs tagged as nouns (`method yield`).
  const dropTail = (): void => {
    while (units.length > 0 && (units[units.length - 1]?.kind !== 'N' || isVerbHead(units[units.length - 1] as Unit))) units = units.slice(0, -1);
  };
  dropTail();
  while (units.length > 1) {
    const last = units[units.length - 1] as Unit;
    if (last.group !== undefined || !GENERIC_HEADS.has(last.folded.join('-'))) break;
    units = units.slice(0, -1);
    dropTail();
  }
  if (units.length === 2) {
    const [first, last] = units as [Unit, Unit];
    const name = first.group !== undefined || isAcronymLike(tokens[first.start]?.text ?? '');
    if (name && last.group === undefined && NAME_HEADS.has(last.folded.join('-'))) units = [first];
  }
  // `training LLMs`, `fine-tuning LLMs`: a verb and its object, not a compound.
  if (units.length >= 2) {
    const [first, second] = units as [Unit, Unit];
    const objectLike = second.group !== undefined || isAcronymLike(tokens[second.start]?.text ?? '');
    if (first.group === undefined && first.lower.endsWith('ing') && objectLike) units = units.slice(1);
  }
  if (units.length === 0) return null;
  if (units.length === 1 && rejectedAlone(units[0] as Unit)) return null;
  if (allGeneric(units) || isStockPhrase(units)) return null;
  return units;
}

/** Id words of units: group words, or lower-case parts with the head singular. */
function variantWords(units: readonly Unit[], tokens: readonly NlpToken[], ctx: PhraseContext): string[] {
  const words: string[] = [];
  units.forEach((u, k) => {
    if (u.group !== undefined) {
      words.push(...ctx.groupWords(u.group));
      return;
    }
    const token = tokens[u.start];
    if (token === undefined) return;
    if (token.folded.length === 1) words.push(k === units.length - 1 ? (token.folded[0] ?? token.lower) : token.lower);
    else words.push(...(k === units.length - 1 ? singularHead(token.text) : token.text).toLowerCase().split('-'));
  });
  return words;
}

/** Surface of units as written, with the head of the last unit singular (`Mixtures-of-Experts` → `Mixture-of-Experts`). */
function surfaceOf(units: readonly Unit[], tokens: readonly NlpToken[]): string {
  const first = units[0] as Unit;
  const last = units[units.length - 1] as Unit;
  let text = '';
  for (let i = first.start; i < last.start; i += 1) {
    const t = tokens[i] as NlpToken;
    text += (i > first.start && t.space ? ' ' : '') + t.text;
  }
  if (last.start > first.start) text += tokens[last.start]?.space === true ? ' ' : '';
  const single = tokens[last.start] as NlpToken;
  // The common case, a plain lower-case word: its folded form is its singular.
  if (last.end === last.start + 1 && single.folded.length === 1 && single.text === single.lower) return text + (single.folded[0] ?? single.lower);
  // Words of the last unit with the separator before each, so its head can be found across tokens.
  const words: { sep: string; word: string }[] = [];
  for (let i = last.start; i < last.end; i += 1) {
    const t = tokens[i] as NlpToken;
    t.text.split('-').forEach((w, k) => words.push({ sep: k > 0 ? '-' : i > last.start && t.space ? ' ' : '', word: w }));
  }
  const h = headIndex(words.map((w) => w.word));
  const head = words[h];
  if (head !== undefined) head.word = singular(head.word);
  return text + words.map((w) => w.sep + w.word).join('');
}

/** The text with its first character in lower case. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Group key of a unit sequence. */
function keyOf(units: readonly Unit[]): string {
  return units.map((u) => u.group ?? groupKey(u.folded)).join('');
}

/**
 * Noun-phrase occurrences of one tagged text. `skip` holds token indices that are no part of any
 * phrase (the acronym inside a definition's parentheses); `title` marks a title (casing not voted).
 */
export function extractPhrases(tokens: readonly NlpToken[], skip: ReadonlySet<number>, ctx: PhraseContext, title: boolean): PhraseOccurrence[] {
  const out: PhraseOccurrence[] = [];
  for (const run of runs(tokens, skip, ctx)) {
    const units = trimRun(run, tokens);
    if (units === null) continue;
    const first = units[0] as Unit;
    const firstToken = tokens[first.start] as NlpToken;
    const nested: string[] = [];
    if (units.length > 1) {
      for (let k = 1; k < units.length; k += 1) {
        const suffix = units.slice(k);
        if (suffix.length === 1 && (suffix[0]?.parts.length ?? 0) < 2) continue;
        if (suffix.length === 1 && rejectedAlone(suffix[0] as Unit)) continue;
        if (isGenericModifier(suffix[0] as Unit) || allGeneric(suffix) || isStockPhrase(suffix)) continue;
        nested.push(keyOf(suffix));
      }
      for (const u of units) if (u.group !== undefined) nested.push(u.group);
    }
    const bare = units.length === 1 && first.bare === true;
    // A capital that only marks a sentence start says nothing about the term's casing.
    const sentenceCapital = firstToken.sentenceStart && /^\p{Lu}\p{Ll}*(-|$)/u.test(firstToken.text);
    const occurrence: PhraseOccurrence = {
      key: units.length === 1 && first.group !== undefined ? first.group : keyOf(units),
      variant: variantWords(units, tokens, ctx).join(' '),
      surface: sentenceCapital ? lowerFirst(surfaceOf(units, tokens)) : surfaceOf(units, tokens),
      primary: !title && !sentenceCapital,
      nested: [...new Set(nested)],
    };
    if (bare) occurrence.acronym = singular(firstToken.text);
    // How the phrase names the terms it holds: by acronym, or written out (see `namedByAcronym` in terms.ts).
    for (const u of units) {
      if (u.group === undefined) continue;
      const list = u.bare === true ? (occurrence.acronymGroups ??= []) : (occurrence.formGroups ??= []);
      if (!list.includes(u.group)) list.push(u.group);
    }
    out.push(occurrence);
  }
  return out;
}

