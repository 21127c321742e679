/**
 * The per-paper pass as a build runs it: in worker processes for a large corpus (tagging every title and
 * abstract is most of a cold analysis), else on this thread; tokens from the token cache where it has them.
 * Handed to the pipeline's `analyze` as its `perPaper` option: the output is exactly that of the default pass.
 */
import { inProcessPass, type PerPaperPass } from '../pipeline/paper-pass';
import { defaultWorkerCount, MIN_PAPERS_FOR_WORKERS, PaperWorkers } from './paper-workers';
import type { TokenCache } from './token-cache';

/** Options of {@link buildPass}. */
export interface BuildPassOptions {
  /** Tokens of texts seen in earlier builds; learns the tokens of the others. */
  tokenCache?: TokenCache;
  /** Worker processes (default: one per core, at most 4); fewer than 2 runs the pass on this thread. */
  workers?: number;
  /** Fewest papers (title/abstract pairs read) for which workers are started (default {@link MIN_PAPERS_FOR_WORKERS}). */
  minPapersForWorkers?: number;
  /** Told when the workers failed: the papers they had not done are then done on this thread. */
  onWorkerError?: (error: unknown) => void;
  /** Starts the workers (default: {@link PaperWorkers}); tests give a pool of their own. */
  startWorkers?: (count: number) => PhrasePool;
}

/** What {@link buildPass} needs of a pool of workers ({@link PaperWorkers} is one). */
export type PhrasePool = Pick<PaperWorkers, 'size' | 'cpuMs' | 'run' | 'close'>;

/** A per-paper pass for one analysis, and what it reports once it ran. */
export interface BuildPass {
  /** The pass, for `analyze`'s `perPaper` option (a promise when it runs on workers). */
  run: PerPaperPass;
  /** Worker processes that did the pass (0: this thread, or the workers failed). */
  readonly workers: number;
  /** CPU time of the worker processes, milliseconds (user + system). */
  readonly workerCpuMs: number;
  /** Stops the workers if the pass did not run (the analysis failed before it); the pass stops them itself. */
  close(): Promise<void>;
}

/**
 * The per-paper pass for an analysis of `pairs` title/abstract pairs. Workers, when used, start now, so that they
 * load the language model while the corpus-wide stages before the pass run here; they stop as soon as the pass
 * is done, before the rest of the analysis.
 */
export function buildPass(pairs: number, options: BuildPassOptions = {}): BuildPass {
  const here = inProcessPass(options.tokenCache);
  const count = options.workers ?? defaultWorkerCount();
  const useWorkers = count >= 2 && pairs >= (options.minPapersForWorkers ?? MIN_PAPERS_FOR_WORKERS);
  const pool = useWorkers ? (options.startWorkers ?? ((n: number) => new PaperWorkers(n)))(count) : null;
  let workers = 0;
  const close = async (): Promise<void> => {
    await pool?.close();
  };
  if (pool === null) return { run: here, workers: 0, workerCpuMs: 0, close };
  const run: PerPaperPass<Promise<void>> = async (work, sink) => {
    let done = 0;
    let failed = false;
    try {
      await pool.run(
        work,
        (phrases) => {
          sink(phrases);
          done += 1;
        },
        options.tokenCache,
      );
      workers = pool.size;
    } catch (error) {
      failed = true;
      options.onWorkerError?.(error);
    } finally {
      // The workers (a language model each) are done: let them go before the rest of the analysis.
      await pool.close();
    }
    // Papers come back in job order: the ones the workers did not hand on are done here.
    if (failed) here({ setup: work.setup, jobs: work.jobs.slice(done) }, sink);
  };
  return {
    run,
    get workers() {
      return workers;
    },
    get workerCpuMs() {
      return pool.cpuMs;
    },
    close,
  };
}
