/** `/map/papers/points.bin`: every paper's quantized place and arrival, for the paper map (see `src/views/paper-map.ts`). */
import type { APIRoute } from 'astro';
import { getPaperMap } from '../../../lib/paper-map-site';

export const GET: APIRoute = async () => new Response((await getPaperMap()).points, { headers: { 'Content-Type': 'application/octet-stream' } });
