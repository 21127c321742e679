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

/** One feature table of wink's core model: values, their index, and the next index to hand out. */
interface WinkFeature {
  hash: Record<string, number>;
  list: string[];
  index?: number;
}

/** The part of wink's core model (`model.core()`) that grows while texts are read. */
interface WinkCore {
  features: Record<string, WinkFeature | undefined>;
  packing: { efList: string[]; layout: Record<string, number[] | undefined> };
}

/** A wink instance with its core model, which the instance fills as it meets new words. */
interface Instance {
  wink: ReturnType<typeof winkNLP>;
  /** Lexemes (words) wink knows; the shipped vocabulary is the first `intrinsic` entries. */
  lexeme: WinkFeature;
  intrinsic: number;
  /** The other feature tables wink adds to for new words (prefix, suffix, shape). */
  others: WinkFeature[];
}

/**
 * A new instance is started once this many out-of-vocabulary lexemes have accumulated (their
 * strings and wink's packed data for them stay in memory, see {@link forgetNewLexemes}).
 */
const MAX_OOV_LEXEMES = 200_000;

let instance: Instance | undefined;

/** The model's parts loaded by each new instance. */
interface WinkModelParts {
  core: () => WinkCore;
  metaCER: () => unknown;
}

let metaCER: unknown;

/**
 * The model's custom-entity meta model, loaded once: the shipped loader (`load-cer-meta-model.js`)
 * JSON-encodes its module-level value again on every call, so the string doubles in size with each
 * new instance until `JSON.stringify` throws (after about 20 instances in one process).
 */
function metaCerOnce(): unknown {
  metaCER ??= (model as unknown as WinkModelParts).metaCER();
  return metaCER;
}

/** Starts a wink instance (POS tagging; sentence boundaries are not needed by the tagger), keeping a hold on its core model. */
function createInstance(): Instance {
  let core: WinkCore | undefined;
  // winkNLP calls `core()` once, in its set-up: the wrapper keeps the (fresh) object it returns.
  const wrapped = {
    ...model,
    core: () => {
      core = (model as unknown as WinkModelParts).core();
      return core;
    },
    metaCER: metaCerOnce,
  };
  const wink = winkNLP(wrapped as unknown as typeof model, ['pos']);
  const lexeme = core?.features.lexeme;
  if (core === undefined || lexeme === undefined) throw new Error('wink-nlp: the core model was not loaded through core()');
  const others: WinkFeature[] = [];
  for (const [name, feature] of Object.entries(core.features)) {
    if (name !== 'lexeme' && feature?.hash !== undefined && Array.isArray(feature.list)) others.push(feature);
  }
  return { wink, lexeme, intrinsic: lexeme.list.length, others };
}

/** The shared wink instance, created on first use (and again when it has grown too big). */
function nlp(): Instance {
  if (instance === undefined || instance.lexeme.list.length - instance.intrinsic > MAX_OOV_LEXEMES) {
    instance = createInstance();
  }
  return instance;
}

/**
 * Starts a fresh wink instance. Not needed for reproducible output ({@link analyze} forgets every
 * text it read), only to start from a clean heap.
 */
export function resetNlp(): void {
  instance = undefined;
}

/** Sizes of the growing feature tables before a text is read. */
interface Marks {
  lexeme: number;
  others: { length: number; index: number | undefined }[];
}

function mark(inst: Instance): Marks {
  return { lexeme: inst.lexeme.list.length, others: inst.others.map((f) => ({ length: f.list.length, index: f.index })) };
}

/**
 * Makes wink forget the words one text taught it, so that every text is read as if it were the
 * first: wink's tokenizer consults its lexeme table, so a word added by one text (`7B`) changes
 * how later texts are split (`7` `B` before, `7B` after), and a new word's features are fixed by
 * the text that first met it.
 *
 * - Lexemes: the new entries are deleted from the lookup hash, so the tokenizer no longer finds
 *   them. The list itself keeps them (and so keeps growing): wink stores each new lexeme's packed
 *   features in a private array at the lexeme's position in the list, which a shorter list would
 *   desynchronise. A word met again is added again, at a new position, exactly as the first time.
 * - Prefix, suffix and shape tables: truncated to their size before the text. Only the forgotten
 *   lexemes point at the values added, and these tables' indices are bit-packed with a maximum, so
 *   they must not grow without bound.
 *
 * Call only when every output of the text's document has been read.
 */
function forgetNewLexemes(inst: Instance, marks: Marks): void {
  const { hash, list } = inst.lexeme;
  for (let k = marks.lexeme; k < list.length; k += 1) delete hash[list[k] as string];
  inst.others.forEach((feature, i) => {
    const before = marks.others[i];
    if (before === undefined || feature.list.length === before.length) return;
    for (let k = before.length; k < feature.list.length; k += 1) delete feature.hash[feature.list[k] as string];
    feature.list.length = before.length;
    feature.index = before.index;
  });
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

/** Lower case, parts and folded parts of a token's text (see {@link WordInfo}); `word`: the token is a word. */
function partsOf(text: string, word: boolean): Pick<WordInfo, 'lower' | 'parts' | 'folded'> {
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
  // Only ids of the shipped vocabulary get here (see `analyze`); check the text all the same.
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
  const inst = nlp();
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

/** Part-of-speech tags and token kinds, in the order of their codes in {@link EncodedTokens}. */
const POS_TAGS: readonly PartOfSpeech[] = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE',
];
const KINDS: readonly TokenKind[] = ['word', 'number', 'punct', 'url', 'other'];
const POS_CODE = new Map(POS_TAGS.map((p, i) => [p, i]));
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
/** Code points of the one-character token codes: all encode to two UTF-8 bytes and none is escaped by JSON. */
const CODE_BASE = 0x100;

/**
 * The tokens of one text in a compact, JSON-serialisable form (for a cache of tokenized texts):
 * `[texts, codes, lemmas, exceptions?]`.
 * - `codes`: two characters per token: one for its part of speech, kind and flags (space,
 *   sentence start, stop word), one for the length of its text.
 * - `texts`: null when every token's text is read from the tokenized text itself (the next
 *   characters after any spaces: the common case); else the token texts joined by spaces.
 * - `lemmas`: the lemmas joined by spaces, an empty entry where the lemma is the lower-cased text.
 * - `exceptions`: parts and folded parts of the tokens (by index) where they differ from what the
 *   text gives (see {@link derivedParts}).
 */
export type EncodedTokens = [
  texts: string | null,
  codes: string,
  lemmas: string,
  exceptions?: Record<string, [parts: string[], folded: string[]]>,
];

/** Parts and folded parts of a token as {@link decodeTokens} derives them from its text and kind (as {@link analyze} does). */
function derivedParts(text: string, kind: TokenKind): { parts: string[]; folded: string[] } {
  return partsOf(text, kind === 'word');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Longest token text the length character can hold. */
const MAX_TOKEN_LENGTH = 0xd7ff - CODE_BASE;

/** Token texts read from the source text: each follows the previous one after any spaces. */
function textsFromSource(source: string, lengths: readonly number[]): string[] | undefined {
  const texts: string[] = [];
  let at = 0;
  for (const length of lengths) {
    while (source.charCodeAt(at) === 32) at += 1;
    if (at + length > source.length) return undefined;
    texts.push(source.slice(at, at + length));
    at += length;
  }
  return texts;
}

/**
 * Encodes the tokens of a text (see {@link EncodedTokens}); undefined when the compact form cannot
 * hold them exactly (a token text with a space, an unknown tag…): such a text is simply not stored.
 * `decodeTokens(source, encodeTokens(source, tokens))` gives `tokens` back, field by field (the tests check
 * it on every seed text and a sample of the bench corpus).
 */
export function encodeTokens(source: string, tokens: readonly NlpToken[]): EncodedTokens | undefined {
  const codes: string[] = [];
  const lemmas: string[] = [];
  let exceptions: Record<string, [string[], string[]]> | undefined;
  for (const [i, t] of tokens.entries()) {
    const pos = POS_CODE.get(t.pos);
    const kind = KIND_CODE.get(t.kind);
    if (pos === undefined || kind === undefined || t.text.length > MAX_TOKEN_LENGTH) return undefined;
    // Decoding lower-cases the text, reads an empty lemma as the lower-cased text and splits the lemmas at
    // spaces: tokens that would not come back the same are not held.
    if (t.lower !== t.text.toLowerCase()) return undefined;
    const lemma = t.lemma === t.lower ? '' : t.lemma;
    if (lemma === '' ? t.lemma !== t.lower : lemma.includes(' ')) return undefined;
    const code = CODE_BASE + pos * 40 + kind * 8 + (t.space ? 1 : 0) + (t.sentenceStart ? 2 : 0) + (t.stop ? 4 : 0);
    codes.push(String.fromCharCode(code, CODE_BASE + t.text.length));
    lemmas.push(lemma);
    const derived = derivedParts(t.text, t.kind);
    if (!sameList(derived.parts, t.parts) || !sameList(derived.folded, t.folded)) {
      exceptions ??= {};
      exceptions[String(i)] = [[...t.parts], [...t.folded]];
    }
  }
  const fromSource = textsFromSource(source, tokens.map((t) => t.text.length));
  let texts: string | null = null;
  if (fromSource === undefined || !sameList(fromSource, tokens.map((t) => t.text))) {
    // Stored joined by spaces: a token text with a space could not be split back.
    if (tokens.some((t) => t.text.includes(' '))) return undefined;
    texts = tokens.map((t) => t.text).join(' ');
  }
  const encoded: EncodedTokens = [texts, codes.join(''), lemmas.join(' ')];
  if (exceptions !== undefined) encoded.push(exceptions);
  return encoded;
}

/** The tokens of `source` an {@link encodeTokens} result stands for; undefined when it is malformed. */
export function decodeTokens(source: string, encoded: unknown): NlpToken[] | undefined {
  if (!Array.isArray(encoded) || encoded.length < 3 || encoded.length > 4) return undefined;
  const [texts, codes, lemmaList, exceptions] = encoded as unknown[];
  if ((texts !== null && typeof texts !== 'string') || typeof codes !== 'string' || typeof lemmaList !== 'string') return undefined;
  if (exceptions !== undefined && (typeof exceptions !== 'object' || exceptions === null)) return undefined;
  if (codes.length % 2 !== 0) return undefined;
  const n = codes.length / 2;
  if (n === 0) return lemmaList === '' && (texts === null || texts === '') ? [] : undefined;
  const lengths: number[] = [];
  for (let i = 0; i < n; i += 1) lengths.push(codes.charCodeAt(2 * i + 1) - CODE_BASE);
  const words = texts === null ? textsFromSource(source, lengths) : texts.split(' ');
  const lemmas = lemmaList.split(' ');
  if (words === undefined || words.length !== n || lemmas.length !== n) return undefined;
  const out: NlpToken[] = [];
  for (let i = 0; i < n; i += 1) {
    const code = codes.charCodeAt(2 * i) - CODE_BASE;
    const pos = POS_TAGS[Math.floor(code / 40)];
    const kind = KINDS[Math.floor((code % 40) / 8)];
    const text = words[i] as string;
    if (code < 0 || pos === undefined || kind === undefined || text.length !== lengths[i]) return undefined;
    const lower = text.toLowerCase();
    const lemma = lemmas[i] as string;
    const exception = (exceptions as Record<string, unknown> | undefined)?.[String(i)];
    let parts: string[];
    let folded: string[];
    if (exception === undefined) ({ parts, folded } = derivedParts(text, kind));
    else if (Array.isArray(exception) && Array.isArray(exception[0]) && Array.isArray(exception[1])) [parts, folded] = exception as [string[], string[]];
    else return undefined;
    out.push({
      text,
      lower,
      pos,
      lemma: lemma === '' ? lower : lemma,
      parts,
      folded,
      kind,
      space: (code & 1) !== 0,
      sentenceStart: (code & 2) !== 0,
      stop: (code & 4) !== 0,
    });
  }
  return out;
}
