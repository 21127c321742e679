/** The per-paper pass in worker processes gives exactly what one thread gives, and keeps the token cache right. */
import { describe, expect, test } from 'vitest';
import { readDigests } from '../../tests/digest-fixtures';
import { analyze } from '../pipeline/analyze';
import { mergeDigests } from '../pipeline/merge';
import { phraseFinder, type PaperPhrases, type PaperWork } from '../pipeline/paper-pass';
import { planTerms } from '../pipeline/term-plan';
import { encodeTokens } from '../pipeline/token-codec';
import { tokenize } from '../pipeline/tokenize';
import { PaperWorkers } from './paper-workers';
import { TokenCache, textKey } from './token-cache';
import { buildPass, type BuildPassOptions, type PhrasePool } from './worker-pass';

const seed = () => readDigests();
/** The seed's per-paper work (papers in id order, their cleaned texts). */
const seedWork = (): PaperWork => planTerms(mergeDigests(seed()).papers, 3).work;

/** The seed analysed as the build does it, with the per-paper pass of {@link buildPass}; and how many workers did it. */
async function analyzeSeed(options: BuildPassOptions) {
  const parsed = seed();
  const pass = buildPass(parsed.reduce((n, d) => n + d.entries.length, 0), options);
  try {
    return { data: await analyze(parsed, { perPaper: pass.run }), workers: pass.workers };
  } finally {
    await pass.close();
  }
}

describe('the per-paper pass in worker processes', () => {
  test('gives, paper by paper and in order, what one thread gives (batches smaller than a worker share)', async () => {
    const work = seedWork();
    const pool = new PaperWorkers(2);
    try {
      expect(pool.size).toBe(2);
      const phrases: PaperPhrases[] = [];
      await pool.run(work, (p) => phrases.push(p), undefined, 7);
      expect(phrases).toHaveLength(398);
      const here = phraseFinder(work.setup);
      expect(phrases).toEqual(work.jobs.map((job) => here(job, tokenize)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('the seed analysis with workers equals the plain analysis; the cache learns every text', async () => {
    const plain = analyze(seed());
    const texts = seedWork().jobs.flatMap((job) => job.texts);
    expect(texts).toHaveLength(796);
    // Two texts are in the cache file already, and a third has an entry that does not decode.
    const stored: Record<string, unknown> = {};
    for (const t of texts.slice(0, 2)) stored[textKey(t)] = encodeTokens(t, tokenize(t));
    stored[textKey(texts[2] as string)] = ['broken'];
    const cold = new TokenCache(stored, 3);
    const run = await analyzeSeed({ tokenCache: cold, workers: 2, minPapersForWorkers: 1 });
    expect(run.workers).toBe(2);
    expect(run.data).toEqual(plain);
    expect({ hits: cold.hits, misses: cold.misses, changed: cold.changed }).toEqual({ hits: 2, misses: 794, changed: true });
    const entries = cold.entries();
    expect(Object.keys(entries)).toHaveLength(796);
    expect(entries[textKey(texts[2] as string)]).toEqual(encodeTokens(texts[2] as string, tokenize(texts[2] as string)));

    // The next build finds every text in the cache, and gives the same site again.
    const warm = new TokenCache(entries, 796);
    const again = await analyzeSeed({ tokenCache: warm, workers: 2, minPapersForWorkers: 1 });
    expect(again.data).toEqual(plain);
    expect({ hits: warm.hits, misses: warm.misses, changed: warm.changed }).toEqual({ hits: 796, misses: 0, changed: false });
  }, 120_000);

  test('runs on this thread below the paper threshold or with one worker, with the same output', async () => {
    const plain = analyze(seed());
    const few = await analyzeSeed({ workers: 2, minPapersForWorkers: 459 });
    expect(few.workers).toBe(0);
    expect(few.data).toEqual(plain);
    const one = await analyzeSeed({ workers: 1, minPapersForWorkers: 1 });
    expect(one.workers).toBe(0);
    expect(one.data).toEqual(plain);
  }, 60_000);

  test('when the workers fail half-way, the papers they did not do are done here, giving the same site', async () => {
    const plain = analyze(seed());
    const errors: unknown[] = [];
    let closed = false;
    // A pool that hands on the first 100 papers, then fails.
    const failing: PhrasePool = {
      size: 2,
      cpuMs: 0,
      run: async (work, sink) => {
        const here = phraseFinder(work.setup);
        for (const job of work.jobs.slice(0, 100)) sink(here(job, tokenize));
        throw new Error('worker 2 stopped (exit code 1)');
      },
      close: async () => {
        closed = true;
      },
    };
    const tokenCache = new TokenCache();
    const run = await analyzeSeed({
      tokenCache,
      workers: 2,
      minPapersForWorkers: 1,
      startWorkers: () => failing,
      onWorkerError: (error) => errors.push(error),
    });
    expect(errors.map(String)).toEqual(['Error: worker 2 stopped (exit code 1)']);
    expect(closed).toBe(true);
    expect(run.workers).toBe(0);
    expect(run.data).toEqual(plain);
    // Only the 298 papers the workers did not hand on were tokenized here (two texts each).
    expect({ hits: tokenCache.hits, misses: tokenCache.misses }).toEqual({ hits: 0, misses: 596 });
  }, 60_000);

  test('a worker that fails rejects the run (the caller then goes on without workers)', async () => {
    const work = seedWork();
    const broken = { ...work, setup: { ...work.setup, forms: null } } as unknown as PaperWork;
    const pool = new PaperWorkers(2);
    try {
      await expect(pool.run(broken, () => undefined)).rejects.toThrow(/paper worker: TypeError: setup\.forms is not iterable/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
