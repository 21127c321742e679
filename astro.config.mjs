// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import trendRoutes from './src/integrations/trend-routes.ts';
import { outputConfig } from './src/integrations/output-config.ts';
import { withCachedCollatorsOnBuildDone } from './src/integrations/cached-collator.ts';
import { isTopicRedirectPage } from './src/content/topic-state-file.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
  // Absolute origin of the deployed site (SITE_URL; used by the sitemap, RSS and canonical links).
  site: siteConfig.url,
  ...outputConfig,
  // Astro's incremental build, opt-in (`npm run build -- --incremental`, INCREMENTAL_BUILD=1): a rebuild renders only
  // the paper, term, topic and digest pages whose view changed (their cacheKey, src/views/cache-key.ts) and copies the
  // others from the previous build kept in cacheDir. Off by default: it writes every rendered page twice (output and
  // cache), which made page rendering of a clean build of 8,520 papers take 43 s instead of 27 s (four pages at a
  // time), and one new digest changes most pages anyway.
  experimental: { incrementalBuild: siteConfig.build.incremental },
  // The trend routes only when trends are on (src/integrations/trend-routes.ts). Pagefind runs last, over the finished output (astro:build:done).
  // Old topic URLs answer with redirect pages (src/pages/topics/[...moved].astro); they stay out of the sitemap.
  // The sitemap sorts its URLs with localeCompare and options, which V8 makes slow: its hook runs with cached collators.
  integrations: [
    trendRoutes(siteConfig.trends.enabled),
    withCachedCollatorsOnBuildDone(sitemap({ filter: (page) => !isTopicRedirectPage(page) })),
    pagefind(),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
});
