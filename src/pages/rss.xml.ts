/**
 * RSS feed of the digests, newest first: one item per digest file. Digests carry a month and day
 * but no year, so items have no pubDate (optional in RSS 2.0) rather than an invented one; the guid
 * is the digest page URL, which is stable because it is built from the digest file name.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { plainText } from '../typography';
import { digestHeading, digestUrl, getSite, must, type DigestEntry, type Site } from '../lib/site';

/** How many new titles an item's description lists. */
const TITLES_SHOWN = 5;

/** The plain-text description of a digest: counts, then the first few new titles. */
function describe(digest: DigestEntry, site: Site): string {
  const { papers, newPapers } = digest.data;
  const counts = `${papers.length} paper${papers.length === 1 ? '' : 's'}, ${newPapers.length} new.`;
  if (newPapers.length === 0) return counts;
  const titles = newPapers.slice(0, TITLES_SHOWN).map((id) => plainText(must(site.paperById, id, 'paper').data.title));
  const more = newPapers.length > TITLES_SHOWN ? ` (and ${newPapers.length - TITLES_SHOWN} more)` : '';
  return `${counts} New: ${titles.join('; ')}${more}.`;
}

export const GET: APIRoute = async (context) => {
  const site = await getSite();
  const newestFirst = [...site.digests].reverse();
  return rss({
    title: 'Paper Explorer: new digests',
    description: 'Each new listing of trending machine-learning papers, with how many of its papers are new.',
    site: context.site ?? 'https://papers.example.org',
    trailingSlash: true,
    items: newestFirst.map((digest) => ({
      title: digestHeading(digest),
      link: digestUrl(digest.id),
      description: describe(digest, site),
    })),
    customData: '<language>en</language>',
  });
};
