/**
 * wink-nlp set-up and the one tokenizer of the pipeline: text → tokens with part of speech and
 * lemma, hyphenated compounds joined into one token. The only module that imports wink.
 * The model loads from node_modules (no network).
 */
import winkNLP, { type ItsFunction, type PartOfSpeech } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { singular } from './inflect';

/** Coarse token kinds. */
export type TokenKind = 'word' | 'number' | 'punct' | 'url' | 'other';

/** One token of an analysed text. */
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

let instance: ReturnType<typeof winkNLP> | undefined;

/** The shared wink instance (POS tagging; sentence boundaries are not needed by the tagger), created on first use. */
function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['pos']);
  return instance;
}

/**
 * Starts a fresh wink instance. wink's tokenizer learns: a token added to its cache by one text
 * (`7B`) changes how later texts are split (`7` `B` before, `7B` after). Every analysis run starts
 * from the model as shipped, so the same corpus always gives the same tokens.
 */
export function resetNlp(): void {
  instance = undefined;
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

/** Remove URLs, markup and LaTeX leftovers so they do not split words: `Nystr\"om` → `Nystrom`, `S^{2}FT` → `S2FT`. */
export function cleanText(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, (url) => (url.endsWith('.') ? ' .' : ' '))
    .replace(/\\["'`^~=.]\{?([A-Za-z])\}?/g, '$1')
    .replace(/\\(?:em|it|bf|textit|textbf|emph|mathrm|mathbf|text|rm|tt|sf|cal|mathcal)\b\s*/g, '')
    .replace(/\\([%&$#_])/g, '$1')
    .replace(/\\[A-Za-z]+/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s*\^\s*/g, '')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
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

/** The {@link WordInfo} of a text, computed fresh. */
function wordInfo(text: string, word: boolean): WordInfo {
  const lower = text.toLowerCase();
  const folded = word ? foldParts(text) : [lower];
  const parts = folded.length === 1 && folded[0] === lower ? folded : lower.split('-');
  const alphanumeric = /[A-Za-z]/.test(text) && /[0-9]/.test(text) && /^[A-Za-z0-9.-]+$/.test(text);
  return { text, lower, parts, folded, alphanumeric };
}

/** {@link WordInfo} of a single wink token, memoized by wink's vocabulary id (an array index is cheaper than hashing). */
function infoOf(id: number, text: string, word: boolean): WordInfo {
  if (id < 0 || id >= 5_000_000) return wordInfo(text, word);
  let info = infoById[id];
  // Ids of out-of-vocabulary words are reused across documents and instances: check the text too.
  if (info === undefined || info.text !== text) {
    info = wordInfo(text, word);
    infoById[id] = info;
  }
  return info;
}

/** Tokens that end a sentence. */
const SENTENCE_END = new Set(['.', '!', '?']);

/** True when the title capitalizes most of its words (Title Case), so capitals carry no information there. */
function isTitleCase(words: readonly string[]): boolean {
  let cap = 0;
  let lower = 0;
  for (const w of words) {
    if (/^[A-Z][a-z]/.test(w)) cap += 1;
    else if (/^[a-z]{4,}/.test(w)) lower += 1;
  }
  return cap >= 2 && cap > lower;
}

/**
 * Lower-case the plainly capitalized words of a title (`Efficient`, `Side-Information`), keeping
 * acronyms and mixed-case names (`BERT`, `LoRA`, `Meta-Prod2Vec`), so the tagger reads it as prose.
 */
export function decapitalizeTitle(title: string): string {
  const words = title.split(/\s+/);
  const titleCase = isTitleCase(words);
  return words
    .map((w, i) => {
      if (!titleCase && i > 0) return w;
      const parts = w.split('-');
      const plain = parts.every((p) => /^[^A-Za-z]*[A-Z]?[a-z]*[^A-Za-z]*$/.test(p));
      return plain ? w.toLowerCase() : w;
    })
    .join(' ');
}

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
export function analyze(text: string): NlpToken[] {
  const wink = nlp();
  const its = wink.its;
  const doc = wink.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as PartOfSpeech[];
  const types = tokens.out(its.type) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  // wink's typings declare `its.lemma` with an extra addons argument; it is a token its-function all the same.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const ids = tokens.out(its.uniqueId) as unknown as number[];
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
