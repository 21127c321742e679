/**
 * The per-paper pass of the term extraction in worker processes, one per core: tagging every title and abstract
 * and finding their phrases is most of a cold analysis, and each paper's result depends on the corpus-wide
 * setup and the paper alone (the pipeline's `phraseFinder` in `paper-pass.ts`; `tokenize` reads every text as if it
 * were the first), so the results are exactly those one thread would give.
 *
 * Processes, not worker threads: memory a worker thread used stays with the build's process after the thread
 * ends (at 20,000 papers, 280 MB more at the build's peak while pages render); a process gives all of it back.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PaperPhrases, PaperWork } from '../pipeline/paper-pass';
import type { TokenCache } from './token-cache';
import type { PaperWorkerFailure, PaperWorkerGoodbye, PaperWorkerReply, PaperWorkerRequest } from './paper-worker';

/** Below this many papers, starting workers (about a second each to load the language model) does not pay. */
export const MIN_PAPERS_FOR_WORKERS = 1000;

/** Workers started by default: one per core, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A worker process on the worker module, run by this Node through tsx (a dev dependency, as the build's scripts
 * are) so that it can load the pipeline's TypeScript; messages go as structured clones (`advanced` serialization).
 */
function startWorker(): ChildProcess {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return fork(fileURLToPath(new URL('./paper-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', tsx],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Worker processes for the per-paper pass, started ahead of the work so that they load while the corpus-wide part runs. */
export class PaperWorkers {
  private readonly workers: ChildProcess[];
  /** CPU time the workers used, milliseconds, as they reported it when they ended (see {@link close}). */
  cpuMs = 0;

  /** Starts `count` workers (at least one). */
  constructor(count = defaultWorkerCount()) {
    this.workers = Array.from({ length: Math.max(1, count) }, startWorker);
  }

  /** Number of worker processes. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * The per-paper pass of `work` on the workers: each paper's result goes to `sink`, in job order, as soon as
   * the results of the papers before it are in (batches come back in any order; only those that arrive early
   * wait). Texts the token cache holds are decoded from it; the cache learns, paper by paper, which texts were
   * found there and the tokens of the others. Batches are handed out as workers finish, so a slow batch does not
   * hold the others up.
   */
  async run(work: PaperWork, sink: (phrases: PaperPhrases) => void, tokenCache?: TokenCache, batchSize = 100): Promise<void> {
    const size = Math.max(1, batchSize);
    const batches: number[] = [];
    for (let i = 0; i < work.jobs.length; i += size) batches.push(i);
    const waiting = new Map<number, PaperWorkerReply>();
    let flushed = 0;
    /** Hands on the replies that are next in order. */
    const flush = (): void => {
      for (let reply = waiting.get(flushed); reply !== undefined; reply = waiting.get(flushed)) {
        waiting.delete(flushed);
        const from = batches[flushed] as number;
        reply.phrases.forEach((phrases, i) => {
          work.jobs[from + i]?.texts.forEach((text, t) => tokenCache?.record(text, reply.tokens[i]?.[t] ?? null));
          sink(phrases);
        });
        flushed += 1;
      }
    };
    let next = 0;
    for (const worker of this.workers) worker.send({ kind: 'setup', setup: work.setup, encode: tokenCache !== undefined } satisfies PaperWorkerRequest);
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
              const jobs = work.jobs.slice(from, from + size);
              const stored = jobs.map((job) => job.texts.map((text) => tokenCache?.entry(text)));
              worker.send({ kind: 'batch', batch, jobs, stored } satisfies PaperWorkerRequest);
            };
            const received = (reply: PaperWorkerReply | PaperWorkerFailure): void => {
              if ('error' in reply) {
                reject(new Error(`paper worker: ${reply.error}`));
                return;
              }
              waiting.set(reply.batch, reply);
              send();
              try {
                flush();
              } catch (error) {
                reject(error);
              }
            };
            const exited = (code: number | null, signal: string | null): void =>
              reject(new Error(`paper worker stopped (${signal === null ? `exit code ${code}` : `signal ${signal}`})`));
            worker.on('message', received);
            worker.once('error', reject);
            worker.once('exit', exited);
            send();
          }),
      ),
    );
    if (flushed !== batches.length) throw new Error(`paper workers: ${flushed} of ${batches.length} batches came back`);
  }

  /** Stops the workers: each is asked to end (so that, with --cpu-prof, it writes its profile); one that has not within a second is killed. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return;
        const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.on('message', (message: PaperWorkerGoodbye | PaperWorkerReply | PaperWorkerFailure) => {
          if ('cpuMs' in message) this.cpuMs += message.cpuMs;
        });
        if (worker.connected) worker.send({ kind: 'close' } satisfies PaperWorkerRequest);
        const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 1000).unref());
        if ((await Promise.race([ended, timer])) === 'late') {
          worker.kill();
          await ended;
        }
      }),
    );
  }
}
