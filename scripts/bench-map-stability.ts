#!/usr/bin/env -S npx tsx
/**
 * How far the paper map moves when a digest arrives: analyses a digest folder without its last file (no topic
 * state, as a clean build), then the whole folder with the state that first build wrote (as the next build would),
 * and reports how far the papers of the first build moved, as a share of the map's width (each map normalised as
 * the browser draws it: its longer side is 1). Nothing is written but the optional token cache.
 *
 *   npm run bench:map-stability -- <digest folder> [--token-cache <file>]
 */
import path from 'node:path';
import { readDigestFiles } from '../src/content/digest-files';
import { loadTokenCache, saveTokenCache } from '../src/content/token-cache';
import { buildPass } from '../src/content/worker-pass';
import { analyze, type SiteData } from '../src/pipeline/analyze';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';
import { serializeTopicState, type TopicState } from '../src/pipeline/topic-ids';
import { mapMoves } from '../src/pipeline/paper-layout-moves';

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--token-cache');
const cacheFile = cacheAt >= 0 ? args[cacheAt + 1] : undefined;
const folder = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--token-cache') ?? 'content/digests');

async function run(parsed: readonly ParsedDigest[], previous: TopicState | null): Promise<{ data: SiteData; ms: number }> {
  const tokenCache = cacheFile === undefined ? undefined : await loadTokenCache(cacheFile, 'bench-map-stability');
  const pass = buildPass(
    parsed.reduce((n, d) => n + d.entries.length, 0),
    { tokenCache },
  );
  const started = performance.now();
  let layoutMs = 0;
  try {
    const data = await analyze(parsed, {
      previousTopics: previous,
      perPaper: pass.run,
      stage: (name, go) => {
        if (name !== 'paper-map') return go();
        const t0 = performance.now();
        const out = go();
        layoutMs = performance.now() - t0;
        return out;
      },
    });
    if (tokenCache !== undefined && cacheFile !== undefined) await saveTokenCache(cacheFile, 'bench-map-stability', tokenCache);
    console.log(`  analysed ${parsed.length} digests, ${data.papers.length} papers in ${((performance.now() - started) / 1000).toFixed(1)} s (layout ${(layoutMs / 1000).toFixed(2)} s)`);
    return { data, ms: layoutMs };
  } finally {
    await pass.close();
  }
}

const files = await readDigestFiles(folder);
const parsed = files.map((f) => parseDigest(f.name, f.bytes));
console.log(`paper map stability of ${folder}: ${parsed.length} digests`);
const before = await run(parsed.slice(0, -1), null);
const after = await run(parsed, before.data.topicState);
const moves = mapMoves(before.data.corpus.paperMap, after.data.corpus.paperMap);
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
console.log(
  `adding the last digest (${after.data.papers.length - before.data.papers.length} papers) moved the ${moves.count} earlier papers by ` +
    `median ${pct(moves.median)}, 90th percentile ${pct(moves.p90)} of the map's width`,
);
console.log(`  their discs' centres moved by median ${pct(moves.discMedian)}, 90th percentile ${pct(moves.discP90)}; ${pct(moves.changedDisc)} of them changed disc`);
const state = serializeTopicState(after.data.topicState);
const places = serializeTopicState({ ...after.data.topicState, mapPlaces: undefined });
console.log(
  `topic state: ${(state.length / 1024).toFixed(0)} KB as written, of which the map places of ${Object.keys(after.data.topicState.mapPlaces ?? {}).length} topics ` +
    `${((state.length - places.length) / 1024).toFixed(1)} KB`,
);
