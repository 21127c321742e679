/**
 * The analysis as a build runs it (the loader, and the analysis benchmark): the pipeline's stages, with the
 * per-paper pass (tagging and phrase finding, most of a cold analysis) in worker processes for a large corpus,
 * and tokens from the token cache where it has them. The output is the pipeline's `analyze` output, exactly.
 */
import { beginAnalysis, finishAnalysis, type AnalysisStart, type AnalyzeOptions, type SiteData } from '../pipeline/analyze';
import { findPaperPhrases, PhraseTally } from '../pipeline/terms';
import type { ParsedDigest } from '../pipeline/types';
import { defaultWorkerCount, MIN_PAPERS_FOR_WORKERS, PaperWorkers } from './paper-workers';
import type { TokenCache } from './token-cache';

/** Options of {@link analyzeDigests}. */
export interface AnalyzeDigestsOptions extends Pick<AnalyzeOptions, 'previousTopics'> {
  /** Tokens of texts seen in earlier builds; learns the tokens of the others. */
  tokenCache?: TokenCache;
  /** Worker processes for the per-paper pass (default: one per core, at most 4); fewer than 2 runs it on this thread. */
  workers?: number;
  /** Fewest papers (title/abstract pairs read) for which workers are started (default {@link MIN_PAPERS_FOR_WORKERS}). */
  minPapersForWorkers?: number;
  /** Wraps each stage, as `analyze`'s option does; the per-paper pass (`phrases`) on workers gives a promise. */
  stage?: <T>(name: string, run: () => T) => T;
  /** Told when the workers failed: the pass then runs on this thread. */
  onWorkerError?: (error: unknown) => void;
  /** Starts the workers (default: {@link PaperWorkers}); tests give a pool of their own. */
  startWorkers?: (count: number) => PhrasePool;
}

/** What {@link analyzeDigests} needs of a pool of workers ({@link PaperWorkers} is one). */
export type PhrasePool = Pick<PaperWorkers, 'size' | 'cpuMs' | 'run' | 'close'>;

/** The analysed site, and how many worker processes did the per-paper pass (0: this thread) and their CPU time. */
export interface DigestAnalysis {
  data: SiteData;
  workers: number;
  /** CPU time of the worker processes, milliseconds (user + system). */
  workerCpuMs: number;
}

const identity = <T>(_name: string, run: () => T): T => run();

/** Analyses parsed digests (in arrival order) as `analyze` does, with the per-paper pass in worker processes for a large corpus. */
export async function analyzeDigests(parsed: readonly ParsedDigest[], options: AnalyzeDigestsOptions = {}): Promise<DigestAnalysis> {
  const stage = options.stage ?? identity;
  const pairs = parsed.reduce((n, d) => n + d.entries.length, 0);
  const count = options.workers ?? defaultWorkerCount();
  // Started first, so that they load the language model while the corpus-wide stages run here.
  const startWorkers = options.startWorkers ?? ((n: number) => new PaperWorkers(n));
  const pool = count >= 2 && pairs >= (options.minPapersForWorkers ?? MIN_PAPERS_FOR_WORKERS) ? startWorkers(count) : null;
  let phrases: PhraseTally | undefined;
  let start: AnalysisStart;
  try {
    start = beginAnalysis(parsed, { stage });
    if (pool !== null) {
      const tally = new PhraseTally(start.plan);
      phrases = await stage('phrases', () => pool.run(start.plan, (p) => tally.add(p), options.tokenCache)).then(
        () => tally,
        (error: unknown) => {
          // Goes on without workers (from a new tally; the token cache's hit and miss counts may count some texts twice).
          options.onWorkerError?.(error);
          return undefined;
        },
      );
    }
  } finally {
    // The workers (a language model each) are done: let them go before the rest of the analysis.
    await pool?.close();
  }
  const workers = phrases === undefined ? 0 : (pool?.size ?? 0);
  phrases ??= stage('phrases', () => findPaperPhrases(start.plan, options.tokenCache));
  return { data: finishAnalysis(start, phrases, { previousTopics: options.previousTopics, stage }), workers, workerCpuMs: pool?.cpuMs ?? 0 };
}
