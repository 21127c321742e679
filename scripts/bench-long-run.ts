/**
 * The long run of `npm run bench:quality -- <folder> --stability --from <k> --long [--clean-every <n>]`: the first k
 * digests afresh, then every other digest added one build at a time with the state the build before wrote (the
 * topics updated, as a site's builds run for months), and beside each step (or every n-th, and the last) a clean
 * analysis of the same papers without state. Per step: what the update changed (papers moved and topics kept
 * against the step before and against the first state; topics split, merged, created, relabelled), the topic count
 * and sizes against the leaves' wanted 20–300 papers, the areas, and with reference categories the homogeneity and
 * NMI of the updated topics and of the clean ones.
 */
import { readFile } from 'node:fs/promises';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { TokenCache } from '../src/content/token-cache';
import { analyze, type AnalyzeOptions, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import type { TopicState } from '../src/pipeline/topic-ids';
import type { ParsedDigest } from '../src/pipeline/types';
import { partitionScore } from '../src/eval/metrics';
import { sizeSummary, topicChanges, topicStability, type SizeSummary, type TopicChanges, type TopicStability } from '../src/eval/stability';
import { matchTruth, parseTruth, type TruthRow } from '../src/eval/truth';

/** The leaves' wanted size range (issue 15: roughly 20–300 papers each). */
export const LEAF_RANGE: readonly [number, number] = [20, 300];

/** The topics of one analysis, summarised. */
export interface TopicsSummary {
  sizes: SizeSummary;
  areas: number;
  homogeneity?: number;
  nmi?: number;
}

/** One step of the long run: all digests up to `digests`, topics updated from the step before. */
export interface LongRunStep {
  digests: number;
  papers: number;
  /** Against the state of the step before (one digest's change). */
  step: TopicStability & TopicChanges;
  /** Against the first state. */
  sinceStart: TopicStability;
  updated: TopicsSummary;
  /** A clean analysis of the same papers (absent at steps skipped by `cleanEvery`). */
  clean?: TopicsSummary;
  seconds: number;
}

/** The whole long run. */
export interface LongRun {
  folder: string;
  digests: number;
  start: number;
  first: TopicsSummary & { papers: number };
  steps: LongRunStep[];
}

/** The long run's per-paper pass: tokens kept in memory from one analysis to the next (the output is the same). */
class Runner {
  private cache = new TokenCache();

  async run(parsed: readonly ParsedDigest[], options: AnalyzeOptions): Promise<SiteData> {
    const pass = buildPass(
      parsed.reduce((n, d) => n + d.entries.length, 0),
      { tokenCache: this.cache },
    );
    try {
      const data = await analyze(parsed, { ...options, perPaper: pass.run });
      const entries = this.cache.entries();
      this.cache = new TokenCache(entries, Object.keys(entries).length);
      return data;
    } finally {
      await pass.close();
    }
  }
}

/** Summarises an analysis's topics (with the truth, their homogeneity and NMI against the primary category). */
function summarise(data: SiteData, truth: readonly TruthRow[] | null): TopicsSummary {
  const result: TopicsSummary = { sizes: sizeSummary(data.topics.map((t) => t.papers.length), LEAF_RANGE), areas: data.corpus.areas.length };
  if (truth) {
    const topicOf = data.papers.map((p) => (p.topic === '' ? null : p.topic));
    const primary = matchTruth(data.papers.map((p) => p.title), truth).map((c) => c?.[0] ?? null);
    const score = partitionScore(topicOf, primary);
    result.homogeneity = score.homogeneity;
    result.nmi = score.nmi;
  }
  return result;
}

/** Runs the long run; `onStep` sees each step as it is done (for progress). */
export async function benchLongRun(
  folder: string,
  options: { truthFile?: string; from?: number; cleanEvery?: number; onStep?: (step: LongRunStep) => void },
): Promise<LongRun> {
  const files = await readDigestFiles(folder);
  if (files.length < 2) throw new Error(`${folder}: the long run needs two digests or more`);
  const parsed = files.map((f) => parseDigest(f.name, f.bytes));
  const truth = options.truthFile === undefined ? null : parseTruth(await readFile(options.truthFile, 'utf8'));
  const start = Math.min(Math.max(1, options.from ?? 1), files.length - 1);
  const cleanEvery = Math.max(1, options.cleanEvery ?? 1);
  const runner = new Runner();
  const initial = await runner.run(parsed.slice(0, start), { previousTopics: null });
  const first = { papers: initial.papers.length, ...summarise(initial, truth) };
  const startState: TopicState = initial.topicState;
  let latest = startState;
  const steps: LongRunStep[] = [];
  for (let end = start + 1; end <= files.length; end += 1) {
    const started = performance.now();
    const data = await runner.run(parsed.slice(0, end), { previousTopics: latest, topics: 'update' });
    const step: LongRunStep = {
      digests: end,
      papers: data.papers.length,
      step: { ...topicStability(latest, data), ...topicChanges(latest, data) },
      sinceStart: topicStability(startState, data),
      updated: summarise(data, truth),
      seconds: (performance.now() - started) / 1000,
    };
    latest = data.topicState;
    if ((end - start) % cleanEvery === 0 || end === files.length) {
      step.clean = summarise(await runner.run(parsed.slice(0, end), { previousTopics: null }), truth);
    }
    steps.push(step);
    options.onStep?.(step);
  }
  return { folder, digests: files.length, start, first, steps };
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(100 * x).toFixed(1)} %`);
const f3 = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(3));
const sizes = (s: SizeSummary): string => `${s.smallest}–${s.largest}`;
const outside = (s: SizeSummary): string => `${pct(s.overShare)} / ${pct(s.underShare)}`;

/** The header of the per-step table. */
export function longRunHeader(): string {
  return [
    '| digests | papers | moved (step) | kept (step) | split / merged / created / relabelled | kept since start | topics (updated / clean) | sizes (updated / clean) | papers in topics > 300 / < 20 (updated; clean) | areas (updated / clean) | homogeneity (updated / clean) | NMI (updated / clean) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ].join('\n');
}

/** One step as a table row. */
export function longRunRow(s: LongRunStep): string {
  const c = s.clean;
  return `| ${s.digests} | ${s.papers} | ${pct(s.step.movedShare)} | ${pct(s.step.keptShare)} | ${s.step.split} / ${s.step.merged} / ${s.step.created} / ${s.step.relabelled} | ${pct(s.sinceStart.keptShare)} | ${s.updated.sizes.topics} / ${c?.sizes.topics ?? '–'} | ${sizes(s.updated.sizes)} / ${c ? sizes(c.sizes) : '–'} | ${outside(s.updated.sizes)}; ${c ? outside(c.sizes) : '–'} | ${s.updated.areas} / ${c?.areas ?? '–'} | ${f3(s.updated.homogeneity)} / ${f3(c?.homogeneity)} | ${f3(s.updated.nmi)} / ${f3(c?.nmi)} |`;
}

/** The whole run as a printable report: the first state, every step, and the totals. */
export function formatLongRun(r: LongRun): string {
  const last = r.steps[r.steps.length - 1];
  const total = r.steps.reduce((t, s) => ({ split: t.split + s.step.split, merged: t.merged + s.step.merged, created: t.created + s.step.created, relabelled: t.relabelled + s.step.relabelled }), { split: 0, merged: 0, created: 0, relabelled: 0 });
  const worst = r.steps.reduce((w, s) => ({ moved: Math.max(w.moved, s.step.movedShare), kept: Math.min(w.kept, s.step.keptShare) }), { moved: 0, kept: 1 });
  return [
    `${r.folder}: ${r.digests} digests; the first ${r.start} afresh (${r.first.papers} papers, ${r.first.sizes.topics} topics of ${sizes(r.first.sizes)}, ${r.first.areas} areas, homogeneity ${f3(r.first.homogeneity)}, NMI ${f3(r.first.nmi)}), then one digest per build with the state`,
    '',
    longRunHeader(),
    ...r.steps.map(longRunRow),
    '',
    `Over ${r.steps.length} steps: ${total.split} split, ${total.merged} merged, ${total.created} created, ${total.relabelled} relabelled; per step at most ${pct(worst.moved)} moved, at least ${pct(worst.kept)} kept.`,
    last === undefined ? '' : `At the end: ${pct(last.sinceStart.movedShare)} of the first state's papers moved, ${pct(last.sinceStart.keptShare)} of its topics kept id, label and URL.`,
  ].join('\n');
}
