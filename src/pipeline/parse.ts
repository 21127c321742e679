/**
 * Digest parser: one saved listing page (plain text) → its date and title/abstract pairs.
 * Pure: no fs, no Node APIs. Never throws on bad input; everything wrong becomes a `Problem`.
 *
 * Text is kept as written: each line is only trimmed (spaces, tabs, NBSPs, zero-width spaces);
 * internal whitespace is not collapsed and HTML is just characters.
 */
import { decodeDigestText } from './text-decode';
import type { ParsedDigest, RawEntry } from './types';

/** A line longer than this cannot be a title (real titles reach 210 chars in 8,978 pairs). */
export const MAX_TITLE_CHARS = 300;
/** A line shorter than this is an abstract only on more evidence: a final period, or its place in the blank-line layout (trending abstracts are 128+ chars; arXiv has one-sentence ones). */
export const MIN_ABSTRACT_CHARS = 100;

/** A non-blank line with its 1-based line number. */
interface Line {
  text: string;
  line: number;
}

/** The digest id of a file name: its base name without `.txt`. */
export function digestId(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.replace(/\.txt$/i, '');
}

/** Parse one digest file (bytes or already decoded text) into its date, good pairs and problems. */
export function parseDigest(file: string, input: Uint8Array | string): ParsedDigest {
  const digest: ParsedDigest = { id: digestId(file), file, date: null, entries: [], problems: [] };
  const report = (line: number, message: string): void => {
    digest.problems.push({ file, line, message });
  };
  const decoded = decodeDigestText(input);
  if (!decoded.ok) {
    report(decoded.line, decoded.message);
    return digest;
  }
  if (decoded.text === '') {
    report(0, 'the file is empty; no papers were read from it');
    return digest;
  }
  const lines = splitLines(decoded.text, report);
  if (lines.length === 0) {
    report(0, 'the file contains only blank lines; no papers were read from it');
    return digest;
  }
  const listing = readListing(lines, report);
  digest.date = listing.date;
  digest.entries = listing.entries;
  if (digest.entries.length === 0) report(0, noPapersMessage(digest.problems.length));
  digest.problems.sort((a, b) => a.line - b.line);
  return digest;
}

/** The whole-file message when no pair could be read. */
function noPapersMessage(otherProblems: number): string {
  return otherProblems === 0
    ? 'the file has only header lines (such as "Subscribe" or the date) and no title/abstract pairs; no papers were read from it'
    : 'no title/abstract pair could be read from this file (see the problems listed for its lines)';
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Control characters other than tab and line breaks (NUL is rejected earlier). */
const CONTROL_RE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** What ends a line of a digest: CRLF, LF or a lone CR (files saved on any system read alike). */
export const LINE_BREAK_RE = /\r\n|\r|\n/;
/** Whitespace the parser ignores at either end of a line: JS whitespace (incl. NBSP, BOM) plus zero-width spaces. */
const EDGE_SPACE = '[\\s\\u200B\\u2060]+';
const LEADING_SPACE_RE = new RegExp(`^${EDGE_SPACE}`);
const TRAILING_SPACE_RE = new RegExp(`${EDGE_SPACE}$`);

/** A line without the trailing whitespace the parser ignores: for writers of digest text that must read the same. */
export function trimLineEnd(line: string): string {
  return line.replace(TRAILING_SPACE_RE, '');
}

/** A line as the parser reads it: without the whitespace it ignores at either end. */
export function trimLine(line: string): string {
  return trimLineEnd(line).replace(LEADING_SPACE_RE, '');
}

/** Split text into its non-blank trimmed lines; control characters become spaces, with a problem. */
function splitLines(text: string, report: (line: number, message: string) => void): Line[] {
  const lines: Line[] = [];
  text.split(LINE_BREAK_RE).forEach((raw, index) => {
    const line = index + 1;
    const control = raw.match(CONTROL_RE)?.[0];
    if (control !== undefined) {
      const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      report(line, `contains an invisible control character (U+${code}); it was replaced by a space`);
    }
    const clean = trimLine(raw.replace(CONTROL_RE, ' '));
    if (clean !== '') lines.push({ text: clean, line });
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Header

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+\\d{4})?';
/** A listing's date line (whitespace collapsed): `Mar 14`, `March 14`, `Sept 3`, `Mar 14, 2024`, `14 Mar`. */
export const DATE_LINE_RE = new RegExp(`^(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH})${YEAR}$`, 'i');

/**
 * The header lines of the shipped digests as written, before the date line, per layout: for writers of
 * digest text (tests, tools). `Daily Papers` may follow `Subscribe`; in the dense layout `Subscribe` is
 * glued to the first title and no date line follows.
 */
export const HEADER_LINES = {
  spaced: ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community'],
  dense: ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!', 'Subscribe'],
} as const;

/** Known header lines of the listing page, matched case-insensitively on whitespace-collapsed text. */
const HEADER_RES: readonly RegExp[] = [
  /^new!?$/i,
  /^get (?:the )?trending papers\b.{0,80}$/i,
  /^subscribe!?$/i,
  /^daily papers$/i,
  /^by ?ak\b.{0,80}$/i,
  /^by\b.{0,60}\bresearch community$/i,
];

/** `Subscribe` glued to the first title: followed by anything but a space or a lower-case letter. */
const GLUED_SUBSCRIBE_RE = /^(?:[Ss]ubscribe|SUBSCRIBE)(?=[^\s\p{Ll}])/u;

type Header = { kind: 'date'; text: string } | { kind: 'header' } | { kind: 'glued'; rest: string } | { kind: 'none' };

/** Classify a line met before the first paper. */
function matchHeader(text: string): Header {
  const collapsed = text.replace(/\s+/g, ' ');
  if (DATE_LINE_RE.test(collapsed)) return { kind: 'date', text: collapsed };
  if (HEADER_RES.some((re) => re.test(collapsed))) return { kind: 'header' };
  const glued = GLUED_SUBSCRIBE_RE.exec(text);
  if (glued !== null) return { kind: 'glued', rest: text.slice(glued[0].length).trim() };
  return { kind: 'none' };
}

/** Whether a line (before the first paper) is one the parser skips as the page's header, the date line included. */
export function isHeaderLine(text: string): boolean {
  const kind = matchHeader(trimLine(text)).kind;
  return kind === 'date' || kind === 'header';
}

// ---------------------------------------------------------------------------------------------
// Pairs

interface Listing {
  date: string | null;
  entries: RawEntry[];
}

/** Read the header lines, then the title/abstract pairs, resynchronising around bad lines. */
function readListing(input: readonly Line[], report: (line: number, message: string) => void): Listing {
  const lines = [...input];
  const listing: Listing = { date: null, entries: [] };
  const spaced = isSpaced(input);
  let i = 0;
  while (i < lines.length) {
    const current = lines[i];
    if (current === undefined) break;
    const inHeader = listing.entries.length === 0;
    const header = inHeader ? matchHeader(current.text) : { kind: 'none' as const };
    if (header.kind === 'glued') {
      lines[i] = { text: header.rest, line: current.line };
      continue;
    }
    if (header.kind === 'date') listing.date ??= header.text;
    if (header.kind !== 'none') {
      i++;
      continue;
    }
    const step = pairAt(current, lines[i + 1], lines[i + 2], { inListing: !inHeader, spaced });
    if ('problem' in step) {
      report(current.line, step.problem);
      i++;
      continue;
    }
    if (step.doubt !== undefined) report(step.abstract.line, step.doubt);
    const position = listing.entries.length + 1;
    listing.entries.push({ title: current.text, abstract: step.abstract.text, line: current.line, position });
    i += 2;
  }
  return listing;
}

/**
 * Whether the file is in the blank-line layout (most of its lines separated by a blank line). There every
 * line is a paragraph of the listing page, which alternates title and abstract.
 */
function isSpaced(lines: readonly Line[]): boolean {
  let blankGaps = 0;
  for (let k = 1; k < lines.length; k++) if ((lines[k]?.line ?? 0) - (lines[k - 1]?.line ?? 0) > 1) blankGaps++;
  return blankGaps * 2 > lines.length - 1;
}

/** Where a line stands: after the first paper (the alternation is known) or not, and in which layout. */
interface Context {
  inListing: boolean;
  spaced: boolean;
}

/** The abstract that pairs with `title` (the next line), or why `title` starts no pair and is skipped. */
/** A pair read (with a note when its abstract is doubtful), or why a line starts no pair. */
type Step = { abstract: Line; doubt?: string } | { problem: string };

/** The abstract that pairs with `title` (the next line), or why `title` starts no pair and is skipped. */
function pairAt(title: Line, next: Line | undefined, after: Line | undefined, context: Context): Step {
  if (title.text.length > MAX_TITLE_CHARS) {
    return { problem: `a long text (${title.text.length} characters) ${quote(title.text)} stands where a title should be; it looks like an abstract without a title and was skipped` };
  }
  if (!context.inListing && next === undefined) return { problem: notHeaderMessage(title) };
  if (next === undefined) return { problem: `title ${quote(title.text)} is the last line of the file and has no abstract after it; it was skipped` };
  const verdict = judgeAbstract(next, after, context);
  if (verdict === 'doubtful') {
    const doubt = `a short line (${next.text.length} characters) without a final period stands where the abstract of ${quote(title.text)} should be; it was kept as that abstract (if it is a title, that paper's abstract is missing)`;
    return { abstract: next, doubt };
  }
  if (verdict === true) return { abstract: next };
  if (!context.inListing) return { problem: notHeaderMessage(title) };
  return { problem: `title ${quote(title.text)} has no abstract after it (line ${next.line} looks like another title, not an abstract: ${verdict}); it was skipped` };
}

/** Why a line before the first paper is skipped. */
function notHeaderMessage(title: Line): string {
  return `${quote(title.text)} is not a known header line and no abstract follows it; it was skipped`;
}

/**
 * Whether `next`, the line in the abstract's place after a title, is that abstract (true), or else why it
 * is taken for the next title. Long lines are always abstracts, and so are lines ending with a period (no
 * title among 8,978 real ones does). Otherwise `next` is a title when the line after it cannot be one (it
 * is too long for a title or ends with a period): that abstract needs `next` as its title. Failing that
 * evidence, a line of abstract length is the abstract. A shorter one is 'doubtful' in the blank-line layout
 * once the listing has begun: it alternates title and abstract, so the line is kept as the abstract (real
 * one-sentence abstracts are short), with a note, as a title whose abstract is missing looks the same.
 */
function judgeAbstract(next: Line, after: Line | undefined, context: Context): true | 'doubtful' | string {
  const length = next.text.length;
  if (length > MAX_TITLE_CHARS) return true;
  if (!context.inListing && matchHeader(next.text).kind !== 'none') return 'it is a header line';
  if (endsLikeSentence(next.text)) return true;
  const abstractAfter = after === undefined ? null : onlyAnAbstract(after);
  if (after !== undefined && abstractAfter !== null) {
    return `it does not end with a period, and line ${after.line}, ${abstractAfter}, is the abstract that follows it`;
  }
  if (length >= MIN_ABSTRACT_CHARS) return true;
  if (context.inListing && context.spaced) return 'doubtful';
  return `it is short (${length} characters) and does not end with a period`;
}

/** Why `line` can only be an abstract (too long for a title, or ending with a period), or null if it could be a title. */
function onlyAnAbstract(line: Line): string | null {
  if (line.text.length > MAX_TITLE_CHARS) return `${line.text.length} characters long (too long for a title)`;
  if (endsLikeSentence(line.text)) return 'which ends with a period as no title does';
  return null;
}

/** Whether a line ends like a sentence: a period, perhaps followed by a closing quote or bracket. */
function endsLikeSentence(text: string): boolean {
  return /\.["'”)\]]?$/.test(text);
}

/** A line quoted for a message, shortened to about 60 characters. */
function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text}"`;
}
