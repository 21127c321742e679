/**
 * Astro integration: the trend routes (`/trends/`, `/data/trends.json` and the per-term, per-topic and per-area
 * feeds, src/routes/trends/), injected only when the configuration's `trends.enabled` is on, so that a build with
 * TRENDS=off has none of them and the two can be compared (what trends cost at scale, README "Benchmarks").
 */
import type { AstroIntegration } from 'astro';

/** The trend routes: URL pattern and entry point (relative to the project root). */
export const TREND_ROUTES = [
  { pattern: '/trends', entrypoint: './src/routes/trends/page.astro' },
  { pattern: '/data/trends.json', entrypoint: './src/routes/trends/data.json.ts' },
  { pattern: '/feeds/terms/[slug].xml', entrypoint: './src/routes/trends/term-feed.xml.ts' },
  { pattern: '/feeds/topics/[id].xml', entrypoint: './src/routes/trends/topic-feed.xml.ts' },
  { pattern: '/feeds/areas/[id].xml', entrypoint: './src/routes/trends/area-feed.xml.ts' },
] as const;

/** Injects the trend routes when `enabled`. */
export default function trendRoutes(enabled: boolean): AstroIntegration {
  return {
    name: 'trend-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (enabled) for (const route of TREND_ROUTES) injectRoute({ ...route });
      },
    },
  };
}
