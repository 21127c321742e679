/**
 * Astro integration: after `astro build`, index the built pages with Pagefind's Node API and write the
 * search bundle to `<outDir>/pagefind/`. Only pages whose `<main>` carries `data-pagefind-body` are indexed
 * (paper, topic and term pages); inside them, `data-pagefind-ignore` regions (navigation lists, related papers,
 * maps) are skipped. Pagefind is handed only those pages (`indexed-pages.ts`), and above a size they are split into
 * shards, each its own index, merged in the browser (`src/client/search-shards.ts`), whose word indexes are then made
 * to share one vocabulary and chunking so that they match what one index would (`shard-vocabulary.ts`). Logs a
 * one-line summary: pages, words, filters, sorts, bundle size, time.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../site-config.ts';
import { SHARDS_FILE, assignShards, shardCount, shardsManifest } from '../client/search-shards.ts';
import { indexedPages, mirrorPages } from './indexed-pages.ts';
import { pagefindChunkSize } from './shard-chunks.ts';
import { shareVocabulary, type SharedVocabulary } from './shard-vocabulary.ts';

/** Options of the Pagefind integration. */
export interface PagefindIntegrationOptions {
  /** Extra CSS selectors Pagefind should not index, on top of the `data-pagefind-ignore` attributes. */
  excludeSelectors?: string[];
  /** Keep Pagefind's prebuilt UI bundles (the site builds its own UI, so they are deleted by default). */
  keepDefaultUi?: boolean;
  /** Most pages per Pagefind index (default: `siteConfig.build.searchShardPages`). */
  shardPages?: number;
}

/** Counts Pagefind reports for an index. */
export interface IndexSummary {
  pages: number;
  words: number | null;
  filters: number | null;
  sorts: number | null;
}

/**
 * Never worth indexing even inside an indexed body: a formula's TeX source in its MathML `<annotation>` (the
 * rendered symbols are kept, so "µKE" is not indexed and excerpted as "µµKE"), and KaTeX's HTML twin of a formula.
 */
const DEFAULT_EXCLUDES = ['annotation', '.katex-html'];

/** Pagefind's ready-made UIs, which this site does not load. */
const UNUSED_UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Folder inside the site where the indexed pages are linked for Pagefind's walk, removed when it is done. */
const MIRROR_DIR = '.pagefind-pages';

/** Reads the summary ("Indexed N pages / words / filters / sorts") from Pagefind's log, using its Total block. */
export function parseIndexLog(log: string, pages: number): IndexSummary {
  const total = log.lastIndexOf('Total:');
  const block = total >= 0 ? log.slice(total) : log;
  const count = (what: string): number | null => {
    const m = new RegExp(`Indexed (\\d+) ${what}`).exec(block);
    return m ? Number(m[1]) : null;
  };
  return { pages: count('pages?') ?? pages, words: count('words?'), filters: count('filters?'), sorts: count('sorts?') };
}

/** Total size in bytes of the files under a folder. */
async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Files a shard's bundle does not need: the browser loads Pagefind's code and WebAssembly from the primary bundle. */
const SHARD_UNUSED_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** Builds one Pagefind index of the HTML files under `dir` into `outputPath`; returns the page count and the log's summary. */
async function buildOneIndex(
  pagefind: typeof import('pagefind'),
  dir: string,
  outputPath: string,
  logfile: string,
  options: PagefindIntegrationOptions,
): Promise<IndexSummary> {
  try {
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: [...DEFAULT_EXCLUDES, ...(options.excludeSelectors ?? [])],
      forceLanguage: 'en',
      logfile,
      verbose: true,
    });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    return parseIndexLog(await readFile(logfile, 'utf8').catch(() => ''), added.page_count);
  } finally {
    // A fresh Pagefind process per index, so each shard starts from an empty heap.
    await pagefind.close();
  }
}

/**
 * Builds the search index of the site in `siteDir` into `siteDir/pagefind`, and returns its summary: one Pagefind
 * index, or, above `siteConfig.build.searchShardPages` indexed pages, several built one after another (primary bundle in
 * `pagefind/`, the others in `pagefind/shard-<i>/`, listed in `pagefind/shards.json`; see src/client/search-shards.ts).
 */
export async function buildSearchIndex(
  siteDir: string,
  logger: AstroIntegrationLogger,
  options: PagefindIntegrationOptions = {},
): Promise<IndexSummary & { bytes: number; shards: number }> {
  const started = performance.now();
  // Imported here so the dev server and `astro check` never start the Pagefind binary.
  const pagefind = await import('pagefind');
  const logDir = await mkdtemp(path.join(tmpdir(), 'pagefind-log-'));
  const logfile = path.join(logDir, 'pagefind.log');
  const outputPath = path.join(siteDir, 'pagefind');
  const mirror = path.join(siteDir, MIRROR_DIR);
  try {
    await rm(outputPath, { recursive: true, force: true });
    // Pagefind walks only the pages it indexes (see indexed-pages.ts); without any, it walks the site as it would.
    const pages = indexedPages(siteDir, [MIRROR_DIR, 'pagefind']);
    if (pages.length === 0) logger.warn('No page carries data-pagefind-body: Pagefind indexes the body of every page.');
    const count = shardCount(pages.length, options.shardPages ?? siteConfig.build.searchShardPages);
    const shards = pages.length === 0 ? [[]] : assignShards(pages, count);
    const summaries: IndexSummary[] = [];
    const bundles = shards.map((_, i) => (i === 0 ? outputPath : path.join(outputPath, `shard-${i}`)));
    for (const [i, files] of shards.entries()) {
      const bundle = bundles[i] ?? outputPath;
      if (files.length > 0) mirrorPages(siteDir, files, mirror);
      summaries.push(await buildOneIndex(pagefind, files.length > 0 ? mirror : siteDir, bundle, logfile, options));
      await rm(mirror, { recursive: true, force: true });
      for (const name of await readdir(bundle)) {
        const unused = (!options.keepDefaultUi && UNUSED_UI_FILES.test(name)) || (i > 0 && SHARD_UNUSED_FILES.test(name));
        if (unused) await rm(path.join(bundle, name));
      }
    }
    // Without this, a shard lacking a query word that another shard holds matches loose prefixes of it instead.
    const shared: SharedVocabulary | null = bundles.length > 1 ? await shareVocabulary(bundles, pagefindChunkSize(process.env)) : null;
    await writeFile(path.join(outputPath, SHARDS_FILE), `${JSON.stringify(shardsManifest(shards.length, pages.length))}\n`);

    const sum = (get: (s: IndexSummary) => number | null): number | null =>
      summaries.some((s) => get(s) === null) ? null : summaries.reduce((total, s) => total + (get(s) ?? 0), 0);
    const summary: IndexSummary = {
      pages: sum((s) => s.pages) ?? pages.length,
      words: shared ? shared.words : sum((s) => s.words),
      filters: summaries[0]?.filters ?? null,
      sorts: summaries[0]?.sorts ?? null,
    };
    const bytes = await folderSize(outputPath);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = [
      `${summary.pages} pages`,
      summary.words === null ? null : `${summary.words} words`,
      summary.filters === null ? null : `${summary.filters} filters`,
      summary.sorts === null ? null : `${summary.sorts} sorts`,
    ].filter((s) => s !== null);
    const inShards = shared ? ` in ${shards.length} indexes sharing their words in ${shared.chunks} chunks` : '';
    logger.info(`Search index: ${counts.join(', ')}${inShards}; ${kb(bytes)} in ${path.relative(process.cwd(), outputPath) || outputPath} (${seconds} s).`);
    return { ...summary, bytes, shards: shards.length };
  } finally {
    await pagefind.close();
    await rm(logDir, { recursive: true, force: true });
    await rm(mirror, { recursive: true, force: true });
  }
}

/** The integration: indexes the build output (`dir` of `astro:build:done`, which follows `outDir`/ASTRO_OUT_DIR). */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'paper-explorer:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` indexes after Astro has exited (scripts/build.mjs), to keep the peak memory down.
        if (siteConfig.build.pagefindDeferred) {
          logger.info('Search index: built after Astro exits (scripts/index-search.ts).');
          return;
        }
        await buildSearchIndex(fileURLToPath(dir), logger, options);
      },
    },
  };
}
