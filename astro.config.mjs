// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { incrementalBuildOn, outputConfig } from './src/integrations/output-config.ts';
import { isTopicRedirectPage } from './src/content/topic-state-file.ts';

/** Absolute origin of the deployed site (used by the sitemap, RSS and canonical links). */
const site = process.env.SITE_URL ?? 'https://papers.example.org';

export default defineConfig({
  site,
  ...outputConfig,
  experimental: { incrementalBuild: incrementalBuildOn() },
  // Pagefind runs last, over the finished output (astro:build:done).
  // Old topic URLs answer with redirect pages (src/pages/topics/[...moved].astro); they stay out of the sitemap.
  integrations: [sitemap({ filter: (page) => !isTopicRedirectPage(page) }), pagefind()],
  vite: {
    plugins: [tailwindcss()],
  },
});
