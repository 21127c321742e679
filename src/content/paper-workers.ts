/**
 * The per-paper pass of the term extraction on worker threads, one per core: tagging every title and abstract
 * and finding their phrases is most of a cold analysis, and each paper's result depends on the corpus-wide
 * setup and the paper alone (the pipeline's `phraseFinder`; `analyze` in `nlp.ts` reads every text as if it
 * were the first), so the results are exactly those one thread would give.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PaperPhrases, TermPlan } from '../pipeline/terms';
import type { TokenCache } from './token-cache';
import type { PaperWorkerReply, PaperWorkerRequest } from './paper-worker';

/** Below this many papers, starting workers (about a second each to load the language model) does not pay. */
export const MIN_PAPERS_FOR_WORKERS = 1000;

/** Worker threads started by default: one per core, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The worker module, run through tsx (a dev dependency, as the build's scripts are) so that it can load the pipeline's TypeScript. */
function startWorker(): Worker {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return new Worker(new URL('./paper-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
}

/** Worker threads for the per-paper pass, started ahead of the work so that they load while the corpus-wide part runs. */
export class PaperWorkers {
  private readonly workers: Worker[];

  /** Starts `count` workers (at least one). */
  constructor(count = defaultWorkerCount()) {
    this.workers = Array.from({ length: Math.max(1, count) }, startWorker);
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * The per-paper pass of `plan` on the workers: one result per job, in order. Texts the token cache holds are
   * decoded from it; the cache learns, once every batch is back, which texts were found there and the tokens of
   * the others. Batches are handed out as workers finish, so a slow batch does not hold the others up.
   */
  async run(plan: TermPlan, tokenCache?: TokenCache, batchSize = 100): Promise<PaperPhrases[]> {
    const batches: number[] = [];
    for (let i = 0; i < plan.jobs.length; i += Math.max(1, batchSize)) batches.push(i);
    const replies: PaperWorkerReply[] = new Array(batches.length);
    let next = 0;
    for (const worker of this.workers) worker.postMessage({ kind: 'setup', setup: plan.setup, encode: tokenCache !== undefined } satisfies PaperWorkerRequest);
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                worker.off('error', reject);
                worker.off('exit', exited);
                worker.off('message', received);
                resolve();
                return;
              }
              const batch = next;
              next += 1;
              const from = batches[batch] as number;
              const jobs = plan.jobs.slice(from, from + batchSize);
              const stored = jobs.map((job) => job.texts.map((text) => tokenCache?.entry(text)));
              worker.postMessage({ kind: 'batch', batch, jobs, stored } satisfies PaperWorkerRequest);
            };
            const received = (reply: PaperWorkerReply): void => {
              replies[reply.batch] = reply;
              send();
            };
            const exited = (code: number): void => reject(new Error(`paper worker stopped (exit code ${code})`));
            worker.on('message', received);
            worker.once('error', reject);
            worker.once('exit', exited);
            send();
          }),
      ),
    );
    const phrases: PaperPhrases[] = [];
    replies.forEach((reply, batch) => {
      const from = batches[batch] as number;
      reply.phrases.forEach((p, i) => {
        phrases.push(p);
        const job = plan.jobs[from + i];
        job?.texts.forEach((text, t) => tokenCache?.record(text, reply.tokens[i]?.[t] ?? null));
      });
    });
    if (phrases.length !== plan.jobs.length) throw new Error(`paper workers: ${phrases.length} results for ${plan.jobs.length} papers`);
    return phrases;
  }

  /** Stops the workers: each is asked to end (so that, with --cpu-prof, it writes its profile); one that has not within a second is terminated. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.postMessage({ kind: 'close' } satisfies PaperWorkerRequest);
        const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 1000).unref());
        if ((await Promise.race([ended, timer])) === 'late') await worker.terminate();
      }),
    );
  }
}
