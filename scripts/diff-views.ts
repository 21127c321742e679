#!/usr/bin/env -S npx tsx
/**
 * Why an incremental rebuild re-renders the pages it does: analyses a digest folder without its last digest
 * (afresh, as a first build with no state), then with it (with the state that build wrote, as the next build
 * does), makes the view of every page that has an incremental cache key in both, and prints per page kind how
 * many views changed and which fields made them change.
 *
 *   npm run diff:views -- <digest folder> [--json <file>]
 */
import { writeFile } from 'node:fs/promises';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from '../src/content/schemas';
import { storedEntries } from '../src/content/stored-entries';
import { diffViews, formatViewDiff, type ViewsByKind } from '../src/eval/view-diff';
import type { Site } from '../src/lib/site-data';
import { analyze, type AnalyzeOptions, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';
import { siteConfig } from '../src/site-config';
import { areaView } from '../src/views/area';
import { digestView } from '../src/views/digest';
import { paperView } from '../src/views/paper';
import { termView } from '../src/views/term';
import { topicMorePages, topicMoreView, topicView } from '../src/views/topic';
import { trendContext } from '../src/views/trend-views';

/** Runs one analysis with the build's per-paper pass. */
async function run(parsed: readonly ParsedDigest[], options: AnalyzeOptions): Promise<SiteData> {
  const pass = buildPass(parsed.reduce((n, d) => n + d.entries.length, 0));
  try {
    return await analyze(parsed, { ...options, perPaper: pass.run, policy: siteConfig.analysis });
  } finally {
    await pass.close();
  }
}

/** The site as the pages read it (src/lib/site.ts), made from the analysis through the collections' schemas. */
function siteOf(data: SiteData): Site {
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
function views(site: Site): ViewsByKind {
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

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const folder = args.find((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
if (folder === undefined) {
  console.error('usage: npm run diff:views -- <digest folder> [--json <file>]');
  process.exit(2);
}
const files = await readDigestFiles(folder);
if (files.length < 2) throw new Error(`${folder}: needs two digests or more`);
const parsed = files.map((f) => parseDigest(f.name, f.bytes));
const first = await run(parsed.slice(0, -1), { previousTopics: null });
const before = views(siteOf(first));
const second = await run(parsed, { previousTopics: first.topicState, previousLists: first.listState });
const after = views(siteOf(second));
const diffs = diffViews(before, after);
console.log(`${folder}: ${files.length - 1} digests afresh, then + ${files[files.length - 1]?.name} with the state that build wrote\n`);
console.log(formatViewDiff(diffs));
if (jsonFile !== undefined) {
  const plain = diffs.map((d) => ({ ...d, reasons: Object.fromEntries(d.reasons), sole: Object.fromEntries(d.sole) }));
  await writeFile(jsonFile, `${JSON.stringify(plain, null, 2)}\n`);
}
