/** `/data/topics/<id>.json`: one topic's term map, for the download link under each map. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site';
import { jsonResponse, topicsJson } from '../../../lib/export-data';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return topicsJson(site).map((topic) => ({ params: { id: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.topic);
