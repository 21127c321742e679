/** `/map/papers/titles/<n>.json`: [URL, title] of the papers of one chunk of the paper map, loaded when needed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPaperMap } from '../../../../lib/paper-map-site';
import { jsonResponse } from '../../../../lib/export-data';

export const getStaticPaths = (async () => (await getPaperMap()).titleChunks.map((titles, i) => ({ params: { chunk: String(i) }, props: { titles } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.titles);
