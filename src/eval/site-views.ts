/**
 * Every page's view (what it renders, so its incremental cache key) made outside Astro: the analysed site through
 * the collections' schemas (as src/lib/site.ts reads them), then each page kind's view as src/pages/ makes it. For
 * comparing two builds' pages (npm run diff:views, view-diff.ts) without building them.
 */
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from '../content/schemas';
import { storedEntries } from '../content/stored-entries';
import type { Site } from '../lib/site-data';
import type { SiteData } from '../pipeline/analyze';
import { siteConfig } from '../site-config';
import { areaView } from '../views/area';
import { digestView } from '../views/digest';
import { paperView } from '../views/paper';
import { termView } from '../views/term';
import { topicMorePages, topicMoreView, topicView } from '../views/topic';
import { trendContext } from '../views/trend-views';
import type { ViewsByKind } from './view-diff';

/** The site as the pages read it (src/lib/site.ts), made from the analysis through the collections' schemas. */
export function siteOf(data: SiteData): Site {
  const entries = <T>(kind: Parameters<typeof storedEntries>[0], parse: (x: unknown) => T) =>
    storedEntries(kind, data).map(([id, raw]) => ({ id, data: parse(raw) }));
  const papers = entries('papers', (x) => paperSchema.parse(x)).sort((a, b) => a.id.localeCompare(b.id));
  const digests = entries('digests', (x) => digestSchema.parse(x)).sort((a, b) => a.data.order - b.data.order);
  const topics = entries('topics', (x) => topicSchema.parse(x));
  const terms = entries('terms', (x) => termSchema.parse(x));
  const corpus = corpusSchema.parse(storedEntries('corpus', data)[0]?.[1]);
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  return {
    papers,
    paperById: byId(papers),
    digests: digests as unknown as Site['digests'],
    digestById: byId(digests) as unknown as Site['digestById'],
    topics: topics as unknown as Site['topics'],
    topicById: byId(topics) as unknown as Site['topicById'],
    terms,
    termById: byId(terms),
    corpus,
    areas: corpus.areas,
    areaById: new Map(corpus.areas.map((a) => [a.id, a])),
    areaOfTopic: new Map(corpus.areas.flatMap((a) => a.topics.map((t) => [t, a] as const))),
  };
}

/** The view of every page with an incremental cache key, by kind and route (as src/pages/ makes them). */
export function pageViews(site: Site): ViewsByKind {
  const pages = siteConfig.pages;
  const trends = trendContext(siteConfig);
  const out: ViewsByKind = new Map();
  const add = (kind: string, route: string, view: unknown) => {
    if (!out.has(kind)) out.set(kind, new Map());
    out.get(kind)?.set(route, JSON.parse(JSON.stringify(view)));
  };
  for (const p of site.papers) add('papers', p.data.slug, paperView(site, p, pages));
  for (const t of site.terms) add('terms', t.data.slug, termView(site, t, pages, siteConfig.search, trends));
  for (const t of site.topics) {
    add('topics', t.data.slug, topicView(site, t, pages, trends));
    for (const n of topicMorePages(t, pages)) add('topic pages 2+', `${t.data.slug}/${n}`, topicMoreView(site, t, pages, n));
  }
  for (const a of site.areas) add('areas', a.slug, areaView(site, a, pages, trends));
  for (const d of site.digests) add('digests', d.id, digestView(site, d, pages, trends));
  return out;
}

