/**
 * `tokenize` (tokenize.ts) is a function of the text alone: tokens do not depend on the texts read before.
 * Checked on the seed digests and on two real listings of the benchmark corpus (tests/fixtures/bench-sample),
 * against a fresh wink instance per text (about 0.1 s each). By default a sample: every 16th seed text and
 * every 10th sample text. `NLP_HISTORY_FULL=1` checks every seed text and every 2nd sample text;
 * `NLP_HISTORY_CORPUS=<digest folder>` checks every 40th text of that folder instead of the sample.
 */
import { describe, expect, test } from 'vitest';
import { mergeDigests } from './merge';
import { decodeTokens, encodeTokens } from './token-codec';
import { tokenize, type NlpToken } from './tokenize';
import { resetWink } from './wink';
import { paperTexts } from './term-plan';
import { SAMPLE_DIR, SEED_DIR, readDigests } from '../../tests/digest-fixtures';

const FULL = process.env.NLP_HISTORY_FULL === '1';

/** The texts `extractTerms` tokenizes, in its order (papers by id; title, then abstract). */
function corpusTexts(dir: string): string[] {
  const papers = mergeDigests(readDigests(dir)).papers;
  return [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).flatMap((p) => paperTexts(p));
}

/** Tokens of each text, read one after the other by one instance. */
function inOrder(texts: readonly string[]): NlpToken[][] {
  resetWink();
  return texts.map((t) => tokenize(t));
}

/** Indices of the texts whose tokens, read alone by a fresh instance, differ from `tokens`. */
function differingAlone(texts: readonly string[], tokens: readonly NlpToken[][], step: number): { checked: number; differing: number[] } {
  const differing: number[] = [];
  let checked = 0;
  for (let i = 0; i < texts.length; i += step) {
    resetWink();
    checked += 1;
    if (JSON.stringify(tokenize(texts[i] as string)) !== JSON.stringify(tokens[i])) differing.push(i);
  }
  resetWink();
  return { checked, differing };
}

const tokenTexts = (tokens: readonly NlpToken[]) => tokens.map((t) => t.text);

describe('tokenize is independent of the texts read before', () => {
  test("a word one text taught (Bird's) does not change how a later text is split", () => {
    resetWink();
    const alone = tokenize("Bird's eye");
    expect(tokenTexts(alone)).toEqual(['Bird', "'s", 'eye']);
    resetWink();
    // wink keeps `Bird's` whole here and used to learn it as a word: afterwards `Bird's eye` was split `Bird's` `eye`.
    expect(tokenTexts(tokenize("the Bird's-eye view"))).toContain("Bird's-eye");
    expect(tokenize("Bird's eye")).toEqual(alone);
  });

  test('the same text read twice gives the same tokens', () => {
    resetWink();
    const text = 'We fine-tune LLaMA-7B and Qwen2.5-VL with LoRA (low-rank adaptation) on 3DGS scenes.';
    const first = tokenize(text);
    expect(tokenize(text)).toEqual(first);
    expect(tokenize(text.toUpperCase())).not.toEqual(first);
    expect(tokenize(text)).toEqual(first);
  });

  const seedTexts = corpusTexts(SEED_DIR);
  const seedTokens = inOrder(seedTexts);

  test('seed digests: 796 texts; in reverse order, every text gives the same tokens as in corpus order', () => {
    expect(seedTexts).toHaveLength(796);
    const reversed = inOrder([...seedTexts].reverse()).reverse();
    const differing = seedTexts.map((_, i) => i).filter((i) => JSON.stringify(reversed[i]) !== JSON.stringify(seedTokens[i]));
    expect(differing).toEqual([]);
  });

  test(`seed digests: ${FULL ? 'every' : 'every 16th'} text alone in a fresh instance gives the same tokens as in corpus order`, () => {
    const { checked, differing } = differingAlone(seedTexts, seedTokens, FULL ? 1 : 16);
    expect(checked).toBe(FULL ? 796 : 50);
    expect(differing).toEqual([]);
  }, 300_000);

  test('seed digests: every text\'s tokens survive the cache encoding exactly', () => {
    const encoded = seedTokens.map((tokens, i) => encodeTokens(seedTexts[i] as string, tokens));
    expect(encoded.filter((e) => e === undefined)).toHaveLength(0);
    const decoded = encoded.map((e, i) => decodeTokens(seedTexts[i] as string, JSON.parse(JSON.stringify(e))));
    // Token texts are read from the text itself, except where wink's tokens are not the text's characters.
    expect(encoded.filter((e) => e?.[0] !== null)).toHaveLength(0);
    expect(decoded).toEqual(seedTokens);
  });

  const corpusDir = process.env.NLP_HISTORY_CORPUS ?? SAMPLE_DIR;
  const step = process.env.NLP_HISTORY_CORPUS ? 40 : FULL ? 2 : 10;
  test(
    `real listings (${process.env.NLP_HISTORY_CORPUS ? corpusDir : 'tests/fixtures/bench-sample'}): every ${step}th text alone in a fresh instance gives the same tokens as in corpus order`,
    () => {
      const texts = corpusTexts(corpusDir);
      if (!process.env.NLP_HISTORY_CORPUS) expect(texts).toHaveLength(514);
      const tokens = inOrder(texts);
      const { checked, differing } = differingAlone(texts, tokens, step);
      expect(checked).toBe(Math.ceil(texts.length / step));
      expect(differing).toEqual([]);
      // The cache encoding holds every text exactly.
      const encoded = tokens.map((t, i) => encodeTokens(texts[i] as string, t));
      expect(encoded.filter((e) => e === undefined)).toHaveLength(0);
      expect(encoded.map((e, i) => decodeTokens(texts[i] as string, JSON.parse(JSON.stringify(e))))).toEqual(tokens);
    },
    300_000,
  );
});

describe('token encoding', () => {
  test('keeps lemmas, flags, compounds and hyphenated parts; rejects what it cannot hold', () => {
    resetWink();
    const text = 'Mixtures-of-Experts models were pre-trained by LLMs. The GPT-4 results (3D) follow.';
    const tokens = tokenize(text);
    const encoded = encodeTokens(text, tokens);
    expect(encoded?.[0]).toBeNull();
    expect(encoded?.[2]).toBe(' model be       result     ');
    expect(decodeTokens(text, encoded)).toEqual(tokens);
    // Decoded against another text, the token texts are that text's characters: the cache is keyed by the text.
    expect(decodeTokens(text.replace('models', 'MODELS'), encoded)?.[1]?.text).toBe('MODELS');
    // Token texts that are not the text's characters are stored.
    const renamed = tokens.map((t) => (t.text === 'models' ? { ...t, text: 'modelz', lower: 'modelz' } : t));
    const stored = encodeTokens(text, renamed);
    expect(stored?.[0]).toBe('Mixtures-of-Experts modelz were pre-trained by LLMs . The GPT-4 results ( 3D ) follow .');
    expect(decodeTokens(text, stored)).toEqual(renamed);
    // A token text with a space is held when it is the text's characters, not otherwise; an unknown tag never.
    const spaced = { ...(tokens[1] as NlpToken), text: 'two words', lower: 'two words', lemma: 'two words', parts: ['two words'], folded: ['two words'] };
    expect(decodeTokens('two words', encodeTokens('two words', [spaced]))).toEqual([spaced]);
    expect(encodeTokens('two-words', [spaced])).toBeUndefined();
    expect(encodeTokens(text, [{ ...(tokens[1] as NlpToken), pos: 'TAG' as NlpToken['pos'] }])).toBeUndefined();
    // Lemmas are stored joined by spaces, an empty one standing for the lower-cased text; lower is the text lower-cased.
    const model = tokens[1] as NlpToken;
    expect(encodeTokens('models', [{ ...model, lemma: 'a model' }])).toBeUndefined();
    expect(encodeTokens('models', [{ ...model, lemma: '' }])).toBeUndefined();
    expect(encodeTokens('models', [{ ...model, lower: 'modelz' }])).toBeUndefined();
    expect(decodeTokens('models', encodeTokens('models', [{ ...model, lemma: 'models' }]))).toEqual([{ ...model, lemma: 'models' }]);
    expect(encodeTokens('', [])).toEqual([null, '', '']);
    expect(decodeTokens('', [null, '', ''])).toEqual([]);
    expect(decodeTokens('a b', ['a b', 'xx', ''])).toBeUndefined();
    expect(decodeTokens('a', 'nonsense')).toBeUndefined();
  });
});
