/** `/feeds/topics/<id>.xml`: a topic's RSS feed, an item per digest that brought it papers (the latest 20); by id, which outlives renames. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../lib/site';
import { feedResponse } from '../../lib/trend-feed-response';

export const getStaticPaths = (async () => (await getSite()).topics.map((topic) => ({ params: { id: topic.id }, props: { id: topic.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => feedResponse(context, 'topic', context.props.id as string);
