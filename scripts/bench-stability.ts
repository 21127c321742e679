/**
 * The last-digest-added experiment of `npm run bench:quality -- <folder> --stability`: analyses all digests but the
 * last afresh (the state a build writes), then all of them twice with that state: updating the topics (what a build
 * does) and re-clustering the corpus (a clean analysis; its ids carried across as before topic updates existed).
 * Reports how many existing papers moved, how many topics kept id, label and URL, topic counts and, with reference
 * categories, the homogeneity of both against them.
 */
import { readFile } from 'node:fs/promises';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { analyze, type AnalyzeOptions, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';
import { largestShare, partitionScore } from '../src/eval/metrics';
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
  largestShare: number;
  seconds: number;
}

/** The experiment's figures. */
export interface StabilityBench {
  folder: string;
  digests: number;
  /** All digests but the last, afresh. */
  before: StabilityRun;
  /** All digests, topics updated from the state of `before`. */
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

/** Runs the experiment on a digest folder (at least two digests), with an optional truth file (see bench-quality.ts). */
export async function benchStability(folder: string, truthFile?: string): Promise<StabilityBench> {
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
    }
    return result;
  };
  const first = await run(parsed.slice(0, -1), { previousTopics: null });
  const state = first.data.topicState;
  const before = describe(first.data, first.seconds);
  first.data = undefined as unknown as SiteData; // let the collector have it before the next analysis
  const update = await run(parsed, { previousTopics: state, topics: 'update' });
  const updated = describe(update.data, update.seconds, topicStability(state, update.data));
  update.data = undefined as unknown as SiteData;
  const clean = await run(parsed, { previousTopics: state, topics: 'recluster' });
  const reclustered = describe(clean.data, clean.seconds, topicStability(state, clean.data));
  return { folder, digests: files.length, before, updated, reclustered };
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
    pct(r.largestShare),
    `${r.seconds.toFixed(1)} s`,
  ];
  return [
    `${b.folder}: ${b.digests} digests; the last one added to the state of the others`,
    '',
    row('', ['papers', 'topics', 'existing papers moved', 'topics keeping id, label, URL', 'homogeneity', 'NMI', 'largest topic', 'analysis']),
    row('---', ['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    row(`all but the last digest, afresh`, cells(before)),
    row('all, topics updated (the build)', cells(updated)),
    row('all, re-clustered (clean)', cells(reclustered)),
  ].join('\n');
}
