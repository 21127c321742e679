/** Test fixtures: the seed digest folder, any digest folder read and parsed in arrival order, and digest text written to order. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DATE_LINE_RE, HEADER_LINES, parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';

/** The digests the site ships with. */
export const SEED_DIR = path.resolve(__dirname, '..', 'content', 'digests');

/** Two real listings cut from the benchmark corpus (tests/fixtures/README.md): real text beyond the seed. */
export const SAMPLE_DIR = path.resolve(__dirname, 'fixtures', 'bench-sample');

/** Every `*.txt` digest of a folder (default: the seed), parsed, in file-name (arrival) order. */
export function readDigests(dir: string = SEED_DIR): ParsedDigest[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDigest(f, new Uint8Array(readFileSync(path.join(dir, f)))));
}

/** The two layouts of the shipped digests: a blank line after every line (four files), or none (002). */
export type DigestLayout = 'spaced' | 'dense';

/** A paper of a fixture digest (`{ title, abstract }` or `[title, abstract]`), or a lone line where a paper would stand. */
export type FixtureEntry = { readonly title: string; readonly abstract: string } | readonly [string, string] | string;

/** How {@link digestText} writes a digest. */
export interface DigestTextOptions {
  /** The papers (or lone lines) in listing order. */
  entries: readonly FixtureEntry[];
  /** The date line, or null for none. Default: `Mar 30` in the blank-line layout, none in the dense one (as shipped). */
  date?: string | null;
  /** Default `spaced`. In the dense layout a final `Subscribe` header line is glued to the first title, as in 002. */
  layout?: DigestLayout;
  /** Header lines before the date, instead of the shipped ones (parse.ts `HEADER_LINES` of the layout). */
  header?: readonly string[];
  /** Whether the optional `Daily Papers` line follows `Subscribe`. */
  dailyPapers?: boolean;
  /** The line ending (default LF). */
  eol?: '\n' | '\r\n' | '\r';
}

/**
 * Digest text as a saved listing page: the header lines, the date line, then each paper's title and
 * abstract lines, in the given layout, ending with one line ending. In the blank-line layout line k of
 * that list is line 2k-1 of the file; in the dense one it is line k.
 */
export function digestText(options: DigestTextOptions): string {
  const layout = options.layout ?? 'spaced';
  const date = options.date === undefined ? (layout === 'spaced' ? 'Mar 30' : null) : options.date;
  if (date !== null && !DATE_LINE_RE.test(date.trim().replace(/\s+/g, ' '))) throw new Error(`digestText: "${date}" is not a date line the parser knows`);
  const header = [...(options.header ?? HEADER_LINES[layout])];
  if (options.dailyPapers === true) header.splice(header.indexOf('Subscribe') + 1, 0, 'Daily Papers');
  const body = options.entries.flatMap((e): string[] => (typeof e === 'string' ? [e] : 'title' in e ? [e.title, e.abstract] : [...e]));
  const glued = layout === 'dense' && header.at(-1) === 'Subscribe' && body.length > 0;
  if (glued) body[0] = `${header.pop() ?? ''}${body[0] ?? ''}`;
  return layoutText([...header, ...(date === null ? [] : [date]), ...body], layout, options.eol);
}

/** Lines written in a layout (a blank line after each, or none), each ending with `eol`: for files beyond the shipped header. */
export function layoutText(lines: readonly string[], layout: DigestLayout, eol: '\n' | '\r\n' | '\r' = '\n'): string {
  if (lines.length === 0) return '';
  return lines.join(layout === 'spaced' ? eol + eol : eol) + eol;
}
