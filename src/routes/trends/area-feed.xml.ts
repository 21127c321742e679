/** `/feeds/areas/<id>.xml`: an area's RSS feed, an item per digest that brought papers to its topics (the latest 20); by id, which outlives renames. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../lib/site';
import { feedResponse } from '../../lib/trend-feed-response';

export const getStaticPaths = (async () => (await getSite()).areas.map((area) => ({ params: { id: area.id }, props: { id: area.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => feedResponse(context, 'area', context.props.id as string);
