/**
 * Tokenizes many texts on worker threads, one per core: wink's tagging is most of a cold analysis, and the
 * texts are independent (the pipeline's `analyze` reads every text as if it were the first), so the tokens
 * are exactly those one thread would give. The results go into the token cache before the analysis runs.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EncodedTokens } from '../pipeline/nlp';
import type { TokenCache } from './token-cache';
import type { TokenizeReply, TokenizeRequest } from './tokenize-worker';

/** Options of {@link tokenizeInWorkers}. */
export interface TokenizeOptions {
  /** Worker threads to start (default: the cores available, at most 4). */
  workers?: number;
  /** Texts sent to a worker at a time (default 250). */
  batchSize?: number;
}

/** Below this many texts, starting workers (about a second each to load the language model) does not pay. */
export const MIN_TEXTS_FOR_WORKERS = 2000;

/** Worker threads {@link tokenizeInWorkers} starts by default: one per core, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The worker module, run through tsx (a dev dependency, as the build's scripts are) so that it can load the pipeline's TypeScript. */
function startWorker(): Worker {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return new Worker(new URL('./tokenize-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
}

/**
 * The encoded tokens of each text, in order (null where the compact form cannot hold them: the caller
 * tokenizes those itself). Batches are handed out as workers finish, so a slow batch does not hold the others.
 */
export async function tokenizeInWorkers(texts: readonly string[], options: TokenizeOptions = {}): Promise<(EncodedTokens | null)[]> {
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const batches: string[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
  const results: (EncodedTokens | null)[][] = new Array(batches.length);
  const count = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), batches.length));
  let next = 0;
  const workers = Array.from({ length: count }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                resolve();
                return;
              }
              const batch = next;
              next += 1;
              worker.postMessage({ batch, texts: batches[batch] as string[] } satisfies TokenizeRequest);
            };
            worker.on('message', (reply: TokenizeReply) => {
              results[reply.batch] = reply.encoded;
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`tokenizer worker stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

/**
 * Tokenizes on worker threads the texts the cache does not hold yet and adds them to it; returns how many
 * were tokenized there (0 when there are too few to pay for the workers, or one core only). The analysis then
 * finds every text in the cache.
 */
export async function fillTokenCache(cache: TokenCache, texts: Iterable<string>, options: TokenizeOptions & { minTexts?: number } = {}): Promise<number> {
  const missing = [...new Set(texts)].filter((text) => !cache.has(text));
  const workers = options.workers ?? defaultWorkerCount();
  if (missing.length < (options.minTexts ?? MIN_TEXTS_FOR_WORKERS) || workers < 2) return 0;
  const encoded = await tokenizeInWorkers(missing, { ...options, workers });
  let added = 0;
  missing.forEach((text, i) => {
    const tokens = encoded[i];
    if (tokens) {
      cache.add(text, tokens);
      added += 1;
    }
  });
  return added;
}
