#!/usr/bin/env -S npx tsx
/**
 * Analysis benchmark: reads each digest folder given (default: content/digests, the seed digests), parses it
 * and runs the whole analysis (`analyze(parsed, { stage, perPaper })`), printing per stage the wall time, the CPU time
 * (a figure that other load on the machine disturbs less; for the per-paper pass, the worker processes' too), the
 * V8 heap in use after it and this process's peak RSS so far. Nothing is written anywhere (no topic-id state).
 *
 *   npm run bench:analysis -- [<folder>...] [--json <file>] [--token-cache <file>] [--one-thread]
 *
 * With `--token-cache`, tokens are read from and saved to that file (as the loader does with its cache in
 * Astro's cache folder; stages `cache-load` and `cache-save`): a first run fills it (cold), a second run
 * with the same file shows a warm rebuild. The output is the same either way.
 *
 * As in the build (`src/content/worker-pass.ts`), the per-paper pass (stage `phrases`: tagging every title
 * and abstract and finding their phrases) runs in worker processes from 1,000 papers up; `--one-thread` keeps it
 * on the analysis's own thread.
 *
 * Run it with `--expose-gc` (the npm script does) to start each folder from a collected heap, and with the build's
 * `--max-semi-space-size=64` (scripts/build.mjs; the npm script does) to measure the analysis as the build runs it.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDigestFiles } from '../src/content/digest-files';
import { loadTokenCache, saveTokenCache } from '../src/content/token-cache';
import { buildPass } from '../src/content/worker-pass';
import { analyze, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import { sizeSummary, type SizeSummary } from '../src/eval/stability';
import { LEAF_RANGE } from './bench-long-run';

/** Figures of one stage. */
export interface StageFigure {
  stage: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** CPU time (user + system, all threads of the process) in milliseconds: less sensitive to other load than wall time. */
  cpuMs: number;
  /** V8 heap in use right after the stage, bytes. */
  heapUsed: number;
  /** Peak resident set size of the process up to the end of the stage, bytes. */
  peakRss: number;
}

/** Figures of one folder. */
export interface AnalysisBench {
  folder: string;
  digests: number;
  pairs: number;
  papers: number;
  topics: number;
  /** Topic sizes against the leaves' wanted 20–300 papers. */
  sizes: SizeSummary;
  /** Areas and their sizes, largest first. */
  areas: number[];
  terms: number;
  /** With a token cache: texts found in it and texts tokenized; its file size after saving (bytes). */
  tokenCache?: { hits: number; misses: number; bytes: number };
  /** Read + parse + analysis (+ token cache load and save), milliseconds. */
  totalMs: number;
  /** CPU time of read + parse + analysis, milliseconds. */
  totalCpuMs: number;
  peakRss: number;
  stages: StageFigure[];
}

const MB = 1024 * 1024;

/** Peak RSS of this process so far, bytes (`getrusage` maxrss). */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** CPU time of this process so far, milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Records one stage that started at `started` (wall clock) and `cpu` (CPU time). */
function record(stages: StageFigure[], name: string, started: number, cpu: number): void {
  stages.push({ stage: name, ms: performance.now() - started, cpuMs: cpuMs() - cpu, heapUsed: process.memoryUsage().heapUsed, peakRss: peakRss() });
}

/** Times `run` as one stage and records it in `stages`. */
function timed<T>(stages: StageFigure[], name: string, run: () => T): T {
  const started = performance.now();
  const cpu = cpuMs();
  const result = run();
  // A stage that gives a promise (the per-paper pass in worker processes) ends when the promise settles.
  if (result instanceof Promise) return result.finally(() => record(stages, name, started, cpu)) as T;
  record(stages, name, started, cpu);
  return result;
}

/** {@link timed} for a stage that awaits (file I/O, worker processes). */
async function timedAsync<T>(stages: StageFigure[], name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = cpuMs();
  const result = await run();
  record(stages, name, started, cpu);
  return result;
}

/** Pipeline key of the benchmark's token cache files. */
const BENCH_PIPELINE = 'bench-analysis';

/** Reads, parses and analyses one digest folder, timing every stage; with `tokenCacheFile`, through that token cache. */
export async function benchFolder(folder: string, tokenCacheFile?: string, workers = true): Promise<AnalysisBench> {
  (globalThis as { gc?: () => void }).gc?.();
  const stages: StageFigure[] = [];
  const started = performance.now();
  const cpuStarted = cpuMs();
  const files = await timedAsync(stages, 'read', () => readDigestFiles(folder));
  const parsed = timed(stages, 'parse', () => files.map((f) => parseDigest(f.name, f.bytes)));
  const tokenCache =
    tokenCacheFile === undefined ? undefined : await timedAsync(stages, 'cache-load', () => loadTokenCache(tokenCacheFile, BENCH_PIPELINE));
  const pass = buildPass(
    parsed.reduce((n, d) => n + d.entries.length, 0),
    {
      tokenCache,
      workers: workers ? undefined : 1,
      onWorkerError: (error) => console.warn(`worker processes failed: ${String(error)}`),
    },
  );
  let data: SiteData;
  try {
    data = await analyze(parsed, { previousTopics: null, perPaper: pass.run, stage: (name, run) => timed(stages, name, run) });
  } finally {
    await pass.close();
  }
  const workerCpuMs = pass.workerCpuMs;
  // The worker processes' CPU time belongs to the per-paper pass.
  const phrasesStage = stages.find((s) => s.stage === 'phrases');
  if (phrasesStage !== undefined) phrasesStage.cpuMs += workerCpuMs;
  let cacheFigures: AnalysisBench['tokenCache'];
  if (tokenCache !== undefined && tokenCacheFile !== undefined) {
    await timedAsync(stages, 'cache-save', () => saveTokenCache(tokenCacheFile, BENCH_PIPELINE, tokenCache));
    cacheFigures = { hits: tokenCache.hits, misses: tokenCache.misses, bytes: (await stat(tokenCacheFile)).size };
  }
  const totalMs = performance.now() - started;
  const totalCpuMs = cpuMs() - cpuStarted + workerCpuMs;
  return {
    folder,
    digests: parsed.length,
    pairs: data.corpus.pairs,
    papers: data.corpus.papers,
    topics: data.topics.length,
    sizes: sizeSummary(data.topics.map((t) => t.papers.length), LEAF_RANGE),
    areas: data.corpus.areas.map((a) => a.size),
    terms: data.terms.length,
    ...(cacheFigures === undefined ? {} : { tokenCache: cacheFigures }),
    totalMs,
    totalCpuMs,
    peakRss: peakRss(),
    stages,
  };
}

/** The figures of one folder as a printable table. */
export function formatBench(b: AnalysisBench): string {
  const rows = b.stages.map(
    (s) =>
      `  ${s.stage.padEnd(14)} ${(s.ms / 1000).toFixed(2).padStart(8)} s ${(s.cpuMs / 1000).toFixed(2).padStart(8)} s ${(s.heapUsed / MB).toFixed(0).padStart(7)} MB ${(s.peakRss / MB).toFixed(0).padStart(9)} MB`,
  );
  const cache = b.tokenCache;
  return [
    `${b.folder}: ${b.digests} digests, ${b.pairs} pairs, ${b.papers} papers → ${b.topics} topics, ${b.terms} term pages`,
    `  topic sizes: ${b.sizes.smallest}–${b.sizes.largest}, median ${b.sizes.median}; papers in topics over ${LEAF_RANGE[1]}: ${(100 * b.sizes.overShare).toFixed(1)} %, under ${LEAF_RANGE[0]}: ${(100 * b.sizes.underShare).toFixed(1)} %; ${b.areas.length} areas of ${b.areas.join(', ')}`,
    ...(cache === undefined
      ? []
      : [`  token cache: ${cache.hits} texts from the cache, ${cache.misses} tokenized; file ${(cache.bytes / MB).toFixed(1)} MB`]),
    `  ${'stage'.padEnd(14)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)} ${'heap after'.padStart(10)} ${'peak RSS'.padStart(12)}`,
    ...rows,
    `  ${'total'.padEnd(14)} ${(b.totalMs / 1000).toFixed(2).padStart(8)} s ${(b.totalCpuMs / 1000).toFixed(2).padStart(8)} s ${''.padStart(10)} ${(b.peakRss / MB).toFixed(0).padStart(9)} MB`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const args = [...argv];
  let json: string | undefined;
  const flag = args.indexOf('--json');
  if (flag >= 0) {
    json = args[flag + 1];
    args.splice(flag, 2);
  }
  let tokenCacheFile: string | undefined;
  const cacheFlag = args.indexOf('--token-cache');
  if (cacheFlag >= 0) {
    tokenCacheFile = args[cacheFlag + 1];
    args.splice(cacheFlag, 2);
    if (tokenCacheFile === undefined) throw new Error('--token-cache needs a file');
  }
  const oneThread = args.indexOf('--one-thread');
  if (oneThread >= 0) args.splice(oneThread, 1);
  const folders = args.length > 0 ? args : ['content/digests'];
  const results: AnalysisBench[] = [];
  for (const folder of folders) {
    const result = await benchFolder(path.resolve(folder), tokenCacheFile, oneThread < 0);
    results.push({ ...result, folder });
    console.log(formatBench({ ...result, folder }));
    console.log('');
  }
  if (json) await writeFile(json, JSON.stringify(results, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
