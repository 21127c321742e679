// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { isTopicRedirectPage } from './src/content/topic-state-file.ts';

/** Absolute origin of the deployed site (used by the sitemap, RSS and canonical links). */
const site = process.env.SITE_URL ?? 'https://papers.example.org';

export default defineConfig({
  site,
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
  // Opt-in (`npm run build -- --incremental`, or INCREMENTAL_BUILD=1): a rebuild renders only the paper and term
  // pages whose content changed (their cacheKey, src/lib/page-keys.ts) and copies the others from the previous
  // build kept in cacheDir. Off by default: it writes every rendered page twice (output and cache), which made
  // page rendering of a clean build of 8,520 papers take 43 s instead of 27 s (four pages at a time), and one new
  // digest changes most pages anyway.
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD === '1' },
  // Pagefind runs last, over the finished output (astro:build:done).
  // Old topic URLs answer with redirect pages (src/pages/topics/[...moved].astro); they stay out of the sitemap.
  integrations: [sitemap({ filter: (page) => !isTopicRedirectPage(page) }), pagefind()],
  vite: {
    plugins: [tailwindcss()],
  },
});
