#!/usr/bin/env node
// Builds the site from the digest folder: `astro build` (analysis and pages), then the search index.
// `npm run build -- --strict` (or STRICT=1) makes any problem in a digest fail the build; `--incremental` (or
// INCREMENTAL_BUILD=1) turns on Astro's incremental build (src/site-config.ts, astro.config.mjs); other arguments
// go to `astro build` (e.g. `--force` renders every page, ignoring the incremental cache).
//
// The Pagefind index is built here, after Astro has exited (PAGEFIND_DEFERRED=1 tells the integration to step
// aside), so the Pagefind binary and the build's Node heap are never in memory together: at 20,000 papers
// that is the difference between about 5 GB and 3.5 GB at the peak. A plain `astro build` still indexes
// through the integration.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const incremental = args.includes('--incremental');
const env = { ...process.env, PAGEFIND_DEFERRED: '1', ...(strict ? { STRICT: '1' } : {}), ...(incremental ? { INCREMENTAL_BUILD: '1' } : {}) };
const astroArgs = args.filter((a) => a !== '--strict' && a !== '--incremental');
// --expose-gc: the content loader collects the analysis's garbage before Astro bundles (src/content/loader.ts).
// --max-semi-space-size: a young generation of 64 MB semi-spaces instead of V8's 16 MB, so the short-lived objects of
// the analysis and of every rendered page die young rather than being promoted and marked with the whole site's heap
// (about 5 % less CPU time at 20,000 papers, for about 150 MB more at the peak).
const built = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=64', astroBin, 'build', ...astroArgs], { stdio: 'inherit', env });
if (built.status !== 0) process.exit(built.status ?? 1);

// The output folder as src/site-config.ts sets it: ASTRO_OUT_DIR, else ./dist, relative to the
// project root (`--root`, else the working directory).
const rootArg = astroArgs.indexOf('--root');
const projectRoot = rootArg >= 0 && astroArgs[rootArg + 1] ? path.resolve(astroArgs[rootArg + 1]) : process.cwd();
const outDir = path.resolve(projectRoot, process.env.ASTRO_OUT_DIR ?? 'dist');
// tsx (a dev dependency, as `npm install` installs) runs the TypeScript; resolved here, not from the working directory.
const tsx = pathToFileURL(require.resolve('tsx')).href;
const indexed = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'scripts', 'index-search.ts'), outDir], { stdio: 'inherit', env });
process.exit(indexed.status ?? 1);
