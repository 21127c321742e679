#!/usr/bin/env -S npx tsx
/**
 * Makes a large benchmark corpus by repeating a folder of digests with every paper title made unique:
 *
 *   tsx scripts/make-corpus.ts <source folder> <output folder> [--papers 20000] [--mode titles|words]
 *
 * Copy 0 is the source as it is; copy k (k ≥ 1) appends " (variant k)" to every title line. Title lines
 * are found with the pipeline's own parser (`parseDigest(...).entries[].line`), so headers, abstracts and
 * glued header words are never touched. Copies are written as `v<k>_<original name>`, so arrival order is
 * copy by copy. The last copy stops at the digest (and, inside it, the pair) where the distinct-paper count
 * (the merge key `paperKey`) reaches the target. The output folder is emptied of `*.txt` first.
 *
 * Modes. `titles` (the default) changes only the titles, so every abstract occurs 2–3 times: every phrase of
 * a copied abstract is then used by several papers and becomes a corpus term with a page of its own, which
 * inflates the term pages far beyond what as many real papers give (8,520 real papers: 17,500 term pages;
 * 20,000 in this mode: about 107,000). `words` also gives each copy its own vocabulary: in copy k, every
 * lower-case word of 5+ letters outside the 400 most frequent ones is swapped for another word of the same
 * ending (last two letters) and frequency band, by a permutation fixed per copy (capitalised forms follow).
 * Each copy then has the statistics of the source (its own recurring terms, clusters, acronyms kept) while
 * copies share little but the common vocabulary, as independent papers would.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDigestFiles } from '../src/content/digest-files';
import { paperKey } from '../src/pipeline/normalize';
import { LINE_BREAK_RE, parseDigest, trimLineEnd } from '../src/pipeline/parse';
import { mulberry32 } from '../src/pipeline/random';

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
const SPLIT_KEEP = new RegExp(`(${LINE_BREAK_RE.source})`);

/** How copies differ from the source: only their titles, or their titles and their vocabulary. */
export type CorpusMode = 'titles' | 'words';

/** Words this frequent (by rank) stay the same in every copy: the shared, generic vocabulary. */
const FIXED_TOP_WORDS = 400;
/** Shorter words stay the same too. */
const MIN_SWAPPED_LENGTH = 5;

/** Word swaps for copy `copy`: lower-case word → its replacement, within classes of the same ending and frequency band. */
function vocabularyFor(counts: ReadonlyMap<string, number>, copy: number): Map<string, string> {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const classes = new Map<string, string[]>();
  ranked.forEach(([word, n], rank) => {
    if (rank < FIXED_TOP_WORDS || word.length < MIN_SWAPPED_LENGTH) return;
    const key = `${word.slice(-2)}|${Math.floor(Math.log2(n))}`;
    const members = classes.get(key) ?? [];
    members.push(word);
    classes.set(key, members);
  });
  const random = mulberry32(0x5eed + copy * 7919); // seeded: a copy's vocabulary is the same on every run
  const swaps = new Map<string, string>();
  for (const members of classes.values()) {
    const shuffled = [...members];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    members.forEach((w, i) => swaps.set(w, shuffled[i] as string));
  }
  return swaps;
}

/** A line with its words swapped: lower-case and capitalised forms; acronyms and mixed-case names are kept. */
function swapWords(text: string, swaps: ReadonlyMap<string, string>): string {
  return text.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase();
    const swapped = swaps.get(lower);
    if (swapped === undefined) return word;
    if (word === lower) return swapped;
    if (word === word[0] + lower.slice(1) && word[0] !== lower[0]) return swapped[0]!.toUpperCase() + swapped.slice(1);
    return word;
  });
}

/** Writes copies of the digests in `source` into `out` until they hold `target` distinct papers. */
export async function makeCorpus(source: string, out: string, target: number, mode: CorpusMode = 'titles'): Promise<CorpusSummary> {
  const files = await readDigestFiles(source);
  const parsed = files.map((f) => ({ file: f, digest: parseDigest(f.name, f.bytes) }));
  if (parsed.every((p) => p.digest.entries.length === 0)) throw new Error(`No title/abstract pairs in ${source}`);
  const counts = new Map<string, number>();
  if (mode === 'words') {
    for (const { digest } of parsed) {
      for (const e of digest.entries) {
        for (const w of `${e.title} ${e.abstract}`.match(/[A-Za-z]+/g) ?? []) if (w === w.toLowerCase()) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  await mkdir(out, { recursive: true });
  for (const name of await readdir(out)) if (name.endsWith('.txt')) await rm(path.join(out, name));

  const seen = new Set<string>();
  const summary: CorpusSummary = { files: 0, pairs: 0, papers: 0, copies: 0 };
  const width = String(Math.ceil(target / Math.max(1, countDistinct(parsed.map((p) => p.digest.entries.map((e) => e.title)))))).length;
  for (let copy = 0; seen.size < target; copy++) {
    summary.copies = copy + 1;
    const suffix = copy === 0 ? '' : ` (variant ${copy})`;
    const swaps = mode === 'words' && copy > 0 ? vocabularyFor(counts, copy) : null;
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
        let title = entry.title;
        if (swaps) {
          // The title line (only the title part: a glued header word such as "Subscribe" is mixed-case and kept)
          // and the abstract: the first line after the title that holds it.
          parts[at] = swapWords(text, swaps);
          title = swapWords(title, swaps);
          for (let k = at + 2; k < parts.length; k += 2) {
            const line = parts[k] ?? '';
            if (line.trim() === '') continue;
            if (line.includes(entry.abstract.slice(0, 40))) parts[k] = swapWords(line, swaps);
            break;
          }
        }
        if (suffix) parts[at] = trimLineEnd(parts[at] ?? text) + suffix;
        seen.add(paperKey(title + suffix));
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
  let mode: string = 'titles';
  const flag = args.indexOf('--papers');
  if (flag >= 0) {
    target = Number(args[flag + 1]);
    args.splice(flag, 2);
  }
  const modeFlag = args.indexOf('--mode');
  if (modeFlag >= 0) {
    mode = args[modeFlag + 1] ?? '';
    args.splice(modeFlag, 2);
  }
  const [source, out] = args;
  if (!source || !out || !Number.isFinite(target) || target < 1 || (mode !== 'titles' && mode !== 'words')) {
    console.error('Usage: tsx scripts/make-corpus.ts <source folder> <output folder> [--papers 20000] [--mode titles|words]');
    process.exit(2);
  }
  const started = performance.now();
  const s = await makeCorpus(path.resolve(source), path.resolve(out), target, mode);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`make-corpus: ${s.papers} distinct papers, ${s.pairs} pairs in ${s.files} digests (${s.copies} copies of ${source}, mode ${mode}) → ${out} (${secs} s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
