/**
 * Quality gates on the built files (no browser): every page is valid HTML (html-validate, `.htmlvalidate.json`),
 * every internal link, asset reference and fragment resolves, and the page-weight budgets hold.
 * Reads `$ASTRO_OUT_DIR` (else dist/), the folder `npm run test:e2e` has just built. Prints the measured figures.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { version as htmlValidateVersion } from 'html-validate';
import {
  anchorsOf,
  distDir,
  fileFor,
  gzipBytes,
  jsonUrls,
  kb,
  listFiles,
  median,
  pagePath,
  readDist,
  referencesOf,
  resolveReference,
  scriptClosure,
  startTags,
  type Tag,
} from './dist-helpers';
import { pageWeight, scripts, stylesheets } from './page-weight';

/** Budgets (gzipped bytes). */
const PAPER_BUDGET = 30 * 1024;
const TOPIC_BUDGET = 80 * 1024;
/** The one inline script allowed on a paper page: the header's `/` search shortcut, which reading never needs. */
const SHORTCUT_MARKER = '[data-search-input]';
const SHORTCUT_MAX_BYTES = 2048;
/** How many problems a failure message lists before summarising the rest. */
const SHOWN = 60;

interface UrlEntry {
  url: string;
}

test.beforeAll(() => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No built site in ${distDir}: run \`npm run build\` (or set ASTRO_OUT_DIR) before the e2e tests.`);
  }
});

/** A failure message: the first problems, then how many more. */
function listing(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN).join('\n');
  return problems.length > SHOWN ? `${shown}\n… and ${problems.length - SHOWN} more` : shown;
}

function readJson<T>(rel: string): T {
  return JSON.parse(readDist(rel)) as T;
}

/** Where the hashes of pages that passed html-validate are kept, per configuration and html-validate version. */
function validationCacheFile(config: string): string {
  const key = createHash('sha1').update(`${htmlValidateVersion}\n${config}`).digest('hex').slice(0, 16);
  return path.resolve('node_modules', '.cache', 'dist-html-validate', `${key}.json`);
}

test('every built page is valid HTML (html-validate, in parallel worker threads)', async () => {
  test.setTimeout(300_000);
  const files = listFiles(distDir, (rel) => rel.endsWith('.html'));
  const configText = readFileSync('.htmlvalidate.json', 'utf8');
  const config = JSON.parse(configText) as Record<string, unknown>;
  // Pages byte-identical to ones that passed before (same config, same html-validate) need no second look.
  const cacheFile = process.env.HTML_VALIDATE_CACHE === 'off' ? null : validationCacheFile(configText);
  const known: string[] = cacheFile && existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as string[]) : [];
  const threads = Math.max(1, Math.min(os.availableParallelism(), 4, files.length));
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => shares[i % threads]!.push(f));
  const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'html-validate-worker.mjs');
  const started = performance.now();
  type Message = { file: string; line: number; column: number; rule: string; message: string; severity: number };
  type Result = { files: number; validated: number; messages: Message[]; passed: string[] };
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<Result>((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { dir: distDir, files: share, config, known } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`html-validate worker exited with ${code}`)));
        }),
    ),
  );
  const messages = results.flatMap((r) => r.messages);
  const checked = results.reduce((n, r) => n + r.files, 0);
  const validated = results.reduce((n, r) => n + r.validated, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `html-validate: ${checked} pages (${validated} validated, ${checked - validated} unchanged since they passed) in ${seconds} s on ${threads} threads; ${messages.length} message(s)`,
  );
  if (cacheFile) {
    // Keep only the hashes of pages in this build, so the cache does not grow without end.
    const passed = [...new Set([...known, ...results.flatMap((r) => r.passed)])];
    const current = new Set(files.map((rel) => createHash('sha1').update(readFileSync(path.join(distDir, rel))).digest('hex')));
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(passed.filter((h) => current.has(h))));
    renameSync(tmp, cacheFile);
  }
  expect(checked).toBe(files.length);
  const problems = messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.rule}: ${m.message}`);
  expect(problems, `html-validate found problems:\n${listing(problems)}`).toEqual([]);
});

test('internal links, asset references and fragments resolve; data URLs point at pages', () => {
  test.setTimeout(120_000);
  const htmlFiles = listFiles(distDir, (rel) => rel.endsWith('.html'));
  const tagCache = new Map<string, Tag[]>();
  const tagsOf = (rel: string): Tag[] => {
    let tags = tagCache.get(rel);
    if (!tags) {
      tags = startTags(readDist(rel));
      tagCache.set(rel, tags);
    }
    return tags;
  };
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (rel: string): Set<string> => {
    let ids = anchorCache.get(rel);
    if (!ids) {
      ids = anchorsOf(tagsOf(rel));
      anchorCache.set(rel, ids);
    }
    return ids;
  };
  const canonical = tagsOf('index.html').find((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical')?.attrs.get('href');
  const siteOrigin = canonical ? new URL(canonical).origin : null;

  const problems: string[] = [];
  let checked = 0;
  let external = 0;
  /** Checks one reference; `where` names it in a problem. */
  const check = (url: string, from: string, where: string): void => {
    if (/^(mailto|tel|data|javascript|blob):/i.test(url)) return;
    const r = resolveReference(url, from, siteOrigin);
    if (r.kind === 'external') {
      external++;
      return;
    }
    checked++;
    if (r.kind === 'missing') problems.push(`${where}: ${url} → no file for ${r.path}`);
    else if (r.fragment && r.rel.endsWith('.html') && !anchors(r.rel).has(r.fragment)) {
      problems.push(`${where}: ${url} → ${r.rel} has no id "${r.fragment}"`);
    }
  };

  for (const rel of htmlFiles) {
    for (const ref of referencesOf(tagsOf(rel))) check(ref.url, pagePath(rel), `${rel}:${ref.line} ${ref.attr}`);
  }
  const jsonFiles = listFiles(path.join(distDir, 'data'), (rel) => rel.endsWith('.json')).map((rel) => `data/${rel}`);
  let jsonUrlCount = 0;
  for (const rel of jsonFiles) {
    for (const url of jsonUrls(readJson<unknown>(rel))) {
      jsonUrlCount++;
      check(url, '/' + rel, `${rel} url`);
    }
  }
  for (const rel of listFiles(distDir, (r) => r.endsWith('.css'))) {
    for (const m of readDist(rel).matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
      const url = m[1] ?? m[2] ?? m[3] ?? '';
      if (url && !url.startsWith('#')) check(url, '/' + rel, `${rel} url()`);
    }
  }
  for (const rel of listFiles(distDir, (r) => r.endsWith('.xml'))) {
    for (const m of readDist(rel).matchAll(/<(loc|link)>([^<]+)<\/\1>/g)) check((m[2] ?? '').trim(), '/' + rel, `${rel} <${m[1]}>`);
  }
  console.log(
    `links: ${htmlFiles.length} pages, ${jsonFiles.length} JSON files (${jsonUrlCount} urls); ${checked} internal references checked, ${external} external not fetched; ${problems.length} broken`,
  );
  expect(problems, `Broken internal references:\n${listing(problems)}`).toEqual([]);
});

test('paper pages: HTML + CSS under 30 KB gzipped, readable without scripts', () => {
  const papers = readJson<UrlEntry[]>('data/papers.json');
  expect(papers.length).toBeGreaterThan(0);
  const cssGz = new Map<string, number>();
  const cssBytes = (rel: string): number => {
    let n = cssGz.get(rel);
    if (n === undefined) {
      n = gzipBytes(readFileSync(path.join(distDir, rel)));
      cssGz.set(rel, n);
    }
    return n;
  };
  const problems: string[] = [];
  const sizes: { url: string; html: number; css: number; total: number }[] = [];
  const inlineSizes = new Set<number>();
  for (const paper of papers) {
    const rel = fileFor(paper.url);
    if (rel === null) {
      problems.push(`${paper.url}: no built page`);
      continue;
    }
    const html = readDist(rel);
    const tags = startTags(html);
    const css = stylesheets(tags).reduce((n, r) => n + cssBytes(r), 0);
    const htmlGz = gzipBytes(html);
    sizes.push({ url: paper.url, html: htmlGz, css, total: htmlGz + css });
    for (const s of scripts(html)) {
      if (s.src !== null) problems.push(`${rel}: loads a script file ${s.src}`);
      else if (!s.inline.includes(SHORTCUT_MARKER) || s.inline.length > SHORTCUT_MAX_BYTES) {
        problems.push(`${rel}: inline script that is not the search shortcut (${s.inline.length} bytes): ${s.inline.slice(0, 80)}`);
      } else inlineSizes.add(Buffer.byteLength(s.inline));
    }
    // Readable as delivered: the title and the abstract are in the HTML, not filled in by a script.
    if (!/<h1[\s>]/.test(html) || !html.includes('id="abstract-heading"')) problems.push(`${rel}: no server-rendered title/abstract`);
  }
  const largest = sizes.reduce((a, b) => (b.total > a.total ? b : a));
  const totals = sizes.map((s) => s.total);
  console.log(
    `paper pages (${sizes.length}), gzipped HTML + CSS: largest ${kb(largest.total)} (HTML ${kb(largest.html)} + CSS ${kb(largest.css)}, ${largest.url}); ` +
      `median ${kb(median(totals))}; budget ${kb(PAPER_BUDGET)}. Scripts: only the inline search shortcut (${[...inlineSizes].join(', ') || 'none'} bytes), no script file.`,
  );
  expect(problems, listing(problems)).toEqual([]);
  const over = sizes.filter((s) => s.total > PAPER_BUDGET).map((s) => `${s.url}: ${kb(s.total)}`);
  expect(over, `Paper pages over ${kb(PAPER_BUDGET)} gzipped:\n${listing(over)}`).toEqual([]);
});

test('topic pages with their map: HTML + CSS + map script under 80 KB gzipped', () => {
  const topics = readJson<UrlEntry[]>('data/topics.json');
  expect(topics.length).toBeGreaterThan(0);
  const weights = topics.map((t) => {
    const rel = fileFor(t.url);
    if (rel === null) throw new Error(`${t.url}: no built page`);
    const w = pageWeight(rel);
    return { url: t.url, ...w, total: w.html + w.css + w.js };
  });
  const largest = weights.reduce((a, b) => (b.total > a.total ? b : a));
  const mapPage = fileFor('/map/');
  const corpusMap = mapPage ? pageWeight(mapPage) : null;
  console.log(
    `topic pages (${weights.length}), gzipped HTML + CSS + JS: largest ${kb(largest.total)} (HTML ${kb(largest.html)} + CSS ${kb(largest.css)} + JS ${kb(largest.js)} in ${largest.chunks.length} chunk(s): ${largest.chunks.join(', ')}; ${largest.url}); ` +
      `median ${kb(median(weights.map((w) => w.total)))}; budget ${kb(TOPIC_BUDGET)}.` +
      (corpusMap ? ` /map/ (not budgeted): ${kb(corpusMap.html + corpusMap.css + corpusMap.js)}.` : ''),
  );
  expect(largest.js, 'the topic page loads its map script').toBeGreaterThan(0);
  const over = weights.filter((w) => w.total > TOPIC_BUDGET).map((w) => `${w.url}: ${kb(w.total)} (HTML ${kb(w.html)}, CSS ${kb(w.css)}, JS ${kb(w.js)})`);
  expect(over, `Topic pages over ${kb(TOPIC_BUDGET)} gzipped:\n${listing(over)}`).toEqual([]);
});
