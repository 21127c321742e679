/**
 * The last-digest-added experiment of `npm run bench:quality -- <folder> --stability [--from k]`: analyses all digests
 * but the last (or the first k) afresh (the state a build writes), then all of them with that state: updating the
 * topics one digest at a time (what a site's builds do) and re-clustering the corpus (a clean analysis; its ids
 * carried across as before topic updates existed).
 * The updated analyses also carry each paper's related papers and key terms from the build before (as incremental
 * builds do, src/pipeline/carried-lists.ts); the re-clustered one shows fresh lists.
 * Reports how many existing papers moved, how many topics kept id, label and URL, topic counts and, with reference
 * categories, the homogeneity of both against them and the related papers' P@5 and Jaccard@5.
 */
import { readFile } from 'node:fs/promises';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { analyze, type AnalyzeOptions, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';
import { largestShare, partitionScore, relatedScore } from '../src/eval/metrics';
import { topicStability, type TopicStability } from '../src/eval/stability';
import { matchTruth, parseTruth } from '../src/eval/truth';

/** One analysis of the experiment. */
export interface StabilityRun {
  papers: number;
  topics: number;
  /** Against the previous state (absent for the first analysis). */
  stability?: TopicStability;
  /** Against the reference categories' primary category (when a truth file is given). */
  homogeneity?: number;
  nmi?: number;
  /** Related papers against the reference categories: P@5 and Jaccard@5 (when a truth file is given). */
  precision?: number;
  jaccard?: number;
  largestShare: number;
  seconds: number;
}

/** The experiment's figures. */
export interface StabilityBench {
  folder: string;
  digests: number;
  /** Digests analysed afresh first. */
  start: number;
  /** The first `start` digests, afresh. */
  before: StabilityRun;
  /** All digests, topics updated one digest at a time from the state of `before`. */
  updated: StabilityRun;
  /** All digests, re-clustered (the clean analysis). */
  reclustered: StabilityRun;
}

/** Runs one analysis with the build's per-paper pass. */
async function run(parsed: readonly ParsedDigest[], options: AnalyzeOptions): Promise<{ data: SiteData; seconds: number }> {
  const started = performance.now();
  const pass = buildPass(parsed.reduce((n, d) => n + d.entries.length, 0));
  try {
    const data = await analyze(parsed, { ...options, perPaper: pass.run });
    return { data, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pass.close();
  }
}

/**
 * Runs the experiment on a digest folder (at least two digests), with an optional truth file (see bench-quality.ts):
 * the first `from` digests afresh (default: all but the last), then the others added one at a time.
 */
export async function benchStability(folder: string, truthFile?: string, from?: number): Promise<StabilityBench> {
  const files = await readDigestFiles(folder);
  if (files.length < 2) throw new Error(`${folder}: the stability experiment needs two digests or more`);
  const parsed = files.map((f) => parseDigest(f.name, f.bytes));
  const truth = truthFile === undefined ? null : parseTruth(await readFile(truthFile, 'utf8'));
  const describe = (data: SiteData, seconds: number, stability?: TopicStability): StabilityRun => {
    const topicOf = data.papers.map((p) => (p.topic === '' ? null : p.topic));
    const result: StabilityRun = { papers: data.papers.length, topics: data.topics.length, largestShare: largestShare(topicOf), seconds };
    if (stability) result.stability = stability;
    if (truth) {
      const primary = matchTruth(data.papers.map((p) => p.title), truth).map((c) => c?.[0] ?? null);
      const score = partitionScore(topicOf, primary);
      result.homogeneity = score.homogeneity;
      result.nmi = score.nmi;
      const categories = matchTruth(data.papers.map((p) => p.title), truth);
      const index = new Map(data.papers.map((p, i) => [p.id, i]));
      const related = relatedScore(data.papers.map((p) => p.related.map((r) => index.get(r.id) ?? -1)), categories, 5);
      result.precision = related.precision;
      result.jaccard = related.jaccard;
    }
    return result;
  };
  const start = Math.min(Math.max(1, from ?? files.length - 1), files.length - 1);
  const first = await run(parsed.slice(0, start), { previousTopics: null });
  const state = first.data.topicState;
  let lists = first.data.listState;
  const before = describe(first.data, first.seconds);
  first.data = undefined as unknown as SiteData; // let the collector have it before the next analysis
  // One digest at a time, each build with the state the one before wrote, as a site's builds run.
  let latest = state;
  let updated: StabilityRun | undefined;
  for (let end = start + 1; end <= files.length; end += 1) {
    const update = await run(parsed.slice(0, end), { previousTopics: latest, previousLists: lists, topics: 'update' });
    latest = update.data.topicState;
    lists = update.data.listState;
    if (end === files.length) updated = describe(update.data, update.seconds, topicStability(state, update.data));
  }
  const clean = await run(parsed, { previousTopics: state, topics: 'recluster' });
  const reclustered = describe(clean.data, clean.seconds, topicStability(state, clean.data));
  return { folder, digests: files.length, start, before, updated: updated as StabilityRun, reclustered };
}

/** The figures as a printable table. */
export function formatStability(b: StabilityBench): string {
  const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(100 * x).toFixed(1)} %`);
  const f = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(3));
  const row = (name: string, cells: string[]): string => `| ${name} | ${cells.join(' | ')} |`;
  const { before, updated, reclustered } = b;
  const cells = (r: StabilityRun): string[] => [
    String(r.papers),
    String(r.topics),
    pct(r.stability?.movedShare),
    pct(r.stability?.keptShare),
    f(r.homogeneity),
    f(r.nmi),
    f(r.precision),
    f(r.jaccard),
    pct(r.largestShare),
    `${r.seconds.toFixed(1)} s`,
  ];
  return [
    `${b.folder}: ${b.digests} digests; the first ${b.start} afresh, then ${b.digests - b.start === 1 ? 'the last one' : `the other ${b.digests - b.start} one at a time`} with the state (moved and kept: against the first state)`,
    '',
    row('', ['papers', 'topics', 'existing papers moved', 'topics keeping id, label, URL', 'homogeneity', 'NMI', 'related P@5', 'related J@5', 'largest topic', 'analysis']),
    row('---', ['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    row(`the first ${b.start} digests, afresh`, cells(before)),
    row('all, topics updated, lists carried (the build)', cells(updated)),
    row('all, re-clustered (clean)', cells(reclustered)),
  ].join('\n');
}
