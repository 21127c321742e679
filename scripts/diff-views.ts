#!/usr/bin/env -S npx tsx
/**
 * Why an incremental rebuild re-renders the pages it does: analyses a digest folder without its last digest
 * (afresh, as a first build with no state), then with it (with the state that build wrote, as the next build
 * does), makes the view of every page that has an incremental cache key in both, and prints per page kind how
 * many views changed and which fields made them change, and the size of the carried lists' state file.
 *
 *   npm run diff:views -- <digest folder> [--json <file>]
 */
import { writeFile } from 'node:fs/promises';
import { readDigestFiles } from '../src/content/digest-files';
import { buildPass } from '../src/content/worker-pass';
import { pageViews, siteOf } from '../src/eval/site-views';
import { diffViews, formatViewDiff } from '../src/eval/view-diff';
import { analyze, type AnalyzeOptions, type SiteData } from '../src/pipeline/analyze';
import { serializeListState } from '../src/pipeline/carried-lists';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';
import { siteConfig } from '../src/site-config';

/** Runs one analysis with the build's per-paper pass. */
async function run(parsed: readonly ParsedDigest[], options: AnalyzeOptions): Promise<SiteData> {
  const pass = buildPass(parsed.reduce((n, d) => n + d.entries.length, 0));
  try {
    return await analyze(parsed, { ...options, perPaper: pass.run, policy: siteConfig.analysis });
  } finally {
    await pass.close();
  }
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
const before = pageViews(siteOf(first));
const second = await run(parsed, { previousTopics: first.topicState, previousLists: first.listState });
const after = pageViews(siteOf(second));
const diffs = diffViews(before, after);
console.log(`${folder}: ${files.length - 1} digests afresh, then + ${files[files.length - 1]?.name} with the state that build wrote\n`);
console.log(formatViewDiff(diffs));
const listBytes = Buffer.byteLength(serializeListState(second.listState));
console.log(`\nCarried lists (the cache's paper-lists.json) after the second build: ${(listBytes / 1024).toFixed(0)} KB for ${second.papers.length} papers`);
if (jsonFile !== undefined) {
  const plain = diffs.map((d) => ({ ...d, reasons: Object.fromEntries(d.reasons), sole: Object.fromEntries(d.sole) }));
  await writeFile(jsonFile, `${JSON.stringify(plain, null, 2)}\n`);
}
