import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATE_LINE_RE, HEADER_LINES, MAX_TITLE_CHARS, MIN_ABSTRACT_CHARS, digestId, isHeaderLine, parseDigest, trimLine, trimLineEnd } from './parse';
import type { RawEntry } from './types';
import { type FixtureEntry, SAMPLE_DIR, digestText, layoutText, readDigests } from '../../tests/digest-fixtures';

const SEED_DIR = join(import.meta.dirname, '../../content/digests');

/** A distinct abstract of 150+ characters. */
const abs = (n: number): string => `Abstract ${n}: we propose a method and show that it works. `.repeat(3).trim();
/** A blank-line digest with the full header of 001 (Daily Papers) dated Mar 14: its first title is on line 13. */
const withHeader = (entries: FixtureEntry[], eol?: '\r\n' | '\r'): string => digestText({ date: 'Mar 14', dailyPapers: true, entries, eol });
/** Lines in the blank-line layout, or the dense one, with no header. */
const spaced = (lines: string[]): string => layoutText(lines, 'spaced');
const dense = (lines: string[]): string => layoutText(lines, 'dense');
const entry = (title: string, abstract: string, line: number, position: number): RawEntry => ({ title, abstract, line, position });
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('parseDigest: layouts and headers', () => {
  test('blank-line layout with Daily Papers and a date', () => {
    const d = parseDigest('000_abc.txt', withHeader([['Title One', abs(1)], ['Title Two', abs(2)]]));
    expect(d).toEqual({
      id: '000_abc',
      file: '000_abc.txt',
      date: 'Mar 14',
      entries: [entry('Title One', abs(1), 13, 1), entry('Title Two', abs(2), 17, 2)],
      problems: [],
    });
  });

  test('dense layout, "once a day!" header, Subscribe glued to the first title, no date', () => {
    const text = digestText({ layout: 'dense', entries: [['Meta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation', abs(1)], ['Second Paper', abs(2)]] });
    expect(text.split('\n')[2]).toBe('SubscribeMeta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation');
    const d = parseDigest('002_x.txt', text);
    expect(d.date).toBeNull();
    expect(d.problems).toEqual([]);
    expect(d.entries).toEqual([
      entry('Meta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation', abs(1), 3, 1),
      entry('Second Paper', abs(2), 5, 2),
    ]);
  });

  test('Daily Papers line is optional', () => {
    const d = parseDigest('a.txt', digestText({ date: 'Mar 14', entries: [['Title One', abs(1)]] }));
    expect(d.date).toBe('Mar 14');
    expect(d.entries).toEqual([entry('Title One', abs(1), 11, 1)]);
    expect(d.problems).toEqual([]);
  });

  test('date line variants are recognised and kept as written', () => {
    for (const date of ['Mar 14', 'March 14', 'Sept 3', 'sep 3', 'Aug. 7', 'May 1', 'Jun 30, 2024', '14 Mar']) {
      const d = parseDigest('a.txt', dense(['new', date, 'Title', abs(1)]));
      expect(d.date).toBe(date);
      expect(d.entries).toEqual([entry('Title', abs(1), 3, 1)]);
    }
  });

  test('header lines are matched case-insensitively and tolerate small differences', () => {
    const header = ['NEW', 'Get Trending Papers in your email inbox every day!', '  subscribe ', 'DAILY  PAPERS', 'by AK and the research community', 'mar  14'];
    const d = parseDigest('a.txt', dense([...header, 'Title', abs(1)]));
    expect(d.date).toBe('mar 14');
    expect(d.problems).toEqual([]);
    expect(d.entries).toEqual([entry('Title', abs(1), 7, 1)]);
  });

  test('a first title that merely mentions header words is a title', () => {
    const title = 'Challenges for the NLP Research Community';
    const d = parseDigest('a.txt', dense(['new', 'by the research community', title, abs(1)]));
    expect(d.entries).toEqual([entry(title, abs(1), 3, 1)]);
    expect(d.problems).toEqual([]);
  });

  test('a title starting with "Subscriber" is not mistaken for glued Subscribe', () => {
    const d = parseDigest('a.txt', dense(['Subscribe', 'Subscriber Churn Prediction', abs(1)]));
    expect(d.entries).toEqual([entry('Subscriber Churn Prediction', abs(1), 2, 1)]);
  });

  test('an unknown short line before the first paper is skipped with a problem; papers are kept', () => {
    const d = parseDigest('a.txt', dense(['new', 'Trending Papers', 'Subscribe', 'Title', abs(1)]));
    expect(d.entries).toEqual([entry('Title', abs(1), 4, 1)]);
    expect(d.problems).toEqual([
      { file: 'a.txt', line: 2, message: '"Trending Papers" is not a known header line and no abstract follows it; it was skipped' },
    ]);
  });

  test('header words after the first paper are not headers', () => {
    const d = parseDigest('a.txt', dense(['Title', abs(1), 'Subscribe', 'Title Two', abs(2)]));
    expect(d.entries.map((e) => e.title)).toEqual(['Title', 'Title Two']);
    expect(d.problems).toEqual([
      { file: 'a.txt', line: 3, message: 'title "Subscribe" has no abstract after it (line 4 looks like another title, not an abstract: it does not end with a period, and line 5, which ends with a period as no title does, is the abstract that follows it); it was skipped' },
    ]);
  });

  test('digest id is the base name without .txt', () => {
    expect(digestId('000_28a33428ee26f5b1.txt')).toBe('000_28a33428ee26f5b1');
    expect(digestId('content/digests/001_x.TXT')).toBe('001_x');
    expect(digestId('C:\\digests\\002_y.txt')).toBe('002_y');
    expect(parseDigest('dir/003_z.txt', '').file).toBe('dir/003_z.txt');
  });
});

describe('parseDigest: line endings, BOM, whitespace, text kept as written', () => {
  const entries: FixtureEntry[] = [['Title One', abs(1)], ['Title Two', abs(2)]];
  const expected = [entry('Title One', abs(1), 13, 1), entry('Title Two', abs(2), 17, 2)];

  test('CRLF and lone CR give the same entries and line numbers as LF', () => {
    expect(parseDigest('a.txt', withHeader(entries, '\r\n')).entries).toEqual(expected);
    expect(parseDigest('a.txt', withHeader(entries, '\r')).entries).toEqual(expected);
  });

  test('a UTF-8 byte-order mark is dropped (bytes and string)', () => {
    const fromBytes = parseDigest('a.txt', bytes([0xef, 0xbb, 0xbf], withHeader(entries)));
    expect(fromBytes.entries).toEqual(expected);
    expect(fromBytes.problems).toEqual([]);
    expect(parseDigest('a.txt', `\uFEFF${withHeader(entries)}`).entries).toEqual(expected);
  });

  test('trailing spaces, tabs and NBSPs are trimmed; internal whitespace is kept as written', () => {
    const d = parseDigest('a.txt', dense(['new \t', '\u00a0Mar 14\u00a0', 'Title  With\u00a0Gaps \t\u00a0', ` ${abs(1)}\t `, ' \t\u00a0', 'Two', abs(2)]));
    expect(d.date).toBe('Mar 14');
    expect(d.entries).toEqual([entry('Title  With\u00a0Gaps', abs(1), 3, 1), entry('Two', abs(2), 6, 2)]);
    expect(d.problems).toEqual([]);
  });

  test('raw HTML and script text is kept verbatim', () => {
    const html = `<script>alert("x")</script> <b>bold</b> &amp; ${abs(1)}`;
    const d = parseDigest('a.txt', dense(['<img src=x onerror=alert(1)> Title', html]));
    expect(d.entries).toEqual([entry('<img src=x onerror=alert(1)> Title', html, 1, 1)]);
  });

  test('non-ASCII text and LaTeX leftovers are kept as written', () => {
    const d = parseDigest('a.txt', dense(['μLO: Nystr\\"om {\\em finite sample}', `${abs(1)} sim50\\% é`]));
    expect(d.entries[0]?.title).toBe('μLO: Nystr\\"om {\\em finite sample}');
    expect(d.entries[0]?.abstract).toBe(`${abs(1)} sim50\\% é`);
  });

  test('control characters become spaces, with a problem for their line', () => {
    const d = parseDigest('a.txt', dense(['Title\u001bOne', abs(1)]));
    expect(d.entries).toEqual([entry('Title One', abs(1), 1, 1)]);
    expect(d.problems).toEqual([
      { file: 'a.txt', line: 1, message: 'contains an invisible control character (U+001B); it was replaced by a space' },
    ]);
  });
});

describe('parseDigest: pairing and resynchronisation', () => {
  test('a title at the end of the file without an abstract: problem for its line, earlier pairs kept', () => {
    const d = parseDigest('a.txt', withHeader([['Title One', abs(1)], 'Dangling Title']));
    expect(d.entries).toEqual([entry('Title One', abs(1), 13, 1)]);
    expect(d.problems).toEqual([
      {
        file: 'a.txt',
        line: 17,
        message: 'title "Dangling Title" is the last line of the file and has no abstract after it; it was skipped',
      },
    ]);
  });

  test('two short lines in a row: the first is skipped, the following pairs stay aligned', () => {
    const d = parseDigest('a.txt', dense(['T1', abs(1), 'Orphan', 'T2', abs(2), 'T3', abs(3)]));
    expect(d.entries).toEqual([entry('T1', abs(1), 1, 1), entry('T2', abs(2), 4, 2), entry('T3', abs(3), 6, 3)]);
    expect(d.problems).toEqual([
      { file: 'a.txt', line: 3, message: 'title "Orphan" has no abstract after it (line 4 looks like another title, not an abstract: it does not end with a period, and line 5, which ends with a period as no title does, is the abstract that follows it); it was skipped' },
    ]);
  });

  test('an abstract where a title should be (> 300 chars) is skipped, the following pairs stay aligned', () => {
    const stray = `Stray abstract ${'x'.repeat(MAX_TITLE_CHARS)}`;
    // abs(1) is medium-length (167 chars) and followed by a long line: it still pairs with T1 because it ends with a period.
    expect(abs(1).length).toBe(167);
    const d = parseDigest('a.txt', dense(['T1', abs(1), stray, 'T2', abs(2)]));
    expect(d.entries).toEqual([entry('T1', abs(1), 1, 1), entry('T2', abs(2), 4, 2)]);
    expect(d.problems).toEqual([
      {
        file: 'a.txt',
        line: 3,
        message: `a long text (${stray.length} characters) "Stray abstract ${'x'.repeat(42)}…" stands where a title should be; it looks like an abstract without a title and was skipped`,
      },
    ]);
  });

  test('an orphan title followed by a long (medium-length) title resynchronises on the abstract after it', () => {
    const longTitle = `A Rather Long Title ${'word '.repeat(30).trim()}`; // ~170 chars: title or short abstract
    const long = `${abs(9)} ${'y'.repeat(200)}`; // > 300 chars: surely an abstract
    const d = parseDigest('a.txt', dense(['T1', abs(1), 'Orphan', longTitle, long]));
    expect(d.entries).toEqual([entry('T1', abs(1), 1, 1), entry(longTitle, long, 4, 2)]);
    expect(d.problems.map((p) => p.line)).toEqual([3]);
  });

  test('a split abstract (second half short) costs one problem, not every following pair', () => {
    const d = parseDigest('a.txt', dense(['T1', abs(1), 'Code: https://github.com/x/y.', 'T2', abs(2), 'T3', abs(3)]));
    expect(d.entries.map((e) => [e.title, e.position])).toEqual([['T1', 1], ['T2', 2], ['T3', 3]]);
    expect(d.problems.map((p) => p.line)).toEqual([3]);
  });
});

describe('parseDigest: short abstracts (one sentence, as in full arXiv listings)', () => {
  // Two real papers of a daily arXiv listing whose abstract is one short sentence (issue 18: both were lost).
  const meanPayoff = {
    title: 'A symmetric recursive algorithm for mean-payoff games',
    abstract: 'We propose a new deterministic symmetric recursive algorithm for solving mean-payoff games.',
  };
  const cyclic = {
    title: 'Cyclic codes over the ring Z2[u,v](u2(1+u),v2(1+v2))',
    abstract: 'In this paper, we describe linear and cyclic codes over the ring Z2[u,v](u2(1+u),v2(1+v2)).',
  };
  // Their neighbours: the first three papers of a real listing.
  const real = (readDigests(SAMPLE_DIR)[0]?.entries ?? []).slice(0, 3).map((e) => ({ title: e.title, abstract: e.abstract }));
  const pick = (i: number): { title: string; abstract: string } => real[i] ?? { title: `missing sample paper ${i}`, abstract: '' };
  const [first, second, third] = [pick(0), pick(1), pick(2)];
  const listing = [first, meanPayoff, second, cyclic, third];
  const titles = (d: { entries: readonly RawEntry[] }): string[] => d.entries.map((e) => e.title);
  const expectedTitles = [first.title, meanPayoff.title, second.title, cyclic.title, third.title];

  test('the real cases are shorter than any abstract of the seed and the sample', () => {
    expect(real).toHaveLength(3);
    expect(meanPayoff.abstract.length).toBeLessThan(MIN_ABSTRACT_CHARS);
    expect(cyclic.abstract.length).toBeLessThan(MIN_ABSTRACT_CHARS);
  });

  test('blank-line layout: both papers are kept between real ones, with their abstracts', () => {
    const d = parseDigest('a.txt', digestText({ entries: listing }));
    expect(d.problems).toEqual([]);
    expect(titles(d)).toEqual(expectedTitles);
    expect(d.entries[1]).toEqual(entry(meanPayoff.title, meanPayoff.abstract, 15, 2));
    expect(d.entries[3]).toEqual(entry(cyclic.title, cyclic.abstract, 23, 4));
  });

  test('dense layout: both papers are kept too (a line ending with a period is never a title)', () => {
    const d = parseDigest('a.txt', digestText({ layout: 'dense', entries: listing }));
    expect(d.problems).toEqual([]);
    expect(titles(d)).toEqual(expectedTitles);
    expect(d.entries[3]).toEqual(entry(cyclic.title, cyclic.abstract, 9, 4));
  });

  test('as the first and the last paper of a listing (both layouts)', () => {
    for (const layout of ['spaced', 'dense'] as const) {
      const d = parseDigest('a.txt', digestText({ layout, entries: [meanPayoff, first, cyclic] }));
      expect(d.problems).toEqual([]);
      expect(d.entries.map((e) => e.abstract)).toEqual([meanPayoff.abstract, first.abstract, cyclic.abstract]);
    }
  });

  test('a genuinely missing abstract before a short one: only the title without abstract is skipped, named with the reason', () => {
    const d = parseDigest('a.txt', digestText({ entries: [first, 'Orphan Title Without Its Abstract', meanPayoff, second] }));
    expect(titles(d)).toEqual([first.title, meanPayoff.title, second.title]);
    expect(d.problems).toEqual([
      {
        file: 'a.txt',
        line: 15,
        message:
          'title "Orphan Title Without Its Abstract" has no abstract after it (line 17 looks like another title, not an abstract: it does not end with a period, and line 19, which ends with a period as no title does, is the abstract that follows it); it was skipped',
      },
    ]);
  });

  test('a missing abstract before a real pair: the long abstract after the next line is the evidence (blank-line layout)', () => {
    const long = `${second.abstract} Code: https://github.com/x/y`;
    const d = parseDigest('a.txt', digestText({ entries: [first, 'Orphan', [second.title, long]] }));
    expect(titles(d)).toEqual([first.title, second.title]);
    expect(d.problems.map((p) => [p.line, p.message.replace(/^.*?\(/, '(')])).toEqual([
      [15, `(line 17 looks like another title, not an abstract: it does not end with a period, and line 19, ${long.length} characters long (too long for a title), is the abstract that follows it); it was skipped`],
    ]);
  });

  test('a short abstract without a period: kept with a note by the alternation of the blank-line layout, skipped in the dense one', () => {
    const withdrawn = 'This paper has been withdrawn by the author due to an error in Lemma 3';
    const entries: FixtureEntry[] = [first, ['On the spectra of random graphs', withdrawn], second];
    const kept = parseDigest('a.txt', digestText({ entries }));
    expect(titles(kept)).toEqual([first.title, 'On the spectra of random graphs', second.title]);
    expect(kept.entries[1]).toEqual(entry('On the spectra of random graphs', withdrawn, 15, 2));
    // A title whose abstract is missing, followed by a short title, looks the same: the note says so.
    expect(kept.problems).toEqual([
      {
        file: 'a.txt',
        line: 17,
        message:
          'a short line (70 characters) without a final period stands where the abstract of "On the spectra of random graphs" should be; it was kept as that abstract (if it is a title, that paper\'s abstract is missing)',
      },
    ]);
    const skipped = parseDigest('a.txt', digestText({ layout: 'dense', entries }));
    expect(titles(skipped)).toEqual([first.title, second.title]);
    expect(skipped.problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'title "On the spectra of random graphs" has no abstract after it (line 6 looks like another title, not an abstract: it is short (70 characters) and does not end with a period); it was skipped'],
      [6, `title "${withdrawn.slice(0, 57).trimEnd()}…" has no abstract after it (line 7 looks like another title, not an abstract: it does not end with a period, and line 8, ${second.abstract.length} characters long (too long for a title), is the abstract that follows it); it was skipped`],
    ]);
  });

  test('before the first paper, a short line without a period is not an abstract, even in the blank-line layout', () => {
    const d = parseDigest('a.txt', spaced(['new', 'Trending Papers', 'Top of the week', meanPayoff.title, meanPayoff.abstract]));
    expect(titles(d)).toEqual([meanPayoff.title]);
    expect(d.problems.map((p) => p.line)).toEqual([3, 5]);
  });
});

describe('parseDigest: files that hold no papers', () => {
  const only = (file: string, input: Uint8Array | string) => {
    const d = parseDigest(file, input);
    expect(d.entries).toEqual([]);
    expect(d.date).toBeNull();
    return d.problems;
  };

  test('empty file (string and bytes)', () => {
    const problem = { file: 'e.txt', line: 0, message: 'the file is empty; no papers were read from it' };
    expect(only('e.txt', '')).toEqual([problem]);
    expect(only('e.txt', new Uint8Array())).toEqual([problem]);
    expect(only('e.txt', bytes([0xef, 0xbb, 0xbf]))).toEqual([problem]);
  });

  test('whitespace-only file', () => {
    expect(only('w.txt', ' \n\t\r\n\u00a0\n')).toEqual([
      { file: 'w.txt', line: 0, message: 'the file contains only blank lines; no papers were read from it' },
    ]);
  });

  test('header-only file', () => {
    const d = parseDigest('h.txt', withHeader([]));
    expect(d.date).toBe('Mar 14');
    expect(d.entries).toEqual([]);
    expect(d.problems).toEqual([
      {
        file: 'h.txt',
        line: 0,
        message:
          'the file has only header lines (such as "Subscribe" or the date) and no title/abstract pairs; no papers were read from it',
      },
    ]);
  });

  test('a lone title: its own problem plus a whole-file summary', () => {
    const d = parseDigest('t.txt', dense(['new', 'Just A Title']));
    expect(d.problems).toEqual([
      { file: 't.txt', line: 0, message: 'no title/abstract pair could be read from this file (see the problems listed for its lines)' },
      { file: 't.txt', line: 2, message: '"Just A Title" is not a known header line and no abstract follows it; it was skipped' },
    ]);
  });

  test('invalid UTF-8 (Latin-1 é): the line of the first bad byte', () => {
    const input = bytes('new\r\nSubscribe\r\nNa', [0xef, 0xbf, 0xbd], 've ', [0xe9], 't\u00e9\n', abs(1));
    expect(only('l.txt', input)).toEqual([
      {
        file: 'l.txt',
        line: 3,
        message:
          'the file is not UTF-8 text: byte 25 of the file (0xE9) is not valid UTF-8; it may have been saved as Latin-1 or Windows-1252, save it as UTF-8 instead. No papers were read from it',
      },
    ]);
  });

  test('invalid UTF-8: truncated sequence, surrogate and overlong forms are all caught', () => {
    expect(only('a.txt', bytes('ok\n', [0xe2, 0x82]))[0]?.line).toBe(2);
    expect(only('a.txt', bytes('ok\rok\r\n', [0xed, 0xa0, 0x80]))[0]?.line).toBe(3);
    expect(only('a.txt', bytes([0xc0, 0xaf]))[0]?.line).toBe(1);
  });

  test('NUL bytes: a binary file', () => {
    expect(only('n.txt', bytes('Title\n', [0x00, 0x01, 0x02], '\n'))).toEqual([
      {
        file: 'n.txt',
        line: 2,
        message: 'the file is not UTF-8 text: it contains NUL bytes, so it looks like a binary file. No papers were read from it',
      },
    ]);
    expect(only('n.txt', `new\n\u0000`)[0]?.line).toBe(2);
  });

  test('UTF-16 text (with its byte-order mark)', () => {
    expect(only('u.txt', bytes([0xff, 0xfe, 0x6e, 0x00, 0x65, 0x00]))).toEqual([
      {
        file: 'u.txt',
        line: 1,
        message: 'the file is not UTF-8 text: it is saved as UTF-16; save it as UTF-8 instead. No papers were read from it',
      },
    ]);
  });

  test('never throws on arbitrary bytes', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let round = 0; round < 200; round++) {
      const input = Uint8Array.from({ length: round * 7 }, next);
      const d = parseDigest('r.bin', input);
      expect(d.entries.length + d.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('parseDigest: the real digests', () => {
  const seed = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDigest(f, readFileSync(join(SEED_DIR, f))));

  test('seed: 458 pairs, dates, the glued first title of 002, zero problems', () => {
    expect(seed.map((d) => d.file)).toEqual([
      '000_28a33428ee26f5b1.txt',
      '001_65b9e85b7edfda69.txt',
      '002_fff0dd3406adada7.txt',
      '003_af576497b67d9290.txt',
      '004_ab8bcc675414e5bf.txt',
    ]);
    expect(seed.map((d) => d.date)).toEqual(['Mar 14', 'Aug 7', null, 'Jun 3', 'Mar 18']);
    expect(seed.map((d) => d.entries.length)).toEqual([63, 69, 195, 64, 67]);
    expect(seed.flatMap((d) => d.problems)).toEqual([]);
    expect(seed[2]?.entries[0]).toMatchObject({
      title: 'Meta-Prod2Vec - Product Embeddings Using Side-Information for Recommendation',
      line: 3,
      position: 1,
    });
    expect(seed[0]?.entries[0]).toMatchObject({
      title: 'Recommender AI Agent: Integrating Large Language Models for Interactive Recommendations',
      line: 11,
      position: 1,
    });
  });

  test('seed: titles and abstracts look right (lengths, no header words, positions 1..n)', () => {
    for (const d of seed) {
      expect(d.entries.map((e) => e.position)).toEqual(d.entries.map((_, i) => i + 1));
      for (const e of d.entries) {
        expect(e.title.length).toBeLessThanOrEqual(159);
        expect(e.abstract.length).toBeGreaterThanOrEqual(412);
      }
    }
  });

  test('seed: parsing a string gives the same result as parsing bytes', () => {
    const f = '001_65b9e85b7edfda69.txt';
    expect(parseDigest(f, readFileSync(join(SEED_DIR, f), 'utf8'))).toEqual(seed[1]);
  });

  test('real listings (tests/fixtures/bench-sample): 2 files, 257 pairs, zero problems, every file dated', () => {
    const files = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort();
    const sample = files.map((f) => parseDigest(f, readFileSync(join(SAMPLE_DIR, f))));
    expect(sample.map((d) => d.entries.length)).toEqual([126, 131]);
    expect(sample.flatMap((d) => d.problems)).toEqual([]);
    expect(sample.map((d) => d.date)).toEqual(['Apr 24', 'May 16']);
    expect(sample[1]?.entries[0]).toMatchObject({ line: 11, position: 1, title: 'A Computational Pipeline for Advanced Analysis of 4D Flow MRI in the Left Atrium' });
  });
});

describe('the digest format, as parse.ts exports it for writers of digest text', () => {
  const nonBlank = (file: string): string[] => readFileSync(join(SEED_DIR, file), 'utf8').split('\n').filter((l) => l !== '');

  test('HEADER_LINES are the header lines of the shipped digests as written, and the parser skips them', () => {
    expect(nonBlank('000_28a33428ee26f5b1.txt').slice(0, 5)).toEqual([...HEADER_LINES.spaced, 'Mar 14']);
    expect(nonBlank('001_65b9e85b7edfda69.txt').slice(0, 6)).toEqual([...HEADER_LINES.spaced.slice(0, 3), 'Daily Papers', HEADER_LINES.spaced[3], 'Aug 7']);
    const dense = nonBlank('002_fff0dd3406adada7.txt');
    expect([...dense.slice(0, 2), dense[2]?.slice(0, 'Subscribe'.length)]).toEqual([...HEADER_LINES.dense]);
    for (const line of [...HEADER_LINES.spaced, ...HEADER_LINES.dense, 'Daily Papers', 'Mar 14']) expect(isHeaderLine(line)).toBe(true);
    expect(isHeaderLine(dense[2] ?? '')).toBe(false);
    expect(isHeaderLine('Challenges for the NLP Research Community')).toBe(false);
  });

  test('DATE_LINE_RE: a month and a day, in either order, with an optional year', () => {
    expect(['Mar 14', 'March 14', 'Sept 3', '14 Mar', 'Jun 30, 2024'].filter((d) => DATE_LINE_RE.test(d))).toHaveLength(5);
    expect(['Mar 32', 'Mar', '14', 'Mar 14 papers', 'Marchand 14'].filter((d) => DATE_LINE_RE.test(d))).toEqual([]);
  });

  test('trimLine and trimLineEnd drop exactly the whitespace the parser ignores', () => {
    const padding = ' \t\u00a0\u200b\u2060\ufeff';
    expect(trimLineEnd(`${padding}a \u00a0b${padding}`)).toBe(`${padding}a \u00a0b`);
    expect(trimLine(`${padding}a \u00a0b${padding}`)).toBe('a \u00a0b');
    const d = parseDigest('a.txt', dense([`${padding}Title${padding}`, `${abs(1)}${padding}`]));
    expect(d.entries).toEqual([entry(trimLine(`${padding}Title`), abs(1), 1, 1)]);
  });
});
