/**
 * The custom Content Layer loader: reads the digest folder, runs the analysis pipeline once per build
 * and hands each collection its entries. All I/O lives here; the pipeline itself is pure.
 *
 * Incremental: each collection keeps, in its meta store, a fingerprint of what it was built from (every
 * digest file's content hash, the topic-id file and the pipeline's source). When nothing changed the
 * collection keeps its stored entries and the analysis does not run at all; parsed files are cached by
 * content hash, so in `astro dev` only changed files are parsed again. In dev, adding, changing or
 * removing a digest reloads the collections without a restart.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { analyze, type SiteData } from '../pipeline/analyze';
import { digestsDir, readDigestFiles, type DigestFile } from './digest-files';
import { parseDigest } from '../pipeline/parse';
import { formatProblem, summaryLine } from '../pipeline/report';
import type { ParsedDigest, Problem } from '../pipeline/types';
import { readTopicState, topicStatePath, writeTopicState } from './topic-state-file';

/** Which part of the analysed site a collection holds. */
export type CollectionKind = 'papers' | 'digests' | 'topics' | 'terms' | 'corpus';

/** The folder's files and the fingerprint of everything the analysis depends on. */
interface Snapshot {
  root: string;
  dir: string;
  files: DigestFile[];
  hashes: string[];
  fingerprint: string;
}

let pending: { fingerprint: string; result: Promise<SiteData> } | undefined;
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

/** Reads the digest folder and fingerprints it together with the topic-id file and the pipeline code. */
async function snapshot(root: string): Promise<Snapshot> {
  const dir = digestsDir(root);
  const files = await readDigestFiles(dir);
  const hashes = files.map((f) => sha1(f.bytes));
  const stateFile = topicStatePath(dir, root);
  const state = stateFile === null ? '' : await readFile(stateFile, 'utf8').catch(() => '');
  const fingerprint = sha1(
    [await pipelineSourceHash(), dir, sha1(state), ...files.map((f, i) => `${f.name}:${hashes[i]}`)].join('\n'),
  );
  return { root, dir, files, hashes, fingerprint };
}

/** The analysed site for a snapshot, computed once and shared by every collection that needs it. */
function siteData(snap: Snapshot, logger: LoaderContext['logger']): Promise<SiteData> {
  if (pending?.fingerprint !== snap.fingerprint) {
    pending = { fingerprint: snap.fingerprint, result: buildSiteData(snap, logger) };
  }
  return pending.result;
}

async function buildSiteData(snap: Snapshot, logger: LoaderContext['logger']): Promise<SiteData> {
  const parsed = snap.files.map((f, i) => {
    const key = `${f.name}\u0000${snap.hashes[i]}`;
    const cached = parsedByHash.get(key);
    if (cached) return cached;
    const result = parseDigest(f.name, f.bytes);
    parsedByHash.set(key, result);
    return result;
  });
  const stateFile = topicStatePath(snap.dir, snap.root);
  const previousTopics = stateFile === null ? null : await readTopicState(stateFile);
  const data = analyze(parsed, { previousTopics });
  report(data.corpus, snap.dir, logger);
  if (stateFile !== null && (await writeTopicState(stateFile, data.topicState))) {
    logger.info(`Topic ids saved to ${stateFile}`);
  }
  return data;
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

/** Entries of one collection as [id, data] pairs. */
function entriesOf(kind: CollectionKind, data: SiteData): [string, Record<string, unknown>][] {
  switch (kind) {
    case 'papers':
      return data.papers.map(({ id, ...rest }) => [id, rest]);
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
  const data = await siteData(snap, logger);
  store.clear();
  for (const [id, raw] of entriesOf(kind, data)) {
    const parsedData = await parseData({ id, data: raw });
    store.set({ id, data: parsedData, digest: generateDigest(parsedData) });
  }
  // The analysis may have just updated the topic-id file: remember the inputs as they stand now, so the
  // next build with the same digests finds them unchanged.
  meta.set('fingerprint', (await snapshot(snap.root)).fingerprint);
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
        loadCollection(kind, context).catch((error: unknown) => logger.error(String(error)));
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
