#!/usr/bin/env -S npx tsx
/**
 * Quality benchmark: runs the site's analysis on a digest folder (as the build does) and, on the same papers in
 * the same run, two anchors, and scores all three against reference arXiv categories:
 *
 *   npm run bench:quality -- <digest folder> --truth <categories.tsv> [--json <file>]
 *   npm run bench:quality -- <digest folder> --stability [--from <k>] [--truth <categories.tsv>]
 *   npm run bench:quality -- <digest folder> --stability --long --from <k> [--clean-every <n>] [--truth <categories.tsv>]
 *   npm run bench:quality -- --site <built folder>
 *
 * Anchor 1, tf-idf: word unigrams + bigrams, sublinear tf, smoothed idf, English stop words, min df 2, cosine
 * top 5. Anchor 2, LSA: that matrix reduced to 256 dimensions by a randomized truncated SVD, cosine top 5, and
 * seeded k-means with k = the site's topic count. The truth file (columns file, arxiv_id, categories, title) is
 * matched to papers by title; it is read here only, never by the analysis.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { analyze, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import { normalizeRows, truncatedSvd } from '../src/pipeline/lsa';
import { denseNeighbors, sparseNeighbors } from '../src/eval/exact-knn';
import { kmeans } from '../src/eval/kmeans';
import { labelFocus, largestShare, partitionScore, relatedScore, worstLabels, type LabelFocus } from '../src/eval/metrics';
import { tfidfMatrix } from '../src/eval/tfidf';
import { matchTruth, parseTruth } from '../src/eval/truth';
import { kb } from '../e2e/dist-helpers';
import { budgetedPages } from '../e2e/page-weight';
import { benchStability, formatStability } from './bench-stability';
import { benchLongRun, formatLongRun, LEAF_RANGE, longRunHeader, longRunRow } from './bench-long-run';
import { sizeSummary, type SizeSummary } from '../src/eval/stability';

const K = 5;
const LSA_RANK = 256;
const MB = 1024 * 1024;

/** One column of the result table. */
interface Column {
  precision: number;
  jaccard: number;
  topics?: number;
  homogeneity?: number;
  nmi?: number;
  largestShare?: number;
}

/** Everything the benchmark measures. */
export interface QualityBench {
  folder: string;
  papers: number;
  withCategories: number;
  site: Column & { unplaced: number; badLabels: number; analysisMs: number; peakRss: number; labels: Omit<LabelFocus, 'topics'>; sizes: SizeSummary };
  tfidf: Column;
  lsa: Column;
  worstLabels: LabelFocus['topics'];
  /** The upper level: areas (groups of topics), their sizes and how well they agree with the primary category. */
  areas: { count: number; sizes: number[]; homogeneity: number; nmi: number; largestShare: number; labels: LabelFocus };
}

const USAGE = `Usage: npm run bench:quality -- <digest folder> --truth <categories.tsv> [--json <file>]
       npm run bench:quality -- <digest folder> --stability [--from <k>] [--truth <categories.tsv>] [--json <file>]
       npm run bench:quality -- <digest folder> --stability --long --from <k> [--clean-every <n>] [--truth <categories.tsv>] [--json <file>]
       npm run bench:quality -- --site <built folder>

  <digest folder>     a folder of digest files (.txt), e.g. content/digests or a bench corpus
  --truth <file>      tab-separated reference categories: columns file, arxiv_id, categories (primary first), title
                      (title as the digest writes it). The bench corpus comes with one (bench-corpus-categories.tsv,
                      next to the corpus folder); for other digests, look the titles up on arXiv (export.arxiv.org/api)
                      and write one row per paper.
  --json <file>       also write the figures as JSON
  --stability         the last-digest-added experiment (scripts/bench-stability.ts): all digests but the last afresh,
                      then all with that topic state, updated and re-clustered: existing papers moved, topics keeping
                      id, label and URL, topic counts, homogeneity (with --truth); --from <k>: the first k digests
                      afresh, then the others one at a time
  --long              with --stability: the long run (scripts/bench-long-run.ts): a row per added digest (moved, kept,
                      split / merged / created, topic count and sizes, areas, homogeneity and NMI) beside a clean
                      analysis of the same papers; --clean-every <n>: the clean analysis only every n-th step (and the last)
  --site <folder>     the largest budgeted page of a built site, gzipped with its CSS and scripts (as check:budget)`;

/** Peak RSS of this process so far, bytes. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs the benchmark on one folder with its truth file. */
export async function benchQuality(folder: string, truthFile: string): Promise<QualityBench> {
  const files = await readDigestFiles(folder);
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const parsed = files.map((f) => parseDigest(f.name, f.bytes));
  // The build's per-paper pass: worker processes from 1,000 papers up, as `npm run build` runs it.
  const pass = buildPass(parsed.reduce((n, d) => n + d.entries.length, 0));
  let data: SiteData;
  try {
    data = await analyze(parsed, { previousTopics: null, perPaper: pass.run });
  } finally {
    await pass.close();
  }
  const analysisMs = performance.now() - started;
  const analysisRss = peakRss();

  const papers = data.papers;
  const index = new Map(papers.map((p, i) => [p.id, i]));
  const categories = matchTruth(
    papers.map((p) => p.title),
    parseTruth(await readFile(truthFile, 'utf8')),
  );
  const primary = categories.map((c) => c?.[0] ?? null);

  // The site.
  const siteRelated = papers.map((p) => p.related.map((r) => index.get(r.id) ?? -1));
  const siteTopics = papers.map((p) => (p.topic === '' ? null : p.topic));
  const termByLabel = new Map<string, string>();
  for (const t of data.terms) termByLabel.set(t.label, t.id);
  for (const p of papers) for (const t of p.terms) if (!termByLabel.has(t.label)) termByLabel.set(t.label, t.term);
  const labelled = data.topics.map((t) => {
    const parts = t.label.replace(/ \(\d+\)$/u, '').split(' · ');
    return { label: t.label, terms: parts.map((part) => termByLabel.get(part) ?? part), papers: t.papers.map((id) => index.get(id) ?? -1) };
  });
  const focus = labelFocus(
    labelled,
    papers.map((p) => p.terms.map((t) => t.term)),
  );
  const { topics: _topics, ...labelSummary } = focus;
  const sitePartition = partitionScore(siteTopics, primary);
  const areaOfTopic = new Map(data.corpus.areas.flatMap((a) => a.topics.map((t) => [t, a.id] as const)));
  const siteAreas = siteTopics.map((t) => (t === null ? null : (areaOfTopic.get(t) ?? null)));
  const areaPartition = partitionScore(siteAreas, primary);
  const topicPapers = new Map(labelled.map((t, i) => [data.topics[i]?.id ?? '', t.papers]));
  const areaFocus = labelFocus(
    data.corpus.areas.map((a) => ({
      label: a.label,
      terms: a.label.replace(/ \(\d+\)$/u, '').split(' · ').map((part) => termByLabel.get(part) ?? part),
      papers: a.topics.flatMap((t) => topicPapers.get(t) ?? []),
    })),
    papers.map((p) => p.terms.map((t) => t.term)),
  );
  const site = {
    ...relatedScore(siteRelated, categories, K),
    topics: data.topics.length,
    homogeneity: sitePartition.homogeneity,
    nmi: sitePartition.nmi,
    largestShare: largestShare(siteTopics),
    sizes: sizeSummary(data.topics.map((t) => t.papers.length), LEAF_RANGE),
    unplaced: siteTopics.filter((t) => t === null).length,
    badLabels: labelled.filter((t) => t.terms.length < 2 || t.terms.length > 3).length,
    analysisMs,
    peakRss: analysisRss,
    labels: labelSummary,
  };

  // The anchors, on the same papers.
  const { matrix } = tfidfMatrix(papers.map((p) => `${p.title}\n${p.abstract}`));
  const tfidf = relatedScore(sparseNeighbors(matrix, K), categories, K);
  const svd = truncatedSvd(matrix, LSA_RANK);
  const lsaVectors = normalizeRows(svd.embedding, matrix.rows, svd.rank);
  const lsaRelated = relatedScore(denseNeighbors(lsaVectors, matrix.rows, svd.rank, K), categories, K);
  const clusters = kmeans(lsaVectors, matrix.rows, svd.rank, data.topics.length, { seed: 1 });
  const lsaTopics = Array.from(clusters, (c) => `k${c}`);
  const lsaPartition = partitionScore(lsaTopics, primary);
  return {
    folder,
    papers: papers.length,
    withCategories: categories.filter((c) => c !== null).length,
    site,
    tfidf,
    lsa: { ...lsaRelated, topics: data.topics.length, homogeneity: lsaPartition.homogeneity, nmi: lsaPartition.nmi, largestShare: largestShare(lsaTopics) },
    worstLabels: worstLabels(focus, 10),
    areas: {
      count: data.corpus.areas.length,
      sizes: data.corpus.areas.map((a) => a.size),
      homogeneity: areaPartition.homogeneity,
      nmi: areaPartition.nmi,
      largestShare: largestShare(siteAreas),
      labels: areaFocus,
    },
  };
}

/** The figures as one printable table. */
export function formatQuality(b: QualityBench): string {
  const f = (x: number | undefined, digits = 3): string => (x === undefined ? '–' : x.toFixed(digits));
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const row = (name: string, cells: string[]): string => `| ${name} | ${cells.join(' | ')} |`;
  const { site, tfidf, lsa } = b;
  return [
    `${b.folder}: ${b.papers} papers, ${b.withCategories} with categories`,
    '',
    row('', ['this site', 'tf-idf cosine', 'LSA (tf-idf → 256-d SVD)']),
    row('---', ['---:', '---:', '---:']),
    row(`related P@${K} (same primary category)`, [f(site.precision), f(tfidf.precision), f(lsa.precision)]),
    row(`related Jaccard@${K} of category sets`, [f(site.jaccard), f(tfidf.jaccard), f(lsa.jaccard)]),
    row(`topics (${site.topics}): homogeneity`, [f(site.homogeneity), '–', `${f(lsa.homogeneity)} (k-means, k = ${lsa.topics})`]),
    row('topics: NMI', [f(site.nmi), '–', f(lsa.nmi)]),
    row('largest topic share', [pct(site.largestShare ?? 0), '–', pct(lsa.largestShare ?? 0)]),
    row('topic sizes: smallest, median, largest', [`${site.sizes.smallest}, ${site.sizes.median}, ${site.sizes.largest}`, '–', '–']),
    row(`papers in topics over ${LEAF_RANGE[1]} / under ${LEAF_RANGE[0]}`, [`${pct(site.sizes.overShare)} / ${pct(site.sizes.underShare)}`, '–', '–']),
    row('papers without a topic', [String(site.unplaced), '–', '0']),
    row('topics without a label term of focus ≥ 0.5', [pct(site.labels.unfocusedTopics), '–', '–']),
    row('label terms of focus < 0.05', [pct(site.labels.diffuseTerms), '–', '–']),
    row('labels not of 2–3 terms', [String(site.badLabels), '–', '–']),
    row(`areas (${b.areas.count}): homogeneity, NMI`, [`${f(b.areas.homogeneity)}, ${f(b.areas.nmi)}`, '–', '–']),
    row('areas: largest share; papers per area', [`${pct(b.areas.largestShare)}; ${b.areas.sizes.join(', ')}`, '–', '–']),
    row('areas without a label term of focus ≥ 0.5; label terms of focus < 0.05', [`${pct(b.areas.labels.unfocusedTopics)}; ${pct(b.areas.labels.diffuseTerms)}`, '–', '–']),
    row('analysis wall time, peak RSS (main process)', [`${(site.analysisMs / 1000).toFixed(1)} s, ${(site.peakRss / MB).toFixed(0)} MB`, '–', '–']),
    '',
    'Least focused labels (focus of each label term):',
    ...b.worstLabels.map((t) => `  ${t.label}: ${t.focus.map((x) => `${x.term} ${x.focus.toFixed(2)}`).join(', ')}`),
    '',
    'Area labels (focus of each label term):',
    ...b.areas.labels.topics.map((t) => `  ${t.label}: ${t.focus.map((x) => `${x.term} ${x.focus.toFixed(2)}`).join(', ')}`),
  ].join('\n');
}

/** The heaviest budgeted page of a built site (topic, area, term or map page), as `npm run check:budget` weighs it. */
function largestPage(dir: string): string {
  const [heaviest] = budgetedPages(dir);
  if (!heaviest) return `${dir}: no budgeted pages`;
  return `${dir}: largest page ${kb(heaviest.total)} gzipped (${heaviest.url}; HTML ${kb(heaviest.html)}, CSS ${kb(heaviest.css)}, JS ${kb(heaviest.js)})`;
}

async function main(argv: string[]): Promise<void> {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const truth = option('--truth');
  const json = option('--json');
  const site = option('--site');
  const from = option('--from');
  const cleanEvery = option('--clean-every');
  const flag = (name: string): boolean => {
    const at = args.indexOf(name);
    if (at >= 0) args.splice(at, 1);
    return at >= 0;
  };
  const stability = flag('--stability');
  const long = flag('--long');
  const folder = args[0];
  if (site !== undefined) console.log(largestPage(path.resolve(site)));
  if (stability && long && folder !== undefined) {
    console.log(longRunHeader());
    const result = await benchLongRun(path.resolve(folder), {
      ...(truth === undefined ? {} : { truthFile: path.resolve(truth) }),
      ...(from === undefined ? {} : { from: Number(from) }),
      ...(cleanEvery === undefined ? {} : { cleanEvery: Number(cleanEvery) }),
      onStep: (step) => console.log(longRunRow(step)),
    });
    console.log(`\n${formatLongRun({ ...result, folder })}`);
    if (json) await writeFile(json, JSON.stringify({ ...result, folder }, null, 2));
    return;
  }
  if (stability && folder !== undefined) {
    const result = await benchStability(path.resolve(folder), truth === undefined ? undefined : path.resolve(truth), from === undefined ? undefined : Number(from));
    console.log(formatStability({ ...result, folder }));
    if (json) await writeFile(json, JSON.stringify({ ...result, folder }, null, 2));
    return;
  }
  if (site !== undefined && folder === undefined) return;
  if (folder === undefined || truth === undefined) {
    console.log(USAGE);
    return;
  }
  const result = await benchQuality(path.resolve(folder), path.resolve(truth));
  console.log(formatQuality({ ...result, folder }));
  if (json) await writeFile(json, JSON.stringify({ ...result, folder }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
