#!/usr/bin/env node
// Lighthouse on a built site: the home page, a paper page and the largest topic page (with its map), mobile
// profile (Lighthouse's default: emulated phone, simulated slow 4G and 4x CPU slowdown), in Debian's Chromium.
//
//   npm run lighthouse -- [--site <built dir>] [--runs <n>] [--json <file>] [--html <dir>] [--check]
//
// --site defaults to $ASTRO_OUT_DIR, else dist/ (build it first). The site is served on 127.0.0.1 by a small
// static server that compresses text with gzip and sends long cache headers for hashed assets, as a static
// host does (see public/_headers); nothing outside 127.0.0.1 is fetched. Each page is run --runs times
// (default 3) and the median of each score is reported. --check exits 1 unless accessibility and best
// practices are 100 and performance is 95 or more on every page.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumExecutable } from './browser.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

function parseArgs(argv) {
  const opts = { site: process.env.ASTRO_OUT_DIR ?? 'dist', runs: 3, json: undefined, html: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--site') opts.site = argv[++i];
    else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--html') opts.html = argv[++i];
    else if (a === '--check') opts.check = true;
    else throw new Error(`Unknown argument ${a}. Usage: npm run lighthouse -- [--site <dir>] [--runs <n>] [--json <file>] [--html <dir>] [--check]`);
  }
  opts.site = path.resolve(opts.site);
  return opts;
}

/** A static server for `dir` on 127.0.0.1: `/x/` → x/index.html, gzip for text, immutable caching for /_astro/ and /pagefind/. */
function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    let file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      file = path.join(dir, '404.html');
      if (!existsSync(file)) return res.end('Not found');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', /^\/(_astro|pagefind)\//.test(url.pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The pages to audit, from the built data files. */
function targets(site) {
  const papers = JSON.parse(readFileSync(path.join(site, 'data', 'papers.json'), 'utf8'));
  const topics = JSON.parse(readFileSync(path.join(site, 'data', 'topics.json'), 'utf8'));
  const topic = [...topics].sort((a, b) => b.papers.length - a.papers.length)[0];
  return [
    { name: 'home', path: '/' },
    { name: 'paper', path: papers[0].url },
    { name: 'topic (largest, with map)', path: topic.url },
  ];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(opts.site, 'index.html'))) {
    console.error(`No built site in ${opts.site}: run \`npm run build\` first, or pass --site <dir>.`);
    process.exit(2);
  }
  const server = await serve(opts.site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumExecutable() ?? undefined,
    chromeFlags: [...chromiumArgs, '--headless=new'],
    logLevel: 'silent',
  });
  const results = [];
  try {
    for (const t of targets(opts.site)) {
      const runs = [];
      for (let i = 0; i < opts.runs; i++) {
        const result = await lighthouse(`${origin}${t.path}`, { port: chrome.port, output: opts.html ? 'html' : 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!result) throw new Error(`Lighthouse returned nothing for ${t.path}`);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${t.path}: ${lhr.runtimeError.message}`);
        runs.push(lhr);
        if (opts.html && i === 0) {
          await mkdir(opts.html, { recursive: true });
          await writeFile(path.join(opts.html, `${t.name.split(' ')[0]}.html`), result.report);
        }
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * median(runs.map((r) => r.categories[c].score ?? 0)))]));
      const last = runs.at(-1);
      const metrics = {
        fcp: median(runs.map((r) => r.audits['first-contentful-paint'].numericValue)),
        lcp: median(runs.map((r) => r.audits['largest-contentful-paint'].numericValue)),
        tbt: median(runs.map((r) => r.audits['total-blocking-time'].numericValue)),
        cls: median(runs.map((r) => r.audits['cumulative-layout-shift'].numericValue)),
      };
      // Audits that lost points (binary or numeric), per category, from the last run.
      const failing = [];
      for (const c of CATEGORIES) {
        for (const ref of last.categories[c].auditRefs) {
          const a = last.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable') {
            failing.push(`${c}: ${a.id} (${a.score}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
          }
        }
      }
      results.push({ ...t, scores, allRuns: runs.map((r) => Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * (r.categories[c].score ?? 0))]))), metrics, failing });
      console.log(`${t.name} ${t.path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}`);
      console.log(`  FCP ${(metrics.fcp / 1000).toFixed(2)} s, LCP ${(metrics.lcp / 1000).toFixed(2)} s, TBT ${metrics.tbt.toFixed(0)} ms, CLS ${metrics.cls.toFixed(3)}`);
      for (const f of failing) console.log(`  - ${f}`);
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  console.log(`\n| page | performance | accessibility | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const r of results) console.log(`| ${r.name} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`);
  console.log(`\n(${opts.runs} run(s) per page, median; mobile profile; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  if (opts.json) await writeFile(opts.json, JSON.stringify({ date: new Date().toISOString(), loadavg: os.loadavg(), results }, null, 2));
  if (opts.check) {
    const bad = results.filter((r) => r.scores.accessibility < 100 || r.scores['best-practices'] < 100 || r.scores.performance < 95);
    if (bad.length > 0) {
      console.error(`Below target (accessibility 100, best practices 100, performance ≥ 95): ${bad.map((r) => r.name).join(', ')}`);
      process.exit(1);
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
