/**
 * Acronym definitions, `long form (ACRONYM)`, found with the Schwartz–Hearst algorithm
 * (Schwartz & Hearst, PSB 2003): the acronym's characters are matched right to left in the
 * words before the parenthesis, the first character at the start of a word.
 */
import { isAcronymLike, isPluralAcronym } from './inflect';

/** One `long form (SHORT)` definition found in a text. */
export interface AcronymDefinition {
  /** The acronym as written, plural folded (`LLMs` → `LLM`). */
  short: string;
  /** The long form as written (`Mixture-of-Experts`). */
  long: string;
}

/** Digits that stand for words in acronyms (`T2I`, `B2B`, `P4P`). */
const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['2', 'to'],
  ['4', 'for'],
]);

/**
 * Schwartz–Hearst: the shortest suffix of `candidate` (cut at a space) whose characters
 * spell `short` in order, right to left, the first character of `short` starting a word; null if none.
 */
export function matchLongForm(short: string, candidate: string): { long: string; initials: number } | null {
  // `initials` counts the short form's characters matched at the start of a word (or compound part).
  // The plain right-to-left scan can take a letter inside a word (`O-p-timization` for the P of DPO),
  // so a scan that only takes word starts is tried too; the one with more initials wins.
  const plain = scan(short, candidate, false);
  const initial = scan(short, candidate, true);
  if (plain === null || initial === null) return plain ?? initial;
  return initial.initials > plain.initials ? initial : plain;
}

/** One Schwartz–Hearst scan; with `initialsOnly`, every character must start a word. */
function scan(short: string, candidate: string, initialsOnly: boolean): { long: string; initials: number } | null {
  let s = short.length - 1;
  let l = candidate.length - 1;
  let initials = 0;
  const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  while (s >= 0) {
    const c = (short[s] ?? '').toLowerCase();
    if (!isWordChar(c)) {
      s -= 1;
      continue;
    }
    const word = DIGIT_WORDS.get(c);
    const hit = (at: number): boolean => {
      if ((candidate[at] ?? '').toLowerCase() === c && !((s === 0 || initialsOnly) && isWordChar(candidate[at - 1]))) return true;
      // `text-to-image (T2I)`, `peer-for-peer (P4P)`: a digit may stand for a whole word.
      return word !== undefined && !isWordChar(candidate[at - 1]) && candidate.slice(at, at + word.length).toLowerCase() === word && !isWordChar(candidate[at + word.length]);
    };
    while (l >= 0 && !hit(l)) l -= 1;
    if (l < 0) return null;
    if (!isWordChar(candidate[l - 1])) initials += 1;
    l -= 1;
    s -= 1;
  }
  // Long forms start at a token (so a hyphenated compound is never cut: `Mixture-of-Experts`).
  const from = candidate.lastIndexOf(' ', l) + 1;
  return { long: candidate.slice(from), initials };
}

/** `(ACRONYM)`, `(ACRONYM;` or `(ACRONYM,`: a candidate short form in parentheses. */
const SHORT_FORM = /\(\s*([\p{L}\p{N}][\p{L}\p{N}.-]{1,11})\s*[);,]/gu;
/** Characters that end a long-form search window when met going left (a long form never spans them). */
const WINDOW_BREAK = /[.,;:!?()[\]{}"“”=/]/u;
/** Words a long form may not start with. */
const BAD_START = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'with', 'by', 'and', 'or', 'we', 'our', 'this', 'these', 'that',
  'its', 'their', 'is', 'are', 'as', 'from', 'via', 'using', 'called', 'named', 'termed', 'dubbed',
]);

/** Number of letters and digits in a short form. */
function alnumCount(short: string): number {
  return short.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/**
 * Find every `long form (ACRONYM)` definition in a text (see {@link matchLongForm}): the acronym
 * has two capitals or more; the long form is searched in at most min(|A| + 5, 2|A|) words before
 * the parenthesis, within the clause, and must have two words or more (hyphenated parts count),
 * start with no function word, and match at least half the acronym's letters (rounded up) at word starts.
 */
export function findDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(SHORT_FORM)) {
    const written = m[1] ?? '';
    if (!isAcronymLike(written)) continue;
    const short = isPluralAcronym(written) ? written.slice(0, -1) : written;
    const letters = alnumCount(short);
    const maxWords = Math.min(letters + 5, letters * 2);
    const before = text.slice(0, m.index);
    let cut = before.length;
    while (cut > 0 && !WINDOW_BREAK.test(before[cut - 1] ?? '')) cut -= 1;
    const words = before.slice(cut).split(/\s+/).filter((w) => w !== '').slice(-maxWords);
    if (words.length === 0) continue;
    const match = matchLongForm(short, words.join(' '));
    if (match === null) continue;
    const first = match.long.split(' ')[0] ?? '';
    if (BAD_START.has(first.toLowerCase()) || !/^[\p{L}\p{N}]/u.test(first)) continue;
    if (match.long.split(/[\s-]+/).length < 2 || match.initials < Math.max(1, Math.ceil(letters / 2))) continue;
    if (match.long.toLowerCase().replace(/[^a-z0-9]/g, '') === short.toLowerCase().replace(/[^a-z0-9]/g, '')) continue;
    out.push({ short, long: match.long });
  }
  return out;
}
