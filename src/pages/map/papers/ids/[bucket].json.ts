/** `/map/papers/ids/<c>.json`: paper id → point index for the ids starting with c (links to a paper's spot, search hits). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPaperMap } from '../../../../lib/paper-map-site';
import { jsonResponse } from '../../../../lib/export-data';

export const getStaticPaths = (async () =>
  Object.entries((await getPaperMap()).idBuckets)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([bucket, ids]) => ({ params: { bucket }, props: { ids } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.ids);
