/** RSS feed of the digests, newest first (see src/views/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../lib/site';
import { siteConfig } from '../site-config';
import { feedView } from '../views/feed';

export const GET: APIRoute = async (context) => {
  const view = feedView(await getSite(), siteConfig);
  return rss({
    title: view.title,
    description: view.description,
    site: context.site ?? siteConfig.url,
    trailingSlash: true,
    items: view.items,
    customData: '<language>en</language>',
  });
};
