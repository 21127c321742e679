#!/usr/bin/env -S npx tsx
/**
 * Builds the Pagefind index of a built site (default: `$ASTRO_OUT_DIR`, else `dist`), as the Pagefind
 * integration does at the end of `astro build`. `npm run build` runs this after Astro has exited, so the
 * Pagefind binary never runs beside the build's Node heap (peak memory is the larger of the two, not the sum).
 *
 *   tsx scripts/index-search.ts [<site dir>]
 */
import path from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind';

const dir = path.resolve(process.argv[2] ?? process.env.ASTRO_OUT_DIR ?? 'dist');
const say = (level: string) => (message: string) => console.log(`[paper-explorer:pagefind]${level} ${message}`);
const logger = { info: say(''), warn: say(' warning:'), error: say(' error:'), debug: () => {} };
try {
  await buildSearchIndex(dir, logger as unknown as Parameters<typeof buildSearchIndex>[1]);
} catch (error) {
  console.error(`Search index failed for ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
