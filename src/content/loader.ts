/**
 * The custom Content Layer loader: reads the digest folder, runs the analysis pipeline once per build
 * and hands each collection its entries. All I/O lives here; the pipeline itself is pure.
 *
 * Incremental: each collection keeps, in its meta store, a fingerprint of what it was built from (every
 * digest file's content hash, the topic-id file and the pipeline's source). When nothing changed the
 * collection keeps its stored entries and the analysis does not run at all; parsed files are cached by
 * content hash, so in `astro dev` only changed files are parsed again. In dev, adding, changing or
 * removing a digest reloads the collections without a restart.
 *
 * The folder is read once per build and shared by the five collections' loads, which run side by side;
 * a load that starts when none is running (the next build, a change in dev) reads it again.
 * Tokenized texts are kept in a file in Astro's cache folder (see `token-cache.ts`), so the analysis
 * tokenizes only the texts it has not seen; for a large corpus its per-paper pass runs in worker processes
 * (`analyze-digests.ts`).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { AnalysedPaper, SiteData } from '../pipeline/analyze';
import { analyzeDigests } from './analyze-digests';
import { digestsDir, readDigestFiles, type DigestFile } from './digest-files';
import { parseDigest } from '../pipeline/parse';
import { formatProblem, summaryLine } from '../pipeline/report';
import type { ParsedDigest, Problem } from '../pipeline/types';
import { readTopicState, topicStatePath, writeTopicState } from './topic-state-file';
import { loadTokenCache, saveTokenCache, tokenCachePath } from './token-cache';

/** Which part of the analysed site a collection holds. */
export type CollectionKind = 'papers' | 'digests' | 'topics' | 'terms' | 'corpus';

/** The folder's files and the fingerprint of everything the analysis depends on. */
interface Snapshot {
  root: string;
  dir: string;
  files: DigestFile[];
  hashes: string[];
  /** Everything but the topic-id file that the fingerprint covers. */
  inputs: string[];
  fingerprint: string;
}

/** What one analysis gives: the site, and the fingerprint of the inputs once the topic-id file was updated. */
interface Analysis {
  data: SiteData;
  fingerprintAfter: string;
}

let pending: { fingerprint: string; result: Promise<Analysis> } | undefined;
/**
 * The folder's snapshot, shared by the loads running side by side (the five collections of one build);
 * dropped when the last of them ends and when the watcher reports a change.
 */
let sharedSnapshot: { root: string; result: Promise<Snapshot> } | undefined;
/** Collection loads under way. */
let activeLoads = 0;
let invalidationQueued = false;
/** Parsed digests by content hash (so a dev server re-parses only the files that changed). */
const parsedByHash = new Map<string, ParsedDigest>();
let pipelineHash: Promise<string> | undefined;

/** Whether problems in digests should fail the build (`--strict` or `STRICT=1`). */
function strictMode(): boolean {
  return process.env.STRICT === '1' || process.env.STRICT === 'true';
}

const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

/** Hash of the pipeline's source files: a code change invalidates every stored collection. */
function pipelineSourceHash(): Promise<string> {
  pipelineHash ??= (async () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pipeline');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
    const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n))));
    return sha1(names.map((n, i) => `${n}:${sha1(texts[i] ?? '')}`).join('\n'));
  })().catch(() => 'unknown');
  return pipelineHash;
}

/** The topic-id file's content ('' when there is none or it is off). */
function readState(dir: string, root: string): Promise<string> {
  const stateFile = topicStatePath(dir, root);
  return stateFile === null ? Promise.resolve('') : readFile(stateFile, 'utf8').catch(() => '');
}

/** The fingerprint of the inputs with a given topic-id file content. */
function fingerprintOf(inputs: readonly string[], state: string): string {
  const [pipeline = '', dir = '', ...files] = inputs;
  return sha1([pipeline, dir, sha1(state), ...files].join('\n'));
}

/** Reads the digest folder and fingerprints it together with the topic-id file and the pipeline code. */
async function readSnapshot(root: string): Promise<Snapshot> {
  const dir = digestsDir(root);
  const files = await readDigestFiles(dir);
  const hashes = files.map((f) => sha1(f.bytes));
  const inputs = [await pipelineSourceHash(), dir, ...files.map((f, i) => `${f.name}:${hashes[i]}`)];
  const fingerprint = fingerprintOf(inputs, await readState(dir, root));
  return { root, dir, files, hashes, inputs, fingerprint };
}

/** The folder's snapshot, read once for the loads under way. */
function snapshot(root: string): Promise<Snapshot> {
  if (sharedSnapshot?.root !== root) {
    const result = readSnapshot(root);
    sharedSnapshot = { root, result };
    // A failed read is not kept: the next load tries again.
    result.catch(() => {
      if (sharedSnapshot?.result === result) sharedSnapshot = undefined;
    });
  }
  return sharedSnapshot.result;
}

/**
 * Drops the shared snapshot after a change in the folder. Every collection's watcher handler calls
 * this for the same event, one after the other: only the first drops it, and the snapshot the first
 * handler's load starts (synchronously) serves the others.
 */
function invalidateSnapshot(): void {
  if (invalidationQueued) return;
  invalidationQueued = true;
  sharedSnapshot = undefined;
  queueMicrotask(() => {
    invalidationQueued = false;
  });
}

/** The analysed site for a snapshot, computed once and shared by every collection that needs it. */
function siteData(snap: Snapshot, context: LoaderContext): Promise<Analysis> {
  if (pending?.fingerprint !== snap.fingerprint) {
    pending = { fingerprint: snap.fingerprint, result: buildSiteData(snap, context) };
  }
  return pending.result;
}

async function buildSiteData(snap: Snapshot, context: LoaderContext): Promise<Analysis> {
  const { logger } = context;
  const keys = snap.files.map((f, i) => `${f.name}\u0000${snap.hashes[i]}`);
  const parsed = snap.files.map((f, i) => {
    const key = keys[i] as string;
    const cached = parsedByHash.get(key);
    if (cached) return cached;
    const result = parseDigest(f.name, f.bytes);
    parsedByHash.set(key, result);
    return result;
  });
  // Keep only the folder's current files (a dev session that edits digests would otherwise keep every version).
  const current = new Set(keys);
  for (const key of parsedByHash.keys()) if (!current.has(key)) parsedByHash.delete(key);
  const stateFile = topicStatePath(snap.dir, snap.root);
  const previousTopics = stateFile === null ? null : await readTopicState(stateFile);
  // Tokens of the texts seen in earlier builds; only usable when the pipeline's source hash is known.
  const pipeline = await pipelineSourceHash();
  const cacheFile = pipeline === 'unknown' ? null : tokenCachePath(fileURLToPath(context.config.cacheDir));
  const tokenCache = cacheFile === null ? undefined : await loadTokenCache(cacheFile, pipeline);
  // For a large corpus the per-paper pass (tagging and phrases, most of a cold analysis) runs in worker processes.
  const { data, workers } = await analyzeDigests(parsed, {
    previousTopics,
    tokenCache,
    onWorkerError: (error) => logger.warn(`The analysis's worker processes failed, going on without them: ${String(error)}`),
  });
  if (cacheFile !== null && tokenCache !== undefined) {
    const { hits, misses } = tokenCache;
    const onWorkers = workers > 0 ? ` (in ${workers} worker processes)` : '';
    logger.info(`Tokens: ${hits} texts from the cache, ${misses} tokenized${onWorkers}`);
    if (tokenCache.changed) {
      await saveTokenCache(cacheFile, pipeline, tokenCache).catch((error: unknown) =>
        logger.warn(`Token cache not saved to ${cacheFile}: ${String(error)}`),
      );
    }
  }
  report(data.corpus, snap.dir, logger);
  if (stateFile !== null && (await writeTopicState(stateFile, data.topicState))) {
    logger.info(`Topic ids saved to ${stateFile}`);
  }
  // The analysis may have just updated the topic-id file (the only input it writes): remember the inputs
  // as they stand now, so the next build with the same digests finds them unchanged.
  const fingerprintAfter = fingerprintOf(snap.inputs, await readState(snap.dir, snap.root));
  return { data, fingerprintAfter };
}

/** Prints every problem and the summary line; in strict mode, problems fail the build. */
function report(
  corpus: { digests: number; papers: number; duplicates: number; problems: readonly Problem[] },
  dir: string,
  logger: LoaderContext['logger'],
): void {
  for (const problem of corpus.problems) logger.warn(formatProblem(problem));
  logger.info(summaryLine(corpus));
  if (corpus.problems.length > 0 && strictMode()) {
    throw new Error(`Strict mode: ${corpus.problems.length} problem(s) in the digests of ${dir} (listed above).`);
  }
}

/**
 * A paper as the papers collection stores it: what its pages show. Term weights and similarity scores, and the
 * labels of terms with a page of their own, are left out: at 20,000 papers the content store is about 60 MB,
 * and Astro's bundling step, the build's memory peak, holds several copies of it.
 */
function storedPaper({ id: _id, terms, related, ...rest }: AnalysedPaper, withPage: ReadonlySet<string>): Record<string, unknown> {
  return {
    ...rest,
    terms: terms.map(({ term, label }) => (withPage.has(term) || label === term ? { term } : { term, label })),
    related: related.map(({ id, shared }) => ({ id, shared })),
  };
}

/** Entries of one collection as [id, data] pairs. */
function entriesOf(kind: CollectionKind, data: SiteData): [string, Record<string, unknown>][] {
  switch (kind) {
    case 'papers': {
      const withPage = new Set(data.terms.map((t) => t.id));
      return data.papers.map((paper) => [paper.id, storedPaper(paper, withPage)]);
    }
    case 'digests':
      return data.digests.map(({ id, ...rest }) => [id, rest]);
    case 'topics':
      return data.topics.map(({ id, ...rest }) => [id, rest]);
    case 'terms':
      return data.terms.map(({ id, ...rest }) => [id, rest]);
    case 'corpus':
      return [['corpus', { ...data.corpus }]];
  }
}

/** The project root Astro builds (`--root`), which relative digest and state paths are resolved against. */
function projectRoot(context: LoaderContext): string {
  return fileURLToPath(context.config.root);
}

/** Loads one collection, or keeps its stored entries when nothing it depends on changed. */
async function loadCollection(kind: CollectionKind, context: LoaderContext): Promise<void> {
  activeLoads += 1;
  try {
    await loadCollectionWith(kind, context);
  } finally {
    activeLoads -= 1;
    if (activeLoads === 0) {
      // Every collection has its entries in the store now: let the analysis go (about 1 GB at 20,000 papers),
      // so the pages render with that much less heap.
      sharedSnapshot = undefined;
      pending = undefined;
      // And collect it now, where `npm run build` lets us (node --expose-gc, scripts/build.mjs): V8 would let it
      // lie, and Astro's bundling step, which comes next, is the build's memory peak. At 20,000 papers this took
      // the largest process from 3.5 GiB to 3.0 GiB.
      (globalThis as { gc?: () => void }).gc?.();
    }
  }
}

async function loadCollectionWith(kind: CollectionKind, context: LoaderContext): Promise<void> {
  const { store, meta, logger, parseData, generateDigest } = context;
  const snap = await snapshot(projectRoot(context));
  if (meta.get('fingerprint') === snap.fingerprint && store.keys().length > 0) {
    if (kind === 'corpus') {
      const corpus = store.get('corpus')?.data as Parameters<typeof report>[0] | undefined;
      if (corpus) report(corpus, snap.dir, logger);
      logger.info('Digests, topic ids and pipeline unchanged: reusing the stored analysis.');
    }
    return;
  }
  const { data, fingerprintAfter } = await siteData(snap, context);
  store.clear();
  for (const [id, raw] of entriesOf(kind, data)) {
    const parsedData = await parseData({ id, data: raw });
    store.set({ id, data: parsedData, digest: generateDigest(parsedData) });
  }
  meta.set('fingerprint', fingerprintAfter);
}

/** A Content Layer loader for one collection of the analysed digests. */
export function digestLoader(kind: CollectionKind): Loader {
  return {
    name: `digest-loader:${kind}`,
    load: async (context) => {
      await loadCollection(kind, context);
      const { watcher, logger } = context;
      if (!watcher) return;
      const dir = digestsDir(projectRoot(context));
      watcher.add(dir);
      const onChange = (file: string) => {
        if (path.dirname(path.resolve(file)) !== dir || !file.toLowerCase().endsWith('.txt')) return;
        if (kind === 'corpus') logger.info(`${path.basename(file)} changed: reloading the digests`);
        invalidateSnapshot();
        loadCollection(kind, context).catch((error: unknown) => logger.error(String(error)));
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
