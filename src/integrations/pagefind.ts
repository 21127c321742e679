/**
 * Astro integration: after `astro build`, index the built pages with Pagefind's Node API and write the
 * search bundle to `<outDir>/pagefind/`. Only pages whose `<main>` carries `data-pagefind-body` are indexed
 * (paper, topic and term pages); inside them, `data-pagefind-ignore` regions (navigation lists, related papers,
 * maps) are skipped. Logs a one-line summary: pages, words, filters, sorts, bundle size, time.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../site-config.ts';

/** Options of the Pagefind integration. */
export interface PagefindIntegrationOptions {
  /** Extra CSS selectors Pagefind should not index, on top of the `data-pagefind-ignore` attributes. */
  excludeSelectors?: string[];
  /** Keep Pagefind's prebuilt UI bundles (the site builds its own UI, so they are deleted by default). */
  keepDefaultUi?: boolean;
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

/** Builds the Pagefind index of the site in `siteDir` into `siteDir/pagefind`, and returns its summary. */
export async function buildSearchIndex(
  siteDir: string,
  logger: AstroIntegrationLogger,
  options: PagefindIntegrationOptions = {},
): Promise<IndexSummary & { bytes: number }> {
  const started = performance.now();
  // Imported here so the dev server and `astro check` never start the Pagefind binary.
  const pagefind = await import('pagefind');
  const logDir = await mkdtemp(path.join(tmpdir(), 'pagefind-log-'));
  const logfile = path.join(logDir, 'pagefind.log');
  const outputPath = path.join(siteDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: [...DEFAULT_EXCLUDES, ...(options.excludeSelectors ?? [])],
      forceLanguage: 'en',
      logfile,
      verbose: true,
    });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) logger.warn('Pagefind found no page with data-pagefind-body: search will find nothing.');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    await index.deleteIndex();

    if (!options.keepDefaultUi) {
      for (const name of await readdir(outputPath)) {
        if (UNUSED_UI_FILES.test(name)) await rm(path.join(outputPath, name));
      }
    }
    const log = await readFile(logfile, 'utf8').catch(() => '');
    const summary = parseIndexLog(log, added.page_count);
    const bytes = await folderSize(outputPath);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = [
      `${summary.pages} pages`,
      summary.words === null ? null : `${summary.words} words`,
      summary.filters === null ? null : `${summary.filters} filters`,
      summary.sorts === null ? null : `${summary.sorts} sorts`,
    ].filter((s) => s !== null);
    logger.info(`Search index: ${counts.join(', ')}; ${kb(bytes)} in ${path.relative(process.cwd(), outputPath) || outputPath} (${seconds} s).`);
    return { ...summary, bytes };
  } finally {
    await pagefind.close();
    await rm(logDir, { recursive: true, force: true });
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
