/** `/data/trends.json`: the series and trend figure of every topic, every term with a page and every area (see the README). */
import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site';
import { jsonResponse } from '../../lib/export-data';
import { siteConfig } from '../../site-config';
import { siteTrends } from '../../views/trends';
import { trendsJson } from '../../views/trends-data';

export const GET: APIRoute = async () => jsonResponse(trendsJson(siteTrends(await getSite(), siteConfig.trends)));
