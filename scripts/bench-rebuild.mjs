#!/usr/bin/env node
// Rebuild benchmark (issue 6): for a digest folder, a clean build of all digests but the last, then the rebuild
// after the last digest arrives (same cache folder, as on a content repo's CI with a kept cache), then a rebuild
// with nothing changed, each timed against a clean build of the whole folder. `--incremental` times the rebuilds
// with Astro's incremental build on (`npm run build -- --incremental`); the clean build is always a plain one.
//
//   npm run bench:rebuild -- [--incremental] [<folder>...]        (default: content/digests)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one `npm run build` (scripts/build.mjs) of a digest folder (from a scratch working directory) and returns its wall time in seconds. */
function build(work, digests, cache, label, incremental = false) {
  const started = process.hrtime.bigint();
  const args = [path.join(root, 'scripts', 'build.mjs'), '--root', root, ...(incremental ? ['--incremental'] : [])];
  const result = spawnSync(process.execPath, args, {
    cwd: work,
    env: { ...process.env, DIGESTS_DIR: digests, ASTRO_OUT_DIR: path.join(work, 'dist'), ASTRO_CACHE_DIR: cache, TOPICS_STATE: path.join(work, 'topics.json') },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stderr.slice(-3000)}`);
  const reused = /reusing the stored analysis/.test(result.stdout);
  // Astro's incremental build marks each page it copied from the previous build instead of rendering it.
  const copied = (result.stdout.match(/\((?:restored|cached)\)/g) ?? []).length;
  const pages = Number(/(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? 0);
  const note = [reused ? 'analysis reused' : '', pages ? `${pages - copied} of ${pages} pages rendered` : ''].filter(Boolean).join(', ');
  console.log(`  ${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s${note ? `  (${note})` : ''}`);
  return seconds;
}

const incremental = process.argv.includes('--incremental');
const given = process.argv.slice(2).filter((a) => a !== '--incremental');
const folders = given.length ? given : ['content/digests'];
for (const folder of folders) {
  const source = path.resolve(root, folder);
  const names = readdirSync(source).filter((n) => n.endsWith('.txt')).sort();
  const work = scratchDir('paper-explorer-rebuild-');
  try {
    console.log(`${folder}: ${names.length} digests${incremental ? ' (rebuilds with --incremental)' : ''}`);
    const digests = path.join(work, 'digests');
    mkdirSync(digests);
    for (const n of names) copyFileSync(path.join(source, n), path.join(digests, n));
    const clean = build(work, digests, path.join(work, 'cache-clean'), 'clean build, all digests');
    rmSync(path.join(work, 'topics.json'), { force: true });
    rmSync(path.join(digests, names[names.length - 1]));
    build(work, digests, path.join(work, 'cache'), 'clean build, last digest held back', incremental);
    copyFileSync(path.join(source, names[names.length - 1]), path.join(digests, names[names.length - 1]));
    const added = build(work, digests, path.join(work, 'cache'), 'rebuild after adding it', incremental);
    const same = build(work, digests, path.join(work, 'cache'), 'rebuild, nothing changed', incremental);
    console.log(`  rebuild after one digest / clean build: ${(added / clean).toFixed(2)}; unchanged rebuild / clean: ${(same / clean).toFixed(2)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
