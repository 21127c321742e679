/**
 * How the site is written out: settings shared by `astro.config.mjs` and the benchmark's baseline site
 * (`scripts/baseline-site/astro.config.mjs`), so that the baseline is always built the way the site is.
 */
import type { AstroUserConfig } from 'astro';
// Imports name their .ts files so astro.config.mjs can load this module with Node's own type stripping.
import { siteConfig } from '../site-config.ts';

/** Output settings of both sites. */
export const outputConfig = {
  // Separate output and cache folders let benchmarks and parallel test runs build side by side.
  outDir: siteConfig.build.outDir,
  cacheDir: siteConfig.build.cacheDir,
  trailingSlash: 'always',
  // Eight pages render at a time, so that writing one page's file overlaps rendering the next: at 8,520 papers
  // this took page rendering from 45 s to 22 s on the benchmark machine (npm run bench).
  build: { format: 'directory', concurrency: 8 },
  // Prefetch is off: pages are tiny and static, and prefetch would add client JS to every page.
  prefetch: false,
  devToolbar: { enabled: false },
} satisfies AstroUserConfig;
