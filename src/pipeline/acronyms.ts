/**
 * Acronym definitions, `long form (ACRONYM)`, found with the Schwartz–Hearst algorithm
 * (Schwartz & Hearst, PSB 2003): the acronym's characters are matched right to left in the
 * words before the parenthesis, the first character at the start of a word.
 */
import { isAcronymLike, isPluralAcronym } from './inflect';
import type { NlpToken } from './nlp';

/** One `long form (SHORT)` definition found in a token sequence. */
export interface AcronymDefinition {
  /** The acronym as written, plural folded (`LLMs` → `LLM`). */
  short: string;
  /** Index of the acronym token (inside the parentheses). */
  shortIndex: number;
  /** Token range [longStart, longEnd) of the long form. */
  longStart: number;
  longEnd: number;
  /** The long form as written. */
  long: string;
}

/**
 * Schwartz–Hearst: the shortest suffix of `candidate` (cut at a space) whose characters
 * spell `short` in order, right to left, the first character of `short` starting a word; null if none.
 */
export function matchLongForm(short: string, candidate: string): { long: string; initials: number } | null {
  // `initials` counts the short form's characters matched at the start of a word (or compound part).
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
    while (
      l >= 0 &&
      ((candidate[l] ?? '').toLowerCase() !== c || (s === 0 && isWordChar(candidate[l - 1])))
    ) {
      l -= 1;
    }
    if (l < 0) return null;
    if (!isWordChar(candidate[l - 1])) initials += 1;
    l -= 1;
    s -= 1;
  }
  // Long forms start at a token (so a hyphenated compound is never cut: `Mixture-of-Experts`).
  const from = candidate.lastIndexOf(' ', l) + 1;
  return { long: candidate.slice(from), initials };
}

/** Tokens that end a long-form search window when met going left. */
const WINDOW_BREAK = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '“', '”', '=', '/']);
/** Parts of speech a long form may not start with. */
const BAD_START = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM']);

/** Number of letters and digits in a short form. */
function alnumCount(short: string): number {
  return short.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/** The acronym in parentheses at `i` (`(` ACRONYM `)` or `(` ACRONYM `;`/`,` …), plural folded, or null. */
function shortFormAt(tokens: readonly NlpToken[], i: number): string | null {
  if (tokens[i]?.text !== '(') return null;
  const t = tokens[i + 1];
  const close = tokens[i + 2]?.text;
  if (t === undefined || (close !== ')' && close !== ';' && close !== ',')) return null;
  if (!isAcronymLike(t.text) || !/^\p{L}/u.test(t.text)) return null;
  return isPluralAcronym(t.text) ? t.text.slice(0, -1) : t.text;
}

/** Find every `long form (ACRONYM)` definition in a token sequence (see {@link matchLongForm}). */
export function findDefinitions(tokens: readonly NlpToken[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i < tokens.length; i += 1) {
    const short = shortFormAt(tokens, i);
    if (short === null) continue;
    const letters = alnumCount(short);
    const maxWords = Math.min(letters + 5, letters * 2);
    // Window: up to maxWords tokens left of the parenthesis, not crossing punctuation.
    let start = i;
    while (start > 0 && i - start < maxWords) {
      const prev = tokens[start - 1];
      if (prev === undefined || WINDOW_BREAK.has(prev.text) || prev.kind === 'url') break;
      start -= 1;
    }
    if (start === i) continue;
    let text = '';
    const offsets: number[] = [];
    for (let k = start; k < i; k += 1) {
      if (k > start) text += ' ';
      offsets.push(text.length);
      text += tokens[k]?.text ?? '';
    }
    const match = matchLongForm(short, text);
    if (match === null) continue;
    const from = text.length - match.long.length;
    let longStart = -1;
    for (let k = 0; k < offsets.length; k += 1) if (offsets[k] === from) longStart = start + k;
    if (longStart < 0) continue;
    const first = tokens[longStart];
    if (first === undefined || BAD_START.has(first.pos)) continue;
    const parts = tokens.slice(longStart, i).reduce((n, t) => n + t.parts.length, 0);
    if (parts < 2 || match.initials < Math.max(1, Math.floor(letters / 2))) continue;
    if (match.long.toLowerCase().replace(/[^a-z0-9]/g, '') === short.toLowerCase().replace(/[^a-z0-9]/g, '')) continue;
    out.push({ short, shortIndex: i + 1, longStart, longEnd: i, long: match.long });
  }
  return out;
}
