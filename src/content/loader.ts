/**
 * The custom Content Layer loader: reads the digest folder, runs the analysis pipeline once per build
 * (`analysis-run.ts`) and hands each collection its entries (`stored-entries.ts`). The pipeline itself is pure.
 *
 * {@link digestSource} makes one source of the five collections; its state (the shared snapshot of the folder,
 * the analysis under way, the parsed files) lives in its closure, as in Astro's own `file()` and `glob()` loaders.
 *
 * Incremental: each collection keeps, in its meta store, a fingerprint of what it was built from
 * (`fingerprint.ts`). When nothing changed the collection keeps its stored entries and the analysis does not run
 * at all; parsed files are kept by content hash, so in `astro dev` only changed files are parsed again. In dev,
 * adding, changing or removing a digest reloads the collections without a restart.
 *
 * The folder is read once per build and shared by the five collections' loads, which run side by side; a load
 * that starts when none is running (the next build, a change in dev) reads it again.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseDigest } from '../pipeline/parse';
import type { AnalysisPolicy } from '../pipeline/policy';
import type { ParsedDigest } from '../pipeline/types';
import { runAnalysis, type AnalysisRun } from './analysis-run';
import { resolveDigestsDir } from './digest-files';
import { entryFilesDir, entryFilesExist, writeEntryFiles } from './entry-files';
import { pipelineSourceHash, readSnapshot, type Snapshot } from './fingerprint';
import { reportProblems, type ReportedCorpus } from './problem-report';
import { paperSchema, termSchema } from './schemas';
import { storedEntries, type CollectionKind } from './stored-entries';
import { topicStatePathFor } from './topic-state-file';

export type { CollectionKind } from './stored-entries';

/** Options of {@link digestSource}: where the digests and the topic-id file are, and how strict the build is. */
export interface DigestSourceOptions {
  /** The digest folder, relative to the project root or absolute (default `content/digests`). */
  digestsDir?: string;
  /**
   * The topic-id file: a path relative to the project root, or `off` for none (topics are numbered afresh and
   * nothing is written); default: next to the digest folder (see `topic-state-file.ts`).
   */
  topicState?: string;
  /** Whether problems in the digests fail the build (default false). */
  strict?: boolean;
  /** What the analysis keeps for the pages (default: the pipeline's `DEFAULT_POLICY`); part of the fingerprint. */
  policy?: AnalysisPolicy;
  /**
   * Carry each paper's related papers and key terms across builds (in the cache folder, see list-state-file.ts), so
   * an incremental build re-renders few paper pages; default false (every build shows fresh lists).
   */
  carryLists?: boolean;
}

/** The five collections' loaders over one digest folder. */
export interface DigestSource {
  /** The Content Layer loader of one collection. */
  loader(kind: CollectionKind): Loader;
}

/** The project root Astro builds (`--root`), which relative digest and state paths are resolved against. */
function projectRoot(context: LoaderContext): string {
  return fileURLToPath(context.config.root);
}

/** A source of the digest collections: one analysis per build, shared by the five collections' loads. */
export function digestSource(options: DigestSourceOptions = {}): DigestSource {
  const strict = options.strict ?? false;
  /** The folder's snapshot, shared by the loads running side by side; dropped when the last ends or the folder changes. */
  let sharedSnapshot: { root: string; result: Promise<Snapshot> } | undefined;
  /** The analysis of the current snapshot, shared by every collection that needs it. */
  let pending: { fingerprint: string; result: Promise<AnalysisRun> } | undefined;
  /** Collection loads under way. */
  let activeLoads = 0;
  let invalidationQueued = false;
  /** Parsed digests by name and content hash (so a dev server re-parses only the files that changed). */
  const parsedByHash = new Map<string, ParsedDigest>();
  let pipelineHash: Promise<string> | undefined;

  /** The digest folder and topic-id file of a project root. */
  const placesOf = (root: string) => {
    const dir = resolveDigestsDir(root, options.digestsDir);
    return { dir, stateFile: topicStatePathFor(dir, root, options.topicState) };
  };

  /** The folder's snapshot, read once for the loads under way. */
  function snapshot(root: string): Promise<Snapshot> {
    if (sharedSnapshot?.root !== root) {
      const { dir, stateFile } = placesOf(root);
      pipelineHash ??= pipelineSourceHash().then((hash) => (options.policy === undefined ? hash : `${hash}:${JSON.stringify(options.policy)}`));
      const result = pipelineHash.then((hash) => readSnapshot(dir, stateFile, hash));
      sharedSnapshot = { root, result };
      // A failed read is not kept: the next load tries again.
      result.catch(() => {
        if (sharedSnapshot?.result === result) sharedSnapshot = undefined;
      });
    }
    return sharedSnapshot.result;
  }

  /**
   * Drops the shared snapshot after a change in the folder. Every collection's watcher handler calls this for
   * the same event, one after the other: only the first drops it, and the snapshot the first handler's load
   * starts (synchronously) serves the others.
   */
  function invalidateSnapshot(): void {
    if (invalidationQueued) return;
    invalidationQueued = true;
    sharedSnapshot = undefined;
    queueMicrotask(() => {
      invalidationQueued = false;
    });
  }

  /** The snapshot's digests parsed, from the cache where the same file was parsed before. */
  function parsedDigests(snap: Snapshot): ParsedDigest[] {
    const keys = snap.files.map((f, i) => `${f.name}\u0000${snap.contentHashes[i]}`);
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
    return parsed;
  }

  /** The analysed site for a snapshot, computed once and shared by every collection that needs it. */
  function siteData(snap: Snapshot, context: LoaderContext): Promise<AnalysisRun> {
    if (pending?.fingerprint !== snap.fingerprint) {
      const result = (async () =>
        runAnalysis(snap, {
          parsed: parsedDigests(snap),
          cacheDir: fileURLToPath(context.config.cacheDir),
          pipelineHash: await (pipelineHash ?? pipelineSourceHash()),
          strict,
          policy: options.policy,
          carryLists: options.carryLists ?? false,
          logger: context.logger,
        }))();
      pending = { fingerprint: snap.fingerprint, result };
    }
    return pending.result;
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

  /** Whether a collection whose full entries are in files still has those files (the cache folder may have been cleared). */
  function entryFilesKept(kind: CollectionKind, store: LoaderContext['store']): Promise<boolean> {
    if (kind !== 'papers' && kind !== 'terms') return Promise.resolve(true);
    return entryFilesExist(store.keys().map((id) => (store.get(id)?.data as { file: string } | undefined)?.file ?? ''));
  }

  async function loadCollectionWith(kind: CollectionKind, context: LoaderContext): Promise<void> {
    const { store, meta, logger, parseData, generateDigest } = context;
    const snap = await snapshot(projectRoot(context));
    if (meta.get('fingerprint') === snap.fingerprint && store.keys().length > 0 && (await entryFilesKept(kind, store))) {
      if (kind === 'corpus') {
        const corpus = store.get('corpus')?.data as ReportedCorpus | undefined;
        if (corpus) reportProblems(corpus, snap.dir, logger, strict);
        logger.info('Digests, topic ids and pipeline unchanged: reusing the stored analysis.');
      }
      return;
    }
    const { data, fingerprintAfter } = await siteData(snap, context);
    let entries: [string, unknown][] = storedEntries(kind, data);
    if (kind === 'papers' || kind === 'terms') {
      // The full entries go to files, parsed by their schema as the store would; the store keeps each one's file.
      const schema = kind === 'papers' ? paperSchema : termSchema;
      const full = entries.map(([id, raw]) => [id, schema.parse(raw)] as const);
      const files = await writeEntryFiles(entryFilesDir(fileURLToPath(context.config.cacheDir)), kind, fingerprintAfter, full);
      entries = full.map(([id], i) => [id, { file: files[i] }]);
    }
    store.clear();
    for (const [id, raw] of entries) {
      const parsedData = await parseData({ id, data: raw as Record<string, unknown> });
      // Astro calls an entry's content hash its `digest`.
      store.set({ id, data: parsedData, digest: generateDigest(parsedData) });
    }
    meta.set('fingerprint', fingerprintAfter);
  }

  return {
    loader: (kind) => ({
      name: `digest-loader:${kind}`,
      load: async (context) => {
        await loadCollection(kind, context);
        const { watcher, logger } = context;
        if (!watcher) return;
        const { dir } = placesOf(projectRoot(context));
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
    }),
  };
}
