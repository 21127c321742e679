#!/usr/bin/env -S npx tsx
/**
 * Areas of a corpus: runs the analysis on a digest folder (no topic-id state) and prints the number of topics and
 * areas, each area's size, label and topics, and, given a categories file (tab-separated, with `categories` and
 * `title` columns: the paper's arXiv categories, primary first), how well topics and areas agree with the primary
 * category (normalized mutual information and purity).
 *
 *   node --import tsx scripts/bench-areas.ts <folder> [<categories.tsv>]
 */
import { readFileSync } from 'node:fs';
import { analyzeDigests } from '../src/content/analyze-digests';
import { readDigestFiles } from '../src/content/digest-files';
import { parseDigest } from '../src/pipeline/parse';

/** NMI (arithmetic mean normalisation) and purity of groups of paper ids against a label per paper (unlabelled papers left out). */
function agreement(groups: readonly (readonly string[])[], labelOf: ReadonlyMap<string, string>): { nmi: number; purity: number } {
  const labelled = groups.map((g) => g.flatMap((p) => (labelOf.has(p) ? [labelOf.get(p) as string] : [])));
  const n = labelled.reduce((s, g) => s + g.length, 0);
  if (n === 0) return { nmi: 0, purity: 0 };
  const classes = new Map<string, number>();
  for (const g of labelled) for (const c of g) classes.set(c, (classes.get(c) ?? 0) + 1);
  const entropy = (counts: Iterable<number>) => [...counts].reduce((h, c) => (c > 0 ? h - (c / n) * Math.log(c / n) : h), 0);
  let mutual = 0;
  let pure = 0;
  for (const g of labelled) {
    const counts = new Map<string, number>();
    for (const c of g) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (g.length > 0) pure += Math.max(...counts.values());
    for (const [c, k] of counts) mutual += (k / n) * Math.log((k * n) / (g.length * (classes.get(c) as number)));
  }
  const h = entropy(classes.values()) + entropy(labelled.map((g) => g.length));
  return { nmi: h > 0 ? (2 * mutual) / h : 0, purity: pure / n };
}

const [folder, categories] = process.argv.slice(2);
if (folder === undefined) {
  console.error('usage: node --import tsx scripts/bench-areas.ts <folder> [<categories.tsv>]');
  process.exit(2);
}
const files = await readDigestFiles(folder);
const { data } = await analyzeDigests(files.map((f) => parseDigest(f.name, f.bytes)));
const topicById = new Map(data.topics.map((t) => [t.id, t]));
const { areas } = data.corpus;
console.log(`${data.papers.length} papers, ${data.topics.length} topics, ${areas.length} areas; area sizes ${areas.map((a) => a.size).join(', ')}`);
for (const a of areas) {
  console.log(`${a.id} ${a.size} papers, ${a.topics.length} topic${a.topics.length === 1 ? '' : 's'}: ${a.label}`);
  console.log(`    ${a.topics.map((id) => `${topicById.get(id)?.label ?? id} (${topicById.get(id)?.papers.length ?? 0})`).join('; ')}`);
}
if (categories !== undefined) {
  const key = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const lines = readFileSync(categories, 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const [ci, ti] = [header.indexOf('categories'), header.indexOf('title')];
  const primary = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    const cats = cols[ci]?.split(' ')[0];
    if (cats && cols[ti]) primary.set(key(cols[ti]), cats);
  }
  const labelOf = new Map(data.papers.flatMap((p) => (primary.has(key(p.title)) ? [[p.id, primary.get(key(p.title)) as string] as const] : [])));
  const show = (name: string, groups: string[][]) => {
    const { nmi, purity } = agreement(groups, labelOf);
    console.log(`${name}: ${groups.length} groups, NMI ${nmi.toFixed(3)}, purity ${purity.toFixed(3)} against the primary arXiv category (${labelOf.size} papers matched)`);
  };
  show('topics', data.topics.map((t) => t.papers));
  show('areas', areas.map((a) => a.topics.flatMap((id) => topicById.get(id)?.papers ?? [])));
}
