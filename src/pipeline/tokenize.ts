/**
 * The one tokenizer of the pipeline: text → tokens with part of speech and lemma (wink-nlp, see `wink.ts`),
 * hyphenated compounds joined into one token. Every text is read as if it were the first, so tokens depend on
 * the text alone.
 */
import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import { singular } from './inflect';
import { forgetNewLexemes, mark, winkInstance } from './wink';

/** Coarse token kinds. */
export type TokenKind = 'word' | 'number' | 'punct' | 'url' | 'other';

/** One token of a tokenized text. */
export interface NlpToken {
  /** Surface form as written (a hyphenated compound is one token: `Mixture-of-Experts`). */
  text: string;
  /** Lower-cased surface form. */
  lower: string;
  /** Part of speech (universal tags); for a compound, decided from its parts (see {@link compoundPos}). */
  pos: PartOfSpeech;
  /** wink's lemma (lower case); for a compound, the lower-cased compound. */
  lemma: string;
  /** Lower-cased parts of a hyphenated compound (`["mixture", "of", "experts"]`), else `[lower]`. */
  parts: string[];
  /** Parts folded for matching: lower case, singular (`LLMs` → [`llm`], `Mixtures-of-Experts` → [`mixture`, `of`, `expert`]). */
  folded: string[];
  kind: TokenKind;
  /** True when whitespace precedes the token. */
  space: boolean;
  /** True for the first token of a sentence. */
  sentenceStart: boolean;
  /** True for an English stop word (wink's list; false for compounds). */
  stop: boolean;
}

/** Words that end a compound and make it an adjective (`model-agnostic`, `LLM-based`). */
const ADJ_LAST_PARTS = new Set([
  'based', 'aware', 'agnostic', 'free', 'specific', 'level', 'wise', 'like', 'driven', 'guided', 'oriented',
  'centric', 'efficient', 'intensive', 'dependent', 'independent', 'invariant', 'friendly', 'ready', 'scale',
  'grained', 'shot', 'style', 'rich', 'heavy', 'light', 'sensitive', 'critical', 'consistent', 'compatible',
  'preserving', 'resistant', 'robust', 'native', 'only', 'intensive', 'agnostic', 'powered', 'bound', 'wide',
  'related', 'time', 'end', 'box', 'shelf', 'art', 'play', 'source', 'step', 'order', 'dimensional', 'layer',
]);

/** Decide a compound's POS from its parts' tags: a noun-headed compound is a NOUN, else it modifies (ADJ). */
function compoundPos(parts: readonly string[], tags: readonly PartOfSpeech[]): PartOfSpeech {
  const last = parts[parts.length - 1] ?? '';
  const lastTag = tags[tags.length - 1] ?? 'X';
  if (parts.includes('the') || parts.includes('a') || ADJ_LAST_PARTS.has(last)) return 'ADJ';
  if (parts.length >= 3 && parts[0] === last) return 'ADJ'; // end-to-end, point-to-point
  if (/^[0-9.]+$/.test(last)) return 'PROPN'; // GPT-4, Llama-2
  if (/ed$/.test(last) && last.length > 4) return 'ADJ'; // pre-trained, LLM-augmented
  if (lastTag === 'NOUN' || lastTag === 'PROPN') return 'NOUN';
  if (lastTag === 'VERB' && /ing$/.test(last)) return 'NOUN'; // fine-tuning, pre-training
  return 'ADJ';
}
const foldedMemo = new Map<string, string[]>();

/** Folded parts of a word (see {@link NlpToken.folded}), memoized: shared arrays, never to be modified. */
export function foldParts(text: string): string[] {
  let parts = foldedMemo.get(text);
  if (parts === undefined) {
    if (foldedMemo.size >= 500_000) foldedMemo.clear();
    parts = text.split('-').map((w) => singular(w).toLowerCase());
    foldedMemo.set(text, parts);
  }
  return parts;
}

/** What a token's text gives, computed once per distinct text. */
interface WordInfo {
  text: string;
  lower: string;
  /** Lower-cased hyphen parts (`["pre", "training"]`), else `[lower]`. */
  parts: string[];
  /** Folded parts (see {@link NlpToken.folded}); `[lower]` for tokens that are no words. */
  folded: string[];
  /** Letters and digits mixed (`3D`, `S2FT`, `LLM4Rec`): a name, whatever the tagger says. */
  alphanumeric: boolean;
}

const infoById: (WordInfo | undefined)[] = [];

/** Lower case, parts and folded parts of a token's text (see {@link WordInfo}); `word`: the token is a word. */
export function partsOf(text: string, word: boolean): Pick<WordInfo, 'lower' | 'parts' | 'folded'> {
  const lower = text.toLowerCase();
  const folded = word ? foldParts(text) : [lower];
  const parts = folded.length === 1 && folded[0] === lower ? folded : lower.split('-');
  return { lower, parts, folded };
}

/** The {@link WordInfo} of a text, computed fresh. */
function wordInfo(text: string, word: boolean): WordInfo {
  const alphanumeric = /[A-Za-z]/.test(text) && /[0-9]/.test(text) && /^[A-Za-z0-9.-]+$/.test(text);
  return { text, ...partsOf(text, word), alphanumeric };
}

/** {@link WordInfo} of a single wink token, memoized by wink's vocabulary id (an array index is cheaper than hashing); -1: not memoized. */
function infoOf(id: number, text: string, word: boolean): WordInfo {
  if (id < 0 || id >= 5_000_000) return wordInfo(text, word);
  let info = infoById[id];
  // Only ids of the shipped vocabulary get here (see `tokenize`); check the text all the same.
  if (info === undefined || info.text !== text) {
    info = wordInfo(text, word);
    infoById[id] = info;
  }
  return info;
}

/** Tokens that end a sentence. */
const SENTENCE_END = new Set(['.', '!', '?']);
/** True for a token that can be part of a hyphenated compound (a word, a number, a letter like `μ`). */
function wordish(type: string | undefined, value: string | undefined): boolean {
  return type === 'word' || type === 'number' || (type !== 'url' && /^[\p{L}\p{N}]+$/u.test(value ?? ''));
}

/**
 * Glue back names wink splits at digits, in place: `3` `DGS` → `3DGS`, `2` `D` → `2D`,
 * `Qwen2` `.` `5-VL` → `Qwen2.5-VL` (no spaces between the pieces). Glued tokens are proper nouns.
 */
function glueNames(
  values: string[],
  tags: PartOfSpeech[],
  types: string[],
  spaces: string[],
  lemmas: string[],
  stops: boolean[],
  ids: number[],
): void {
  // Most texts need nothing: find the first token to glue before rewriting anything.
  let first = -1;
  for (let r = 1; r < values.length && first < 0; r += 1) {
    if ((spaces[r] ?? ' ') !== '') continue;
    if (types[r - 1] === 'number' || (values[r] === '.' && /[0-9]$/.test(values[r - 1] ?? ''))) first = r - 1;
  }
  if (first < 0) return;
  let w = first;
  for (let r = first; r < values.length; r += 1) {
    const value = values[r] ?? '';
    const prev = w > 0 ? (values[w - 1] ?? '') : '';
    const numberThenWord = w > 0 && types[w - 1] === 'number' && /^[0-9]+$/.test(prev) && types[r] === 'word' && /^\p{L}/u.test(value);
    const versionDot =
      w > 0 && value === '.' && (spaces[r] ?? '') === '' && (spaces[r + 1] ?? ' ') === '' && /\p{L}[\p{L}-]*[0-9]$/u.test(prev) && /^[0-9]/.test(values[r + 1] ?? '');
    if ((numberThenWord && (spaces[r] ?? '') === '') || versionDot) {
      const glued = versionDot ? `${prev}.${values[r + 1] ?? ''}` : prev + value;
      if (versionDot) r += 1;
      values[w - 1] = glued;
      tags[w - 1] = 'PROPN';
      types[w - 1] = 'word';
      lemmas[w - 1] = glued.toLowerCase();
      stops[w - 1] = false;
      ids[w - 1] = -1;
      continue;
    }
    values[w] = value;
    tags[w] = tags[r] ?? 'X';
    types[w] = types[r] ?? '';
    spaces[w] = spaces[r] ?? '';
    lemmas[w] = lemmas[r] ?? '';
    stops[w] = stops[r] ?? false;
    ids[w] = ids[r] ?? -1;
    w += 1;
  }
  for (const list of [values, tags, types, spaces, lemmas, stops, ids]) list.length = w;
}

/** Tokenize and tag a text: hyphenated compounds become one token; URLs, numbers and punctuation are marked. */
export function tokenize(text: string): NlpToken[] {
  const inst = winkInstance();
  const wink = inst.wink;
  const its = wink.its;
  const marks = mark(inst);
  let values: string[], tags: PartOfSpeech[], types: string[], spaces: string[], lemmas: string[], stops: boolean[], ids: number[];
  try {
    const tokens = wink.readDoc(text).tokens();
    values = tokens.out(its.value) as string[];
    tags = tokens.out(its.pos) as PartOfSpeech[];
    types = tokens.out(its.type) as string[];
    spaces = tokens.out(its.precedingSpaces) as string[];
    // wink's typings declare `its.lemma` with an extra addons argument; it is a token its-function all the same.
    lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
    stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
    ids = tokens.out(its.uniqueId) as unknown as number[];
  } finally {
    // Every text is tokenized as if it were the first: the output depends on the text alone.
    forgetNewLexemes(inst, marks);
  }
  // Ids of out-of-vocabulary words change from text to text: only the shipped vocabulary's are memo keys.
  for (let i = 0; i < ids.length; i += 1) if ((ids[i] ?? -1) >= inst.intrinsic) ids[i] = -1;
  glueNames(values, tags, types, spaces, lemmas, stops, ids);
  // A sentence starts the text or follows `.`, `!` or `?`.
  const starts = (i: number): boolean => i === 0 || SENTENCE_END.has(values[i - 1] ?? '');
  const out: NlpToken[] = [];
  const n = values.length;
  for (let i = 0; i < n; i += 1) {
    const value = values[i] ?? '';
    const type = types[i] ?? '';
    const kind: TokenKind =
      type === 'word' ? 'word' : type === 'number' ? 'number' : type === 'punctuation' ? 'punct' : type === 'url' ? 'url' : 'other';
    // Join `a-b-c` (no spaces around the hyphens) into one token.
    let j = i;
    while (
      j + 2 < n &&
      values[j + 1] === '-' &&
      (spaces[j + 1] ?? '') === '' &&
      (spaces[j + 2] ?? '') === '' &&
      wordish(types[j + 2], values[j + 2]) &&
      wordish(types[j], values[j])
    ) {
      j += 2;
    }
    if (j > i) {
      const partValues: string[] = [];
      const partTags: PartOfSpeech[] = [];
      for (let k = i; k <= j; k += 2) {
        partValues.push(values[k] ?? '');
        partTags.push(tags[k] ?? 'X');
      }
      const surface = partValues.join('-');
      const parts = partValues.map((p) => p.toLowerCase());
      out.push({
        text: surface,
        lower: surface.toLowerCase(),
        pos: compoundPos(parts, partTags),
        lemma: surface.toLowerCase(),
        parts,
        folded: foldParts(surface),
        kind: 'word',
        space: (spaces[i] ?? '') !== '' || i === 0,
        sentenceStart: starts(i),
        stop: false,
      });
      i = j;
      continue;
    }
    const { lower, parts, folded, alphanumeric } = infoOf(ids[i] ?? -1, value, kind === 'word');
    let pos = tags[i] ?? 'X';
    // Alphanumeric names (3D, S2FT, LLM4Rec) are nouns, not numbers.
    if (alphanumeric) pos = 'PROPN';
    // A hyphenated word wink kept whole (`pre-trained`, `pre-training`) follows the compound rules.
    else if (kind === 'word' && parts.length > 1) {
      pos = compoundPos(parts, parts.map((_, k) => (k === parts.length - 1 ? pos : 'NOUN')));
    }
    out.push({
      text: value,
      lower,
      pos,
      lemma: (lemmas[i] ?? lower).toLowerCase(),
      // wink keeps some hyphenated words whole (`pre-training`): their parts are the hyphen's parts.
      parts,
      folded,
      kind,
      space: (spaces[i] ?? '') !== '' || i === 0,
      sentenceStart: starts(i),
      stop: stops[i] === true,
    });
  }
  return out;
}
