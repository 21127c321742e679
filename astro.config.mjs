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
  build: { format: 'directory' },
  // Prefetch is off: pages are tiny and static, and prefetch would add client JS to every page.
  prefetch: false,
  devToolbar: { enabled: false },
  // A rebuild renders only the paper and term pages whose content changed (their cacheKey, src/lib/page-keys.ts)
  // and copies the others from the previous build kept in cacheDir. `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
  // Pagefind runs last, over the finished output (astro:build:done).
  // Old topic URLs answer with redirect pages (src/pages/topics/[...moved].astro); they stay out of the sitemap.
  integrations: [sitemap({ filter: (page) => !isTopicRedirectPage(page) }), pagefind()],
  vite: {
    plugins: [tailwindcss()],
  },
});
