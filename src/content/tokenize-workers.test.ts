import { describe, expect, test } from 'vitest';
import { readDigests } from '../../tests/digest-fixtures';
import { analyze as analyzeSite } from '../pipeline/analyze';
import { analyze, encodeTokens } from '../pipeline/nlp';
import { digestTexts } from '../pipeline/terms';
import { TokenCache, textKey } from './token-cache';
import { fillTokenCache, tokenizeInWorkers } from './tokenize-workers';

/** Every title and abstract of the seed, as the analysis tokenizes them. */
const seedTexts = (): string[] => digestTexts(readDigests());

describe('tokenizing on worker threads', () => {
  test('gives, text by text and in order, the tokens one thread gives', async () => {
    const texts = seedTexts().slice(0, 240);
    const encoded = await tokenizeInWorkers(texts, { workers: 2, batchSize: 25 });
    expect(encoded).toHaveLength(texts.length);
    expect(encoded).toEqual(texts.map((t) => encodeTokens(t, analyze(t)) ?? null));
  }, 60_000);

  test('fills the cache with the missing texts only; the seed analysis from it equals the plain one', async () => {
    const texts = seedTexts();
    // Two texts are in the cache file already (tokenized in an earlier build): they are not sent to the workers.
    const stored: Record<string, unknown> = {};
    for (const t of texts.slice(0, 2)) stored[textKey(t)] = encodeTokens(t, analyze(t));
    const cache = new TokenCache(stored, 2);
    const added = await fillTokenCache(cache, texts, { workers: 2, minTexts: 1 });
    expect(added).toBe(new Set(texts).size - 2);
    expect(analyzeSite(readDigests(), { tokenMemo: cache })).toEqual(analyzeSite(readDigests()));
    expect({ hits: cache.hits, misses: cache.misses, filled: cache.filled, changed: cache.changed }).toEqual({
      hits: 2,
      misses: 0,
      filled: 794,
      changed: true,
    });
  }, 120_000);

  test('does not start workers for fewer texts than the threshold, or on one core', async () => {
    const texts = seedTexts().slice(0, 10);
    const cache = new TokenCache();
    expect(await fillTokenCache(cache, texts, { workers: 2, minTexts: 11 })).toBe(0);
    expect(await fillTokenCache(cache, texts, { workers: 1, minTexts: 1 })).toBe(0);
    expect(texts.some((t) => cache.has(t))).toBe(false);
  });
});
