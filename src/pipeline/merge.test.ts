import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mergeDigests } from './merge';
import { parseDigest } from './parse';
import { hashString, paperId, paperSlug } from './slug';
import type { Corpus, ParsedDigest, RawEntry } from './types';
import { SAMPLE_DIR } from '../../tests/digest-fixtures';

const SEED_DIR = join(import.meta.dirname, '../../content/digests');

const readDir = (dir: string): ParsedDigest[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDigest(f, readFileSync(join(dir, f))));

/** A parsed digest built by hand: entries are [title, abstract] with lines 1, 3, 5… */
const digest = (id: string, pairs: [string, string][], date: string | null = null): ParsedDigest => ({
  id,
  file: `${id}.txt`,
  date,
  entries: pairs.map(([title, abstract], i): RawEntry => ({ title, abstract, line: 2 * i + 1, position: i + 1 })),
  problems: [],
});

/** Paper id → [slug, key] for a corpus. */
const identities = (corpus: Corpus): Map<string, [string, string]> => new Map(corpus.papers.map((p) => [p.key, [p.id, p.slug]]));

describe('mergeDigests: rules', () => {
  test('an empty input gives an empty corpus', () => {
    expect(mergeDigests([])).toEqual({ papers: [], digests: [], duplicates: 0, problems: [] });
  });

  test('the same paper with different whitespace and case merges; title and abstract as first seen', () => {
    const corpus = mergeDigests([
      digest('000_a', [['Attention Is All You Need', 'first abstract'], ['Other Paper', 'other']], 'Mar 14'),
      digest('001_b', [['  attention is   all you need.', 'second abstract']], 'Mar 15'),
    ]);
    const key = 'attention is all you need';
    const attention = { id: paperId(key), slug: 'attention-is-all-you-need', key };
    const other = { id: paperId('other paper'), slug: 'other-paper', key: 'other paper' };
    expect(corpus.duplicates).toBe(1);
    expect(corpus.problems).toEqual([]);
    expect(corpus.papers).toEqual(
      [
        {
          ...attention,
          title: 'Attention Is All You Need',
          abstract: 'first abstract',
          appearances: [
            { digest: '000_a', position: 1 },
            { digest: '001_b', position: 1 },
          ],
        },
        { ...other, title: 'Other Paper', abstract: 'other', appearances: [{ digest: '000_a', position: 2 }] },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(corpus.digests).toEqual([
      { id: '000_a', file: '000_a.txt', date: 'Mar 14', order: 0, papers: [attention.id, other.id] },
      { id: '001_b', file: '001_b.txt', date: 'Mar 15', order: 1, papers: [attention.id] },
    ]);
  });

  test('a repeat within one digest counts as a duplicate, adds no appearance and is reported with its line', () => {
    const corpus = mergeDigests([
      digest('000_a', [['Paper A', 'a'], ['Paper B', 'b'], ['PAPER  A', 'a again']]),
      digest('001_b', [['Paper A', 'a']]),
    ]);
    const a = paperId('paper a');
    const b = paperId('paper b');
    expect(corpus.duplicates).toBe(2);
    expect(corpus.digests.map((d) => d.papers)).toEqual([[a, b], [a]]);
    expect(corpus.papers.find((p) => p.id === a)?.appearances).toEqual([
      { digest: '000_a', position: 1 },
      { digest: '001_b', position: 1 },
    ]);
    expect(corpus.problems).toEqual([
      {
        file: '000_a.txt',
        line: 5,
        message: '"PAPER  A" is listed a second time in this file (first at line 1); the repeat was skipped',
      },
    ]);
  });

  test('problems come in file order, then line order (parse problems and repeats interleaved)', () => {
    const first = digest('000_a', [['P', 'x'], ['Q', 'y'], ['P', 'x']]);
    first.problems = [
      { file: '000_a.txt', line: 9, message: 'late' },
      { file: '000_a.txt', line: 0, message: 'whole file' },
    ];
    const second = digest('001_b', []);
    second.problems = [{ file: '001_b.txt', line: 2, message: 'x' }];
    const corpus = mergeDigests([first, second]);
    expect(corpus.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['000_a.txt:0', '000_a.txt:5', '000_a.txt:9', '001_b.txt:2']);
    expect(corpus.digests[1]).toEqual({ id: '001_b', file: '001_b.txt', date: null, order: 1, papers: [] });
  });

  test('papers are sorted by id', () => {
    const corpus = mergeDigests([digest('000_a', Array.from({ length: 30 }, (_, i): [string, string] => [`Paper ${i}`, 'abs']))]);
    const ids = corpus.papers.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(30);
  });

  test('a slug clash between two distinct keys falls back to longer hashes for both, deterministically', () => {
    const lossy = 'nyström approximation';
    const plain = 'nystrom approximation 595a2a';
    expect(paperSlug(lossy)).toBe('nystrom-approximation-595a2a');
    expect(paperSlug(plain)).toBe('nystrom-approximation-595a2a');
    const corpus = mergeDigests([digest('000_a', [['Nyström Approximation', 'x'], ['Other', 'y']]), digest('001_b', [['Nystrom Approximation 595a2a', 'z']])]);
    const slugs = new Map(corpus.papers.map((p) => [p.key, p.slug]));
    expect(slugs.get(lossy)).toBe(`nystrom-approximation-${hashString(lossy, 10)}`);
    expect(slugs.get(plain)).toBe(`nystrom-approximation-595a2a-${hashString(plain, 10)}`);
    expect(slugs.get('other')).toBe('other');
    // Without the other paper there is no clash, so the plain rule applies.
    expect(mergeDigests([digest('000_a', [['Nyström Approximation', 'x']])]).papers[0]?.slug).toBe('nystrom-approximation-595a2a');
  });
});

describe('mergeDigests: the seed corpus', () => {
  const seed = readDir(SEED_DIR);
  const corpus = mergeDigests(seed);

  test('458 pairs, 398 distinct papers, 30 in two digests, 15 in three, zero problems', () => {
    expect(seed.reduce((n, d) => n + d.entries.length, 0)).toBe(458);
    expect(corpus.papers).toHaveLength(398);
    expect(corpus.duplicates).toBe(60);
    const byCount = new Map<number, number>();
    for (const p of corpus.papers) byCount.set(p.appearances.length, (byCount.get(p.appearances.length) ?? 0) + 1);
    expect([...byCount].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 353],
      [2, 30],
      [3, 15],
    ]);
    expect(corpus.problems).toEqual([]);
  });

  test('digests keep arrival order, dates and listing sizes', () => {
    expect(corpus.digests.map((d) => [d.id, d.order, d.date, d.papers.length])).toEqual([
      ['000_28a33428ee26f5b1', 0, 'Mar 14', 63],
      ['001_65b9e85b7edfda69', 1, 'Aug 7', 69],
      ['002_fff0dd3406adada7', 2, null, 195],
      ['003_af576497b67d9290', 3, 'Jun 3', 64],
      ['004_ab8bcc675414e5bf', 4, 'Mar 18', 67],
    ]);
    const first = corpus.papers.find((p) => p.id === corpus.digests[2]?.papers[0]);
    expect(first?.title).toBe('Meta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation');
    expect(first?.slug).toBe('meta-prod2vec-product-embeddings-using-side-information-for-recommendation');
  });

  test('merged papers share title and abstract byte for byte; appearances follow digest order', () => {
    const pairs = new Map(seed.flatMap((d) => d.entries.map((e) => [`${d.id}#${e.position}`, e])));
    const order = new Map(corpus.digests.map((d) => [d.id, d.order]));
    for (const p of corpus.papers) {
      for (const a of p.appearances) {
        expect(pairs.get(`${a.digest}#${a.position}`)).toMatchObject({ title: p.title, abstract: p.abstract });
      }
      const orders = p.appearances.map((a) => order.get(a.digest) ?? -1);
      expect(orders).toEqual([...orders].sort((x, y) => x - y));
    }
  });

  test('ids and slugs are unique, well-formed and derived from the key only', () => {
    expect(new Set(corpus.papers.map((p) => p.id)).size).toBe(398);
    expect(new Set(corpus.papers.map((p) => p.slug)).size).toBe(398);
    for (const p of corpus.papers) {
      expect(p.id).toBe(paperId(p.key));
      expect(p.slug).toBe(paperSlug(p.key));
      expect(p.id).toMatch(/^[0-9a-f]{10}$/);
      expect(p.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(p.slug.length).toBeLessThanOrEqual(87);
    }
  });

  test('ids and slugs do not change when any one digest is removed or the order changes', () => {
    const all = identities(corpus);
    for (let drop = 0; drop < seed.length; drop++) {
      const fewer = identities(mergeDigests(seed.filter((_, i) => i !== drop)));
      expect(fewer.size).toBeLessThan(all.size);
      for (const [key, ids] of fewer) expect(ids).toEqual(all.get(key));
    }
    expect(identities(mergeDigests([...seed].reverse()))).toEqual(all);
  });
});

describe('mergeDigests: real listings (tests/fixtures/bench-sample)', () => {
  const bench = readDir(SAMPLE_DIR);
  const corpus = mergeDigests(bench);

  test('257 pairs, zero problems, unique ids and slugs', () => {
    expect(bench).toHaveLength(2);
    expect(bench.reduce((n, d) => n + d.entries.length, 0)).toBe(257);
    expect(corpus.problems).toEqual([]);
    expect(corpus.papers).toHaveLength(257);
    expect(corpus.duplicates).toBe(0);
    expect(new Set(corpus.papers.map((p) => p.id)).size).toBe(257);
    expect(new Set(corpus.papers.map((p) => p.slug)).size).toBe(257);
    for (const p of corpus.papers) {
      expect(p.id).toBe(paperId(p.key));
      expect(p.slug).toBe(paperSlug(p.key));
    }
  });

  test('seed and sample together: ids and slugs stay unique and the seed papers keep theirs', () => {
    const seed = readDir(SEED_DIR);
    const both = mergeDigests([...bench, ...seed]);
    const seedOnly = identities(mergeDigests(seed));
    const together = identities(both);
    expect(new Set(both.papers.map((p) => p.id)).size).toBe(both.papers.length);
    expect(new Set(both.papers.map((p) => p.slug)).size).toBe(both.papers.length);
    for (const [key, ids] of seedOnly) expect(together.get(key)).toEqual(ids);
  });
});
