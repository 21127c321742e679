/** `/data/areas.json`: see the README for its fields. */
import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site';
import { areasJson, jsonResponse } from '../../lib/export-data';

export const GET: APIRoute = async () => jsonResponse(areasJson(await getSite()));
