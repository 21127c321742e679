/**
 * Intake of new digest files (`npm run add`): normalising the text, choosing the file name and
 * deciding whether a file brings anything new. Pure: the script does the I/O.
 *
 * File names sort in arrival order: `NNN_<16 hex>.txt` with a 3-digit number (000–999). Past 999
 * the number is widened behind a letter that sorts after every digit, one letter per extra digit:
 * 1000 → `a1000_…`, 10000 → `b10000_…`, so plain string order stays arrival order and no existing
 * file (whose name is its digest id and URL) ever has to be renamed.
 */
import { mergeDigests } from './merge';
import { paperKey } from './normalize';
import { LINE_BREAK_RE, trimLineEnd } from './parse';
import type { Paper, ParsedDigest, Problem, RawEntry } from './types';
import { plural } from './report';

/** Digest text in the stored form: no BOM, LF line endings, no trailing whitespace on a line (as the parser trims it), one final newline. */
export function normalizeDigestText(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(LINE_BREAK_RE).map(trimLineEnd);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Matches a stored digest name: `NNN_…` or a widened `<letter><digits>_…`. */
const NAME_RE = /^(?:(\d{3})|([a-z])(\d{4,}))_/;

/** The arrival number of a digest file name (`004_ab…txt` → 4, `a1000_…` → 1000), or null if it has none. */
export function digestNumber(name: string): number | null {
  const match = NAME_RE.exec(name);
  if (!match) return null;
  if (match[1] !== undefined) return Number(match[1]);
  const letter = match[2] ?? 'a';
  const digits = match[3] ?? '';
  // The letter must agree with the width, or the name would not sort in number order.
  return letter.charCodeAt(0) - 97 === digits.length - 4 ? Number(digits) : null;
}

/** The sortable prefix of arrival number n: `007`, `999`, `a1000`, `b10000`. */
export function formatDigestNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`digest number must be a non-negative integer, got ${n}`);
  const digits = String(n);
  if (digits.length <= 3) return digits.padStart(3, '0');
  if (digits.length - 4 >= 26) throw new RangeError(`digest number ${n} is too large`);
  return String.fromCharCode(97 + digits.length - 4) + digits;
}

/** The name for a new digest: the next arrival number and the first 16 hex of its content hash; throws if it cannot sort last. */
export function nextDigestName(existing: readonly string[], contentHash: string): string {
  const hash = contentHash.toLowerCase();
  if (!/^[0-9a-f]{16,}$/.test(hash)) throw new Error(`content hash must be at least 16 hex digits, got "${contentHash}"`);
  const numbers = existing.map(digestNumber).filter((n): n is number => n !== null);
  const next = numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
  const name = `${formatDigestNumber(next)}_${hash.slice(0, 16)}.txt`;
  const last = [...existing].sort().at(-1);
  if (last !== undefined && !(name > last)) {
    throw new Error(`no name of the form NNN_<hash>.txt sorts after "${last}", the last file of the digest folder; rename that file so new digests can sort after it`);
  }
  return name;
}

/** What `npm run add` concluded about one incoming file. */
export interface IntakeReview {
  /** The file as the user named it. */
  file: string;
  /** Problems of the file, with the parser's and merge's messages (as the build would print them). */
  problems: Problem[];
  /** Distinct papers of the file (repeats within the file dropped), in listing order. */
  entries: RawEntry[];
  /** Its papers not yet in the corpus, in listing order. */
  fresh: RawEntry[];
  /** Its papers already in the corpus, in listing order. */
  present: RawEntry[];
  /** Why the file is refused, or null when it may be added. */
  refusal: string | null;
  /** Whether `--force` overrides the refusal (problems, or nothing new); never for a file without papers. */
  forceable: boolean;
}

/**
 * Reviews an incoming parsed digest against the digests already stored (in arrival order): its
 * problems (parser + repeats within the file, exactly as the build reports them), which of its
 * papers are new by the pipeline's merge key, and whether to refuse it.
 */
export function reviewIncoming(existing: readonly ParsedDigest[], incoming: ParsedDigest): IntakeReview {
  const alone = mergeDigests([incoming]);
  const known = new Set(mergeDigests(existing).papers.map((p) => p.key));
  const seen = new Set<string>();
  const entries: RawEntry[] = [];
  for (const entry of incoming.entries) {
    const key = paperKey(entry.title);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  const fresh = entries.filter((e) => !known.has(paperKey(e.title)));
  const present = entries.filter((e) => known.has(paperKey(e.title)));
  const problems = alone.problems;
  let refusal: string | null = null;
  let forceable = true;
  if (entries.length === 0) {
    refusal = 'no title/abstract pair could be read from it, so it would add nothing';
    forceable = false;
  } else if (problems.length > 0) {
    refusal = `it has ${plural(problems.length, 'problem')} (listed above); fix the file, or add it anyway with --force (its good papers are kept, the bad lines skipped)`;
  } else if (fresh.length === 0) {
    refusal = `all of its ${plural(entries.length, 'paper')} are already in the digest folder; it looks like a digest that was added before (use --force to add it anyway)`;
  }
  return { file: incoming.file, problems, entries, fresh, present, refusal, forceable };
}

/** Papers of `corpus` matching the given entries by merge key, in the entries' order (entries without a paper are skipped). */
export function papersOf(papers: readonly Paper[], entries: readonly RawEntry[]): Paper[] {
  const byKey = new Map(papers.map((p) => [p.key, p]));
  return entries.map((e) => byKey.get(paperKey(e.title))).filter((p): p is Paper => p !== undefined);
}
