/**
 * The custom Content Layer loader: reads the digest folder, runs the analysis pipeline once per build
 * and hands each collection its entries. All I/O lives here; the pipeline itself is pure.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { analyze, type SiteData } from '../pipeline/analyze';
import { digestsDir, readDigestFiles } from './digest-files';
import { parseDigest } from '../pipeline/parse';
import { formatProblem, summaryLine } from '../pipeline/report';
import { readTopicState, topicStatePath, writeTopicState } from './topic-state-file';

/** Which part of the analysed site a collection holds. */
export type CollectionKind = 'papers' | 'digests' | 'topics' | 'terms' | 'corpus';

let pending: { dir: string; result: Promise<SiteData> } | undefined;

/** Whether problems in digests should fail the build (`--strict` or `STRICT=1`). */
function strictMode(): boolean {
  return process.env.STRICT === '1' || process.env.STRICT === 'true';
}

/** Reads, parses and analyses the digest folder; shared by all collections of one build. */
function siteData(logger: LoaderContext['logger']): Promise<SiteData> {
  const dir = digestsDir();
  if (pending?.dir !== dir) {
    pending = { dir, result: buildSiteData(dir, logger) };
  }
  return pending.result;
}

async function buildSiteData(dir: string, logger: LoaderContext['logger']): Promise<SiteData> {
  const files = await readDigestFiles(dir);
  const parsed = files.map((f) => parseDigest(f.name, f.bytes));
  const stateFile = topicStatePath(dir);
  const previousTopics = stateFile === null ? null : await readTopicState(stateFile);
  const data = analyze(parsed, { previousTopics });
  for (const problem of data.corpus.problems) logger.warn(formatProblem(problem));
  logger.info(summaryLine(data.corpus));
  if (data.corpus.problems.length > 0 && strictMode()) {
    throw new Error(`Strict mode: ${data.corpus.problems.length} problem(s) in the digests of ${dir} (listed above).`);
  }
  if (stateFile !== null && (await writeTopicState(stateFile, data.topicState))) {
    logger.info(`Topic ids saved to ${stateFile}`);
  }
  return data;
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

/** A Content Layer loader for one collection of the analysed digests. */
export function digestLoader(kind: CollectionKind): Loader {
  return {
    name: `digest-loader:${kind}`,
    load: async ({ store, logger, parseData, generateDigest }) => {
      const data = await siteData(logger);
      store.clear();
      for (const [id, raw] of entriesOf(kind, data)) {
        const parsedData = await parseData({ id, data: raw });
        store.set({ id, data: parsedData, digest: generateDigest(parsedData) });
      }
    },
  };
}
