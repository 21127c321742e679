/** `/data/vosviewer/topics/<id>.json`: one topic's term map in VOSviewer's JSON format (see `src/views/vosviewer.ts`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../lib/site';
import { termUrl } from '../../../../lib/links';
import { jsonResponse } from '../../../../lib/export-data';
import { vosviewerJson } from '../../../../views/vosviewer';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const slugs = new Map(site.terms.map((t) => [t.id, t.data.slug]));
  return site.topics.map((topic) => ({ params: { id: topic.id }, props: { map: topic.data.map, slugs } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  jsonResponse(
    vosviewerJson(props.map, (term) => {
      const slug = props.slugs.get(term);
      return slug === undefined ? undefined : new URL(termUrl(slug), site).href;
    }),
  );
