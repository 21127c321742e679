#!/usr/bin/env -S npx tsx
/**
 * The page-weight budget on a generated large corpus, not only on the seed: makes a corpus of `--papers` papers
 * (default 5,000, the low end of the sizes readers reach) from the committed real fixtures with make-corpus, builds
 * it cleanly in a scratch folder (`npm run build`'s scripts/build.mjs, no topic state), and runs the e2e budget spec
 * (e2e/budget.spec.ts: every topic, numbered topic, area, term and map page within 80 KB; every paper linked from its
 * topic's pages) against that build. Part of `npm test`; needs nothing outside the repository.
 *
 *   npm run test:large [-- --papers 20000] [--from <digest folder>]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from './make-corpus';
import { scratchDir } from './scratch-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const papers = Number(arg('--papers') ?? 5000);
const source = path.resolve(arg('--from') ?? path.join(root, 'tests', 'fixtures', 'bench-sample'));

/** Runs a script with the project's Node in `cwd`, inheriting output; throws when it fails. */
function run(what: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): void {
  const result = spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`test:large: ${what} failed (exit ${result.status ?? result.signal})`);
}

const work = scratchDir('test-large-');
try {
  const corpus = path.join(work, 'digests');
  const summary = await makeCorpus(source, corpus, papers, 'words');
  console.log(`test:large: ${summary.papers} papers in ${summary.files} digests from ${path.relative(root, source) || source}`);
  const out = path.join(work, 'dist');
  const env = { ASTRO_OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache'), DIGESTS_DIR: corpus, TOPICS_STATE: 'off', ASTRO_TELEMETRY_DISABLED: '1' };
  run('the build', [path.join(root, 'scripts', 'build.mjs'), '--root', root], env, work);
  run('the budget spec', [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', 'e2e/budget.spec.ts'], { ASTRO_OUT_DIR: out }, root);
} finally {
  rmSync(work, { recursive: true, force: true });
}
