/**
 * The analysis as a build runs it (the loader, and the analysis benchmark): the pipeline's stages, with the
 * per-paper pass (tagging and phrase finding, most of a cold analysis) on worker threads for a large corpus,
 * and tokens from the token cache where it has them. The output is the pipeline's `analyze` output, exactly.
 */
import { beginAnalysis, finishAnalysis, type AnalysisStart, type AnalyzeOptions, type SiteData } from '../pipeline/analyze';
import { findPaperPhrases, type PaperPhrases } from '../pipeline/terms';
import type { ParsedDigest } from '../pipeline/types';
import { defaultWorkerCount, MIN_PAPERS_FOR_WORKERS, PaperWorkers } from './paper-workers';
import type { TokenCache } from './token-cache';

/** Options of {@link analyzeDigests}. */
export interface AnalyzeDigestsOptions extends Pick<AnalyzeOptions, 'previousTopics'> {
  /** Tokens of texts seen in earlier builds; learns the tokens of the others. */
  tokenCache?: TokenCache;
  /** Worker threads for the per-paper pass (default: one per core, at most 4); fewer than 2 runs it on this thread. */
  workers?: number;
  /** Fewest papers (title/abstract pairs read) for which workers are started (default {@link MIN_PAPERS_FOR_WORKERS}). */
  minPapersForWorkers?: number;
  /** Wraps each stage, as `analyze`'s option does; the per-paper pass (`phrases`) on workers gives a promise. */
  stage?: <T>(name: string, run: () => T) => T;
  /** Told when the workers failed: the pass then runs on this thread. */
  onWorkerError?: (error: unknown) => void;
}

/** The analysed site, and how many worker threads did the per-paper pass (0: this thread). */
export interface DigestAnalysis {
  data: SiteData;
  workers: number;
}

const identity = <T>(_name: string, run: () => T): T => run();

/** Analyses parsed digests (in arrival order) as `analyze` does, with the per-paper pass on worker threads for a large corpus. */
export async function analyzeDigests(parsed: readonly ParsedDigest[], options: AnalyzeDigestsOptions = {}): Promise<DigestAnalysis> {
  const stage = options.stage ?? identity;
  const pairs = parsed.reduce((n, d) => n + d.entries.length, 0);
  const count = options.workers ?? defaultWorkerCount();
  // Started first, so that they load the language model while the corpus-wide stages run here.
  const pool = count >= 2 && pairs >= (options.minPapersForWorkers ?? MIN_PAPERS_FOR_WORKERS) ? new PaperWorkers(count) : null;
  let phrases: PaperPhrases[] | undefined;
  let start: AnalysisStart;
  try {
    start = beginAnalysis(parsed, { stage });
    if (pool !== null) {
      phrases = await stage('phrases', () => pool.run(start.plan, options.tokenCache)).catch((error: unknown) => {
        options.onWorkerError?.(error);
        return undefined;
      });
    }
  } finally {
    // The workers (a language model each) are done: let them go before the rest of the analysis.
    await pool?.close();
  }
  const workers = phrases === undefined ? 0 : (pool?.size ?? 0);
  phrases ??= stage('phrases', () => findPaperPhrases(start.plan, options.tokenCache));
  return { data: finishAnalysis(start, phrases, { previousTopics: options.previousTopics, stage }), workers };
}
