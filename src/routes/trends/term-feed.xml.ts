/** `/feeds/terms/<slug>.xml`: a term's RSS feed, an item per digest that brought it papers (the latest 20). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../lib/site';
import { feedResponse } from '../../lib/trend-feed-response';

export const getStaticPaths = (async () => (await getSite()).terms.map((term) => ({ params: { slug: term.data.slug }, props: { id: term.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => feedResponse(context, 'term', context.props.id as string);
