// @ts-check
// The benchmark's baseline (issue 7): the same number of plain pages as the real site, built by the same Astro
// and indexed by the same Pagefind integration, with no analysis. `npm run bench` builds it next to the real site
// so that the analysis's cost can be stated against what Astro and Pagefind need anyway.
import { defineConfig } from 'astro/config';
import pagefind from '../../src/integrations/pagefind.ts';
import { outputConfig } from '../../src/integrations/output-config.ts';
import { siteConfig } from '../../src/site-config.ts';

export default defineConfig({
  site: siteConfig.url,
  ...outputConfig,
  integrations: [pagefind()],
});
