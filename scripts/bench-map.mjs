#!/usr/bin/env node
/**
 * Paper map benchmark, in headless Chromium on a built site: `node scripts/bench-map.mjs [site folder] [--runs 3]`
 * (default dist). Serves the folder, opens /map/papers/ and reports
 * - first load: every response up to the first full draw, with its gzipped size (level 6, as a static host would
 *   send it) and the total;
 * - first full draw: when the map had drawn every paper (the `paper-map-drawn` mark), after the load event and
 *   after navigation start;
 * - zooming: 120 wheel steps in and out over the map, with the median and 95th percentile of the interval between
 *   animation frames and of the map's own draw time.
 * Numbers are the medians over the runs (each in a fresh page).
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const site = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'dist');
const port = 4000 + Math.floor(Math.random() * 900);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), site, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });

/** One run: load figures and zoom frame times. */
async function run() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const responses = [];
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      responses.push({ url: response.url().replace(`http://127.0.0.1:${port}`, ''), raw: body.length, gzip: gzipSync(body).length });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(`http://127.0.0.1:${port}/map/papers/`);
  await page.locator('paper-map[data-papers]').waitFor();
  const papers = Number(await page.locator('paper-map').getAttribute('data-papers'));
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const drawn = performance.getEntriesByName('paper-map-drawn')[0];
    return { load: nav.loadEventEnd, drawn: drawn?.startTime ?? NaN };
  });
  await page.waitForTimeout(300);
  const firstLoad = [...responses];
  // Zoom: wheel steps over the canvas while the page records frame intervals and draw times.
  const canvas = page.locator('paper-map canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
  await page.evaluate(() => {
    const el = document.querySelector('paper-map');
    const draw = el.draw.bind(el);
    window.__draws = [];
    window.__frames = [];
    el.draw = () => {
      const t0 = performance.now();
      draw();
      window.__draws.push(performance.now() - t0);
    };
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let i = 0; i < 120; i += 1) {
    await page.mouse.wheel(0, i < 60 ? -120 : 120);
    await page.waitForTimeout(16);
  }
  const zoom = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames.slice(1), draws: window.__draws };
  });
  await page.close();
  return { papers, timing, firstLoad, zoom };
}

const results = [];
for (let r = 0; r < runs; r += 1) results.push(await run());
await browser.close();
server.kill();

const first = results[0];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`paper map of ${site}: ${first.papers} papers drawn; ${runs} runs`);
console.log('first load (first run):');
for (const r of first.firstLoad) console.log(`  ${r.url.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`);
const totals = results.map((r) => r.firstLoad.reduce((s, x) => s + x.gzip, 0));
console.log(`  total gzip: ${kb(median(totals))} (median of runs)`);
console.log(
  `first full draw: ${median(results.map((r) => r.timing.drawn - r.timing.load)).toFixed(0)} ms after the load event, ` +
    `${median(results.map((r) => r.timing.drawn)).toFixed(0)} ms after navigation start (medians)`,
);
const frames = results.flatMap((r) => r.zoom.frames);
const draws = results.flatMap((r) => r.zoom.draws);
console.log(
  `zooming: frame interval median ${median(frames).toFixed(1)} ms (p95 ${quantile(frames, 0.95).toFixed(1)} ms, ${frames.length} frames); ` +
    `draw median ${median(draws).toFixed(1)} ms (p95 ${quantile(draws, 0.95).toFixed(1)} ms, ${draws.length} draws)`,
);
