/** A compact, JSON-serialisable form of a text's tokens, for the token cache (see {@link EncodedTokens}). */
import type { PartOfSpeech } from 'wink-nlp';
import { partsOf, type NlpToken, type TokenKind } from './tokenize';

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

/** Parts and folded parts of a token as {@link decodeTokens} derives them from its text and kind (as {@link tokenize} does). */
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
