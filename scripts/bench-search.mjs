#!/usr/bin/env node
// Search benchmark: builds the site for a digest folder into a temporary outDir, serves it on localhost and
// measures, in Chromium, what a visitor's first search costs.
//
//   npm run bench:search -- <digest-folder> [--site <built-dir>] [--keep] [--json <file>] [--runs <n>]
//
// --site reuses an existing build instead of building; --keep leaves the temporary build in place;
// --runs repeats each cold measurement (default 3) and reports medians; --json writes every figure to a file.
// Figures per query (each in a fresh browser context, so nothing is cached):
//   index size   the pagefind/ folder on disk (and its parts)
//   page load    bytes of /pagefind/ files fetched when /search/ opens (Pagefind's JS, WASM and metadata)
//   first query  bytes of /pagefind/ files fetched after typing until the results show, and until the filter counts show
//   time         keystroke -> rendered results: in-page performance.measure from the input event, and from page.fill()
//                to the first result being visible; plus the same query again once everything is cached
import { spawn } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch-dir.mjs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES = [
  { label: 'specific', q: 'matryoshka' },
  { label: 'acronym', q: 'MoE' },
  { label: 'broad', q: 'learning' },
  { label: 'broad', q: 'model' },
];

function parseArgs(argv) {
  const opts = { folder: undefined, site: undefined, keep: false, json: undefined, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--site') opts.site = argv[++i];
    else if (a === '--keep') opts.keep = true;
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}`);
    else opts.folder = a;
  }
  if (!opts.folder && !opts.site) throw new Error('Usage: npm run bench:search -- <digest-folder> [--site <built-dir>] [--keep] [--json <file>] [--runs <n>]');
  return opts;
}

function run(cmd, args, env, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Sizes of the files under a folder, grouped by their first path segment. */
async function sizes(dir) {
  const parts = {};
  let total = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const size = (await stat(full)).size;
    const rel = path.relative(dir, full);
    const group = rel.includes(path.sep) ? rel.split(path.sep)[0] : rel.replace(/\.[0-9a-f]{6,}\./, '.*.');
    parts[group] = (parts[group] ?? 0) + size;
    total += size;
    files += 1;
  }
  return { total, files, parts };
}

async function waitForServer(url, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Server at ${url} did not start`);
}

const TYPING_NOTE = "page's 80 ms typing pause (debounce); the first result's time also includes loading its index chunk and 10 result fragments";
function median(xs) {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
/** Pause between keys when typing a query one key at a time (a brisk typist: about 6 keys a second). */
const TYPING_KEY_DELAY_MS = 160;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(0)} ms`);

/** One cold measurement of a query in a fresh context. */
async function measure(browser, base, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Every /pagefind/ response: when it was requested and its size (Content-Length, else the body; requests made
  // by Pagefind's web worker are included, as the context sees them).
  let phase = 'load';
  const bytes = { load: 0, results: 0, counts: 0, filters: 0 };
  const files = { load: 0, results: 0, counts: 0, filters: 0 };
  // What a host that compresses text (JS, JSON) would send; Pagefind's index, metadata and WASM are gzipped already.
  const compressed = { load: 0, results: 0, counts: 0, filters: 0 };
  const pending = [];
  const phaseOf = new Map();
  context.on('request', (req) => phaseOf.set(req, phase));
  context.on('requestfinished', (req) => {
    if (!new URL(req.url()).pathname.startsWith('/pagefind/')) return;
    const at = phaseOf.get(req) ?? phase;
    pending.push(
      (async () => {
        const res = await req.response();
        const length = Number((await res?.headerValue('content-length')) ?? NaN);
        const size = Number.isFinite(length) ? length : ((await res?.body().catch(() => null))?.length ?? 0);
        bytes[at] += size;
        files[at] += 1;
        const body = /\.(js|json)$/.test(new URL(req.url()).pathname) ? await res?.body().catch(() => null) : null;
        compressed[at] += body ? gzipSync(body).length : size;
      })(),
    );
  });
  await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  phase = 'results';
  const input = page.locator('[data-search-form] [data-search-input]');
  const t0 = performance.now();
  await input.fill(q);
  await page.locator('[data-search-results-region][data-state="results"], [data-search-results-region][data-state="empty"]').waitFor();
  const visible = performance.now() - t0;
  phase = 'counts';
  const timings = await page.evaluate(() => ({
    render: performance.getEntriesByName('search:render').at(-1)?.duration ?? null,
    query: performance.getEntriesByName('search:query').at(-1)?.duration ?? null,
  }));
  const inPage = timings.render;
  await page.locator('[data-search-refine][data-counts="ready"], [data-search-refine][data-counts="off"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const status = (await page.locator('[data-search-status]').textContent())?.trim() ?? '';
  const count = Number((/^([\d,]+)/.exec(status)?.[1] ?? '0').replace(/,/g, ''));
  const firstTitle = (await page.locator('[data-search-results] a').first().textContent().catch(() => null)) ?? '';

  // The same query again, all files cached: the cost of searching itself.
  await input.fill('');
  await page.locator('[data-search-results-region][data-state="idle"]').waitFor();
  const t1 = performance.now();
  await input.fill(q);
  await page.locator('[data-search-results-region][data-state="results"], [data-search-results-region][data-state="empty"]').waitFor();
  const warm = performance.now() - t1;
  const warmInPage = await page.evaluate(() => performance.getEntriesByName('search:render').at(-1)?.duration ?? null);
  // Opening the (folded) filter panel: the filter index, and the counts for this query.
  phase = 'filters';
  let filtersTime = null;
  if (await page.locator('[data-search-filters] > summary').isVisible()) {
    const t2 = performance.now();
    await page.locator('[data-search-filters] > summary').click();
    await page.locator('[data-search-refine][data-counts="ready"]').waitFor({ state: 'attached' });
    filtersTime = performance.now() - t2;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await page.locator('[data-search-filters] > summary').click();
  }
  await context.close();
  return { q, count, firstTitle: firstTitle.trim(), bytes, files, compressed, filtersTime, visible, inPage, pagefindQuery: timings.query, warm, warmInPage };
}

/** Bytes fetched when the query is typed one key at a time (every pause longer than the debounce searches a prefix). */
async function measureTyped(browser, base, q, delay) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
  let bytes = 0;
  let files = 0;
  const pending = [];
  context.on('requestfinished', (req) => {
    if (!new URL(req.url()).pathname.startsWith('/pagefind/')) return;
    pending.push(
      (async () => {
        const res = await req.response();
        const length = Number((await res?.headerValue('content-length')) ?? NaN);
        bytes += Number.isFinite(length) ? length : ((await res?.body().catch(() => null))?.length ?? 0);
        files += 1;
      })(),
    );
  });
  await page.locator('[data-search-form] [data-search-input]').pressSequentially(q, { delay });
  await page.waitForFunction((query) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${query}”`), q);
  await page.locator('[data-search-refine][data-counts="ready"], [data-search-refine][data-counts="off"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { bytes, files };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const work = scratchDir('bench-search-');
  const site = opts.site ? path.resolve(opts.site) : path.join(work, 'dist');
  let buildSeconds = null;
  if (!opts.site) {
    const folder = path.resolve(opts.folder);
    // TOPICS_STATE=off: a benchmark must not write a topic-id state file next to the digest folder.
    const env = { ...process.env, DIGESTS_DIR: folder, ASTRO_OUT_DIR: site, ASTRO_CACHE_DIR: path.join(work, 'cache'), TOPICS_STATE: 'off' };
    console.log(`Building ${folder} into ${site} …`);
    const t = performance.now();
    // Run from the temporary folder (with --root): Astro puts its prerender bundle in <outDir>/.prerender when the
    // outDir is inside the working directory, and in the shared <cwd>/.astro/ otherwise, where parallel builds clash.
    await run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--root', root], env, work);
    buildSeconds = (performance.now() - t) / 1000;
  }
  const index = await sizes(path.join(site, 'pagefind'));
  const pages = await readdir(path.join(site, 'papers'), { withFileTypes: true }).then((es) => es.filter((e) => e.isDirectory()).length);
  const entry = JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const indexedPages = Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);

  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.mjs', site, String(port)], { cwd: root, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const results = [];
  try {
    await waitForServer(`${base}/search/`);
    for (const { label, q } of QUERIES) {
      const runs = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await measure(browser, base, q));
      const med = (key) => median(runs.map((r) => r[key]));
      results.push({
        label,
        ...runs[0],
        inPage: med('inPage'),
        pagefindQuery: med('pagefindQuery'),
        visible: med('visible'),
        filtersTime: med('filtersTime'),
        warmInPage: med('warmInPage'),
        runs: runs.map(({ inPage, pagefindQuery, visible, warmInPage, filtersTime }) => ({ inPage, pagefindQuery, visible, warmInPage, filtersTime })),
        typed: await measureTyped(browser, base, q, TYPING_KEY_DELAY_MS),
      });
    }
  } finally {
    await browser.close();
    server.kill();
    if (!opts.keep && !opts.site) await rm(work, { recursive: true, force: true });
  }

  const report = { folder: opts.folder ?? null, site, paperPages: pages, indexedPages, buildSeconds, index, queries: results };
  console.log(`\nSearch benchmark: ${pages} paper pages, ${indexedPages} pages indexed${buildSeconds === null ? '' : `, built in ${buildSeconds.toFixed(0)} s`}`);
  console.log(`Index on disk: ${kb(index.total)} in ${index.files} files (${Object.entries(index.parts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ')})`);
  const first = results[0];
  if (first) {
    console.log(
      `Opening /search/ fetches ${kb(first.bytes.load)} of Pagefind files (${first.files.load} files; ${kb(first.compressed.load)} from a host that compresses JS) before any query.`,
    );
  }
  console.log('');
  console.log('| query | results | fetched after typing | total with page open (compressed JS) | typed key by key, after typing | keystroke → results (in page) | of which Pagefind search | fill → first result visible | again, cached | opening the filters: fetched, time |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const after = r.bytes.results + r.bytes.counts;
    const total = r.bytes.load + after;
    const totalCompressed = r.compressed.load + r.compressed.results + r.compressed.counts;
    console.log(
      `| ${r.q} (${r.label}) | ${r.count} | ${kb(after)} (${r.files.results + r.files.counts} files) | ${kb(total)} (${kb(totalCompressed)}) | ${kb(r.typed.bytes)} (${r.typed.files}) | ${ms(r.inPage)} | ${ms(r.pagefindQuery)} | ${ms(r.visible)} | ${ms(r.warmInPage)} | ${kb(r.bytes.filters)}, ${ms(r.filtersTime)} |`,
    );
  }
  console.log(`\nTimes are medians of ${opts.runs} cold runs (fresh browser context each) and include the ${TYPING_NOTE}.`);
  if (opts.json) await writeFile(opts.json, JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
