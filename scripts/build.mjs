#!/usr/bin/env node
// Builds the site from the digest folder: `astro build`, which also runs the analysis and the search index.
// `npm run build -- --strict` (or STRICT=1) makes any problem in a digest fail the build.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const env = { ...process.env, ...(strict ? { STRICT: '1' } : {}) };
const result = spawnSync(process.execPath, [astroBin, 'build', ...args.filter((a) => a !== '--strict')], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
