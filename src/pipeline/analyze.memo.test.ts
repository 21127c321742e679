/** Neither the token memo nor where the per-paper pass runs changes the analysis: the output is the same. */
import { describe, expect, expectTypeOf, test } from 'vitest';
import { analyze, type SiteData } from './analyze';
import { inProcessPass, phraseFinder, type PerPaperPass, type TokenMemo } from './paper-pass';
import { decodeTokens, encodeTokens, type EncodedTokens } from './token-codec';
import { tokenize, type NlpToken } from './tokenize';
import type { ParsedDigest } from './types';
import { readDigests } from '../../tests/digest-fixtures';

const seed = (): ParsedDigest[] => readDigests();

/** A memo in a Map, counting what it is asked. */
function mapMemo(store = new Map<string, readonly NlpToken[]>()) {
  const counts = { hits: 0, misses: 0, sets: 0 };
  const memo: TokenMemo = {
    get: (text) => {
      const tokens = store.get(text);
      if (tokens === undefined) counts.misses += 1;
      else counts.hits += 1;
      return tokens;
    },
    set: (text, tokens) => {
      counts.sets += 1;
      store.set(text, tokens);
    },
  };
  return { memo, store, counts };
}

describe('analyze with a token memo', () => {
  const plain: SiteData = analyze(seed());
  const cold = mapMemo();
  const withCold = analyze(seed(), { perPaper: inProcessPass(cold.memo) });

  test('cold: same output; every one of the 796 texts (all distinct) tokenized once and stored', () => {
    expect(withCold).toEqual(plain);
    expect(cold.counts).toEqual({ hits: 0, misses: 796, sets: 796 });
    expect(cold.store.size).toBe(796);
  });

  test('warm: same output, nothing tokenized', () => {
    const warm = mapMemo(cold.store);
    expect(analyze(seed(), { perPaper: inProcessPass(warm.memo) })).toEqual(plain);
    expect(warm.counts).toEqual({ hits: 796, misses: 0, sets: 0 });
  });

  test('warm from the encoded (JSON) form: same output', () => {
    const encoded = new Map<string, EncodedTokens>();
    for (const [text, tokens] of cold.store) encoded.set(text, JSON.parse(JSON.stringify(encodeTokens(text, tokens))) as EncodedTokens);
    expect(encoded.size).toBe(796);
    let decoded = 0;
    const memo: TokenMemo = {
      get: (text) => {
        const tokens = decodeTokens(text, encoded.get(text));
        if (tokens !== undefined) decoded += 1;
        return tokens;
      },
      set: () => {
        throw new Error('nothing should be tokenized');
      },
    };
    expect(analyze(seed(), { perPaper: inProcessPass(memo) })).toEqual(plain);
    expect(decoded).toBe(796);
  });

  test('a partly filled memo (one digest less): same output', () => {
    const partial = mapMemo();
    analyze(seed().slice(0, 4), { perPaper: inProcessPass(partial.memo) });
    const before = partial.store.size;
    expect(analyze(seed(), { perPaper: inProcessPass(partial.memo) })).toEqual(plain);
    expect(partial.store.size).toBe(796);
    expect(before).toBeLessThan(796);
  });
});

describe('analyze with an injected per-paper pass', () => {
  const plain: SiteData = analyze(seed());

  test('a pass that gives a promise (papers done in reverse, handed on later in job order) makes analyze give one, with the same site', async () => {
    const stages: string[] = [];
    const later: PerPaperPass<Promise<void>> = async (work, sink) => {
      // Papers done out of order elsewhere, then handed on in job order, as the worker pool does.
      const find = phraseFinder(work.setup);
      const done = [...work.jobs].reverse().map((job) => find(job, tokenize)).reverse();
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const phrases of done) sink(phrases);
    };
    const result = analyze(seed(), { perPaper: later, stage: (name, run) => (stages.push(name), run()) });
    expectTypeOf(result).toEqualTypeOf<Promise<SiteData>>();
    // The type follows the pass: a pass that gives nothing gives the site itself (checked by the type checker only).
    const here = () => analyze(seed(), { perPaper: inProcessPass() });
    expectTypeOf(here).returns.toEqualTypeOf<SiteData>();
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toEqual(plain);
    expect(stages.slice(0, 4)).toEqual(['merge', 'term-forms', 'phrases', 'terms']);
  });

  test('a pass that hands on fewer papers than the jobs fails the analysis', () => {
    const short: PerPaperPass<void> = (work, sink) => inProcessPass()({ setup: work.setup, jobs: work.jobs.slice(1) }, sink);
    expect(() => analyze(seed(), { perPaper: short })).toThrow(/per-paper pass gave 397 papers of 398/);
  });
});
