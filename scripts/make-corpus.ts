#!/usr/bin/env -S npx tsx
/**
 * Makes a large benchmark corpus by repeating a folder of digests with every paper title made unique:
 *
 *   tsx scripts/make-corpus.ts <source folder> <output folder> [--papers 20000]
 *
 * Copy 0 is the source as it is; copy k (k ≥ 1) appends " (variant k)" to every title line. Title lines
 * are found with the pipeline's own parser (`parseDigest(...).entries[].line`), so headers, abstracts and
 * glued header words are never touched. Copies are written as `v<k>_<original name>`, so arrival order is
 * copy by copy. The last copy stops at the digest (and, inside it, the pair) where the distinct-paper count
 * (the merge key `paperKey`) reaches the target. The output folder is emptied of `*.txt` first.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDigestFiles } from '../src/content/digest-files';
import { paperKey } from '../src/pipeline/normalize';
import { parseDigest } from '../src/pipeline/parse';

/** What {@link makeCorpus} wrote. */
export interface CorpusSummary {
  /** Digest files written. */
  files: number;
  /** Title/abstract pairs written. */
  pairs: number;
  /** Distinct papers (by merge key). */
  papers: number;
  /** Copies of the source folder used (the last one possibly partial). */
  copies: number;
}

/** Line separators as the parser splits lines, kept so copies are byte-identical apart from the titles. */
const SPLIT_KEEP = /(\r\n|\r|\n)/;
/** Trailing whitespace the parser trims from a line (spaces, tabs, NBSP, zero-width space). */
const TRAILING_SPACE = /[\s\u00a0\u200b\ufeff]+$/u;

/** Writes copies of the digests in `source` into `out` until they hold `target` distinct papers. */
export async function makeCorpus(source: string, out: string, target: number): Promise<CorpusSummary> {
  const files = await readDigestFiles(source);
  const parsed = files.map((f) => ({ file: f, digest: parseDigest(f.name, f.bytes) }));
  if (parsed.every((p) => p.digest.entries.length === 0)) throw new Error(`No title/abstract pairs in ${source}`);
  await mkdir(out, { recursive: true });
  for (const name of await readdir(out)) if (name.endsWith('.txt')) await rm(path.join(out, name));

  const seen = new Set<string>();
  const summary: CorpusSummary = { files: 0, pairs: 0, papers: 0, copies: 0 };
  const width = String(Math.ceil(target / Math.max(1, countDistinct(parsed.map((p) => p.digest.entries.map((e) => e.title)))))).length;
  for (let copy = 0; seen.size < target; copy++) {
    summary.copies = copy + 1;
    const suffix = copy === 0 ? '' : ` (variant ${copy})`;
    for (const { file, digest } of parsed) {
      if (seen.size >= target) break;
      const parts = new TextDecoder().decode(file.bytes).split(SPLIT_KEEP);
      // parts alternate line, separator, line...: line n (1-based) is parts[2(n-1)].
      let lastLine = parts.length; // index in parts after which the file is cut (all of it by default)
      let pairs = 0;
      for (const [i, entry] of digest.entries.entries()) {
        const at = 2 * (entry.line - 1);
        const text = parts[at];
        if (text === undefined) continue;
        if (suffix) parts[at] = text.replace(TRAILING_SPACE, '') + suffix;
        seen.add(paperKey(entry.title + suffix));
        pairs++;
        if (seen.size >= target) {
          // Cut after this pair's abstract: the next entry's title line, or the end of the file.
          const next = digest.entries[i + 1];
          if (next) lastLine = 2 * (next.line - 1);
          break;
        }
      }
      const name = `v${String(copy).padStart(width, '0')}_${file.name}`;
      await writeFile(path.join(out, name), parts.slice(0, lastLine).join(''));
      summary.files++;
      summary.pairs += pairs;
    }
    if (copy > 10_000) throw new Error('makeCorpus: no progress (are all titles empty?)');
  }
  summary.papers = seen.size;
  return summary;
}

/** Distinct merge keys among lists of titles. */
function countDistinct(titles: string[][]): number {
  return new Set(titles.flat().map(paperKey)).size;
}

async function main(argv: string[]): Promise<void> {
  const args = [...argv];
  let target = 20_000;
  const flag = args.indexOf('--papers');
  if (flag >= 0) {
    target = Number(args[flag + 1]);
    args.splice(flag, 2);
  }
  const [source, out] = args;
  if (!source || !out || !Number.isFinite(target) || target < 1) {
    console.error('Usage: tsx scripts/make-corpus.ts <source folder> <output folder> [--papers 20000]');
    process.exit(2);
  }
  const started = performance.now();
  const s = await makeCorpus(path.resolve(source), path.resolve(out), target);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`make-corpus: ${s.papers} distinct papers, ${s.pairs} pairs in ${s.files} digests (${s.copies} copies of ${source}) → ${out} (${secs} s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
