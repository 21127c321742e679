import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestNumber, formatDigestNumber, nextDigestName, normalizeDigestText, papersOf, reviewIncoming } from './intake';
import { mergeDigests } from './merge';
import { parseDigest } from './parse';
import { digestText } from '../../tests/digest-fixtures';

const seedDir = path.resolve(__dirname, '../../content/digests');
const seedNames = readdirSync(seedDir).filter((n) => n.endsWith('.txt')).sort();
const seeds = seedNames.map((n) => parseDigest(n, new Uint8Array(readFileSync(path.join(seedDir, n)))));

const abstract = (topic: string) =>
  `We study ${topic} in depth. `.repeat(8) + 'Our experiments on several benchmarks show consistent gains over strong baselines.';
/** A small well-formed digest in the blank-line layout, one paper per title. */
const withTitles = (titles: string[]): string => digestText({ entries: titles.map((t) => [t, abstract(t)] as const) });

describe('normalizeDigestText', () => {
  it('drops the BOM, makes line endings LF, trims trailing whitespace and ends with one newline', () => {
    expect(normalizeDigestText('\uFEFFnew \r\n\r\nTitle\t\r\nAbstract text  \u00A0\rLast line')).toBe('new\n\nTitle\nAbstract text\nLast line\n');
    expect(normalizeDigestText('a\n\n\n')).toBe('a\n');
    expect(normalizeDigestText('')).toBe('');
    expect(normalizeDigestText('\r\n  \r\n')).toBe('');
  });

  it('keeps everything else: leading spaces, inner spacing, LaTeX, HTML and non-ASCII text', () => {
    const text = '  Nystr\\"om  <script>alert(1)</script> μLO é\n';
    expect(normalizeDigestText(text)).toBe(text);
  });

  it('is idempotent and leaves the shipped digests unchanged apart from the final newline', () => {
    for (const name of seedNames) {
      const text = readFileSync(path.join(seedDir, name), 'utf8');
      const once = normalizeDigestText(text);
      expect(normalizeDigestText(once)).toBe(once);
      expect(once.replace(/\n$/, '')).toBe(text.replace(/[ \t]+$/gm, '').replace(/\n+$/, ''));
    }
  });

  it('does not change what the parser reads, line numbers included', () => {
    const messy = `\uFEFF${withTitles(['A first paper title', 'A second paper title']).replace(/\n/g, '  \r\n')}\r\n`;
    const before = parseDigest('x.txt', messy);
    const after = parseDigest('x.txt', normalizeDigestText(messy));
    expect(after).toEqual(before);
    expect(after.entries).toHaveLength(2);
  });
});

describe('digest names', () => {
  it('reads and formats arrival numbers, widening past 999 behind a letter', () => {
    expect(digestNumber('004_ab8bcc675414e5bf.txt')).toBe(4);
    expect(digestNumber('a1000_0123456789abcdef.txt')).toBe(1000);
    expect(digestNumber('b10000_0123456789abcdef.txt')).toBe(10000);
    expect(digestNumber('a10000_x.txt')).toBeNull();
    expect(digestNumber('notes.txt')).toBeNull();
    expect([0, 7, 999, 1000, 9999, 10000].map(formatDigestNumber)).toEqual(['000', '007', '999', 'a1000', 'a9999', 'b10000']);
  });

  it('keeps plain string order equal to arrival order across the widening', () => {
    const names = [5, 998, 999, 1000, 1001, 9999, 10000, 123456].map((n) => `${formatDigestNumber(n)}_0000000000000000.txt`);
    expect([...names].sort()).toEqual(names);
  });

  it('chooses the next number after the existing names with 16 hex of the content hash', () => {
    expect(nextDigestName(seedNames, 'ABCDEF0123456789ffff')).toBe('005_abcdef0123456789.txt');
    expect(nextDigestName([], '0123456789abcdef')).toBe('000_0123456789abcdef.txt');
    expect(nextDigestName(['000_x.txt', '999_y.txt'], '0123456789abcdef')).toBe('a1000_0123456789abcdef.txt');
    expect(nextDigestName(['0-intro.txt', '000_x.txt'], '0123456789abcdef')).toBe('001_0123456789abcdef.txt');
    expect(() => nextDigestName(['000_x.txt', 'README.txt'], '0123456789abcdef')).toThrow(/sorts after "README.txt"/);
  });

  it('refuses when no such name can sort after an existing file, and rejects a short hash', () => {
    expect(() => nextDigestName(['000_x.txt', 'zz-notes.txt'], '0123456789abcdef')).toThrow(/sorts after "zz-notes.txt"/);
    expect(() => nextDigestName([], 'abc')).toThrow(/16 hex/);
  });
});

describe('reviewIncoming', () => {
  const firstSeedTitle = seeds[0]?.entries[0]?.title ?? '';
  const secondSeedTitle = seeds[1]?.entries[3]?.title ?? '';

  it('splits papers into new and already present by the merge key (case and spacing do not matter)', () => {
    const text = withTitles(['A Brand New Paper About Graphs', firstSeedTitle.toUpperCase().replace(/ /g, '  '), 'Another Brand New Paper', secondSeedTitle]);
    const review = reviewIncoming(seeds, parseDigest('incoming.txt', text));
    expect(review.problems).toEqual([]);
    expect(review.refusal).toBeNull();
    expect(review.fresh.map((e) => e.title)).toEqual(['A Brand New Paper About Graphs', 'Another Brand New Paper']);
    expect(review.present.map((e) => e.title)).toEqual([firstSeedTitle.toUpperCase().replace(/ /g, '  '), secondSeedTitle]);
  });

  it('refuses a file whose papers are all already present, but lets --force override', () => {
    const review = reviewIncoming(seeds, parseDigest('again.txt', readFileSync(path.join(seedDir, seedNames[3] ?? ''))));
    expect(review.fresh).toEqual([]);
    expect(review.refusal).toMatch(/^all of its \d+ papers are already in the digest folder/);
    expect(review.forceable).toBe(true);
  });

  it('refuses a file with problems, reporting them with the build messages', () => {
    const title = 'A Brand New Paper About Graphs';
    const text = digestText({ entries: [[title, abstract(title)], 'A dangling title with no abstract'] });
    const review = reviewIncoming(seeds, parseDigest('dangling.txt', text));
    expect(review.problems).toEqual(parseDigest('dangling.txt', text).problems);
    expect(review.problems).toHaveLength(1);
    expect(review.refusal).toMatch(/^it has 1 problem \(listed above\)/);
    expect(review.forceable).toBe(true);
    expect(review.fresh).toHaveLength(1);
  });

  it('reports a paper repeated within the file, as the merge does in the build', () => {
    const text = withTitles(['A Brand New Paper About Graphs', 'Another Brand New Paper', 'a brand new paper about graphs']);
    const review = reviewIncoming(seeds, parseDigest('repeat.txt', text));
    expect(review.entries).toHaveLength(2);
    expect(review.problems.map((p) => p.line)).toEqual([mergeDigests([parseDigest('repeat.txt', text)]).problems[0]?.line]);
    expect(review.refusal).not.toBeNull();
  });

  it('refuses, without --force, files that hold no papers: empty, header only, binary', () => {
    const header = digestText({ entries: [] });
    for (const input of ['', header, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])]) {
      const review = reviewIncoming(seeds, parseDigest('bad.txt', input));
      expect(review.entries).toEqual([]);
      expect(review.problems.length).toBeGreaterThan(0);
      expect(review.refusal).toMatch(/no title\/abstract pair could be read/);
      expect(review.forceable).toBe(false);
    }
  });

  it('finds the corpus papers of entries by key', () => {
    const corpus = mergeDigests(seeds);
    const found = papersOf(corpus.papers, seeds[0]?.entries.slice(0, 2) ?? []);
    expect(found.map((p) => p.title)).toEqual(seeds[0]?.entries.slice(0, 2).map((e) => e.title));
  });
});
