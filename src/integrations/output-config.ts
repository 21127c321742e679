/**
 * How the site is written out: settings shared by `astro.config.mjs` and the benchmark's baseline site
 * (`scripts/baseline-site/astro.config.mjs`), so that the baseline is always built the way the site is.
 */
import type { AstroUserConfig } from 'astro';

/** Output settings of both sites. */
export const outputConfig = {
  // Separate output and cache folders let benchmarks and parallel test runs build side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Eight pages render at a time, so that writing one page's file overlaps rendering the next: at 8,520 papers
  // this took page rendering from 45 s to 22 s on the benchmark machine (npm run bench).
  build: { format: 'directory', concurrency: 8 },
  // Prefetch is off: pages are tiny and static, and prefetch would add client JS to every page.
  prefetch: false,
  devToolbar: { enabled: false },
} satisfies AstroUserConfig;

/**
 * Whether Astro's incremental build is on: opt-in, with `npm run build -- --incremental` (INCREMENTAL_BUILD=1).
 * A rebuild then renders only the paper and term pages whose content changed (their cacheKey,
 * `src/lib/page-keys.ts`) and copies the others from the previous build kept in cacheDir. Off by default: it
 * writes every rendered page twice (output and cache), which made page rendering of a clean build of 8,520
 * papers take 43 s instead of 27 s (four pages at a time), and one new digest changes most pages anyway.
 */
export function incrementalBuildOn(): boolean {
  return process.env.INCREMENTAL_BUILD === '1';
}
