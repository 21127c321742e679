/**
 * One analysis of the digest folder as the build runs it, with its file I/O around the pure pipeline: the
 * topic-id file read before and written after, the token cache loaded and saved, the per-paper pass on worker
 * processes for a large corpus, the problems reported.
 */
import type { LoaderContext } from 'astro/loaders';
import { analyze, type SiteData } from '../pipeline/analyze';
import type { AnalysisPolicy } from '../pipeline/policy';
import type { ParsedDigest } from '../pipeline/types';
import { refingerprint, type Snapshot } from './fingerprint';
import { reportProblems } from './problem-report';
import { loadTokenCache, saveTokenCache, tokenCachePath } from './token-cache';
import { readTopicState, writeTopicState } from './topic-state-file';
import { listStatePath, readListState, writeListState } from './list-state-file';
import { buildPass } from './worker-pass';

/** What one analysis gives: the site, and the fingerprint of the inputs once the topic-id file was updated. */
export interface AnalysisRun {
  data: SiteData;
  fingerprintAfter: string;
}

/** What an analysis run needs besides the snapshot. */
export interface AnalysisRunOptions {
  /** The snapshot's digests, parsed (in the order of its files). */
  parsed: readonly ParsedDigest[];
  /** Astro's cache folder (absolute), where the token cache file lives. */
  cacheDir: string;
  /** The pipeline's source hash ('unknown': no token cache). */
  pipelineHash: string;
  /** Problems in the digests fail the build. */
  strict: boolean;
  /** What the analysis keeps for the pages (default: the pipeline's). */
  policy?: AnalysisPolicy;
  /** Carry each paper's related papers and key terms across builds in the cache folder (incremental builds; default false). */
  carryLists?: boolean;
  logger: LoaderContext['logger'];
}

/** Analyses a snapshot: reads the topic-id file and the token cache, runs the pipeline, saves both and reports. */
export async function runAnalysis(snap: Snapshot, options: AnalysisRunOptions): Promise<AnalysisRun> {
  const { parsed, logger } = options;
  const { stateFile } = snap;
  const previousTopics = stateFile === null ? null : await readTopicState(stateFile);
  const listFile = options.carryLists ? listStatePath(options.cacheDir) : null;
  const previousLists = listFile === null ? null : await readListState(listFile);
  // Tokens of the texts seen in earlier builds; only usable when the pipeline's source hash is known.
  const cacheFile = options.pipelineHash === 'unknown' ? null : tokenCachePath(options.cacheDir);
  const tokenCache = cacheFile === null ? undefined : await loadTokenCache(cacheFile, options.pipelineHash);
  // For a large corpus the per-paper pass (tagging and phrases, most of a cold analysis) runs in worker processes.
  const pass = buildPass(
    parsed.reduce((n, d) => n + d.entries.length, 0),
    {
      tokenCache,
      onWorkerError: (error) => logger.warn(`The analysis's worker processes failed, going on without them: ${String(error)}`),
    },
  );
  let data: SiteData;
  try {
    data = await analyze(parsed, { previousTopics, previousLists, perPaper: pass.run, policy: options.policy });
  } finally {
    await pass.close();
  }
  if (cacheFile !== null && tokenCache !== undefined) {
    const { hits, misses } = tokenCache;
    const onWorkers = pass.workers > 0 ? ` (in ${pass.workers} worker processes)` : '';
    logger.info(`Tokens: ${hits} texts from the cache, ${misses} tokenized${onWorkers}`);
    if (tokenCache.changed) {
      await saveTokenCache(cacheFile, options.pipelineHash, tokenCache).catch((error: unknown) =>
        logger.warn(`Token cache not saved to ${cacheFile}: ${String(error)}`),
      );
    }
  }
  reportProblems(data.corpus, snap.dir, logger, options.strict);
  if (stateFile !== null && (await writeTopicState(stateFile, data.topicState))) {
    logger.info(`Topic ids saved to ${stateFile}`);
  }
  if (listFile !== null) {
    await writeListState(listFile, data.listState).catch((error: unknown) => logger.warn(`Paper lists not saved to ${listFile}: ${String(error)}`));
  }
  // The analysis may have just updated the topic-id file (the only input it writes): remember the inputs
  // as they stand now, so the next build with the same digests finds them unchanged.
  return { data, fingerprintAfter: await refingerprint(snap) };
}
