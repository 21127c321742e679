/** `/data/vosviewer/corpus.json`: the corpus term map (clusters are topics) in VOSviewer's JSON format. */
import type { APIRoute } from 'astro';
import { termUrl } from '../../../lib/links';
import { getSite } from '../../../lib/site';
import { jsonResponse } from '../../../lib/export-data';
import { vosviewerJson } from '../../../views/vosviewer';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await getSite();
  const slugs = new Map(site.terms.map((t) => [t.id, t.data.slug]));
  return jsonResponse(
    vosviewerJson(site.corpus.map, (term) => {
      const slug = slugs.get(term);
      return slug === undefined ? undefined : new URL(termUrl(slug), origin).href;
    }),
  );
};
