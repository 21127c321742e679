/** `/data/digests.json`: see the README for its fields. */
import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site';
import { digestsJson, jsonResponse } from '../../lib/export-data';

export const GET: APIRoute = async () => jsonResponse(digestsJson(await getSite()));
