/**
 * Cross-digest merge: parsed digests → distinct papers with every appearance. Pure.
 *
 * Rules: papers are merged by `paperKey(title)`; a paper keeps its title and abstract as first seen.
 * A paper listed again in the same digest counts as a duplicate, adds no appearance and is reported.
 * Ids and slugs depend only on the paper's own key; only a (practically impossible) clash between two
 * distinct keys makes the clashing papers fall back, deterministically, to longer hashes.
 */
import { paperKey } from './normalize';
import { paperId, paperSlug } from './slug';
import type { Appearance, Corpus, DigestInfo, ParsedDigest, Paper, Problem } from './types';
import { compareText } from './order';

/** A paper before its id and slug are assigned. */
interface Draft {
  key: string;
  title: string;
  abstract: string;
  appearances: Appearance[];
}

/** Fallback levels tried before giving up; each level adds 4 hex chars to ids and slug hashes. */
const MAX_LEVEL = 16;

/** Merge parsed digests (in arrival order) into the corpus of distinct papers. */
export function mergeDigests(parsed: readonly ParsedDigest[]): Corpus {
  const drafts = new Map<string, Draft>();
  const digestKeys: string[][] = [];
  const problems: Problem[] = [];
  let duplicates = 0;
  for (const digest of parsed) {
    const result = mergeOne(digest, drafts);
    duplicates += result.duplicates;
    digestKeys.push(result.keys);
    problems.push(...sortByLine([...digest.problems, ...result.problems]));
  }
  const keys = [...drafts.keys()];
  const ids = assignUnique(keys, paperId);
  const slugs = assignUnique(keys, paperSlug);
  const idOf = (key: string): string => ids.get(key) ?? '';
  const papers: Paper[] = [...drafts.values()]
    .map((d) => ({ id: idOf(d.key), slug: slugs.get(d.key) ?? '', ...d }))
    .sort((a, b) => compareText(a.id, b.id));
  const digests: DigestInfo[] = parsed.map((d, order) => ({
    id: d.id,
    file: d.file,
    date: d.date,
    order,
    papers: (digestKeys[order] ?? []).map(idOf),
  }));
  return { papers, digests, duplicates, problems };
}

/** Add one digest's entries to `drafts`; return its paper keys in listing order, duplicates and repeat problems. */
function mergeOne(digest: ParsedDigest, drafts: Map<string, Draft>): { keys: string[]; duplicates: number; problems: Problem[] } {
  const firstLine = new Map<string, number>();
  const problems: Problem[] = [];
  let duplicates = 0;
  for (const entry of digest.entries) {
    const key = paperKey(entry.title);
    const earlier = firstLine.get(key);
    const draft = drafts.get(key);
    if (draft !== undefined) duplicates++;
    if (earlier !== undefined) {
      problems.push(repeatProblem(digest.file, entry.line, entry.title, earlier));
      continue;
    }
    firstLine.set(key, entry.line);
    const appearance = { digest: digest.id, position: entry.position };
    if (draft !== undefined) draft.appearances.push(appearance);
    else drafts.set(key, { key, title: entry.title, abstract: entry.abstract, appearances: [appearance] });
  }
  return { keys: [...firstLine.keys()], duplicates, problems };
}

/** The problem for a paper listed a second time in the same digest. */
function repeatProblem(file: string, line: number, title: string, firstLine: number): Problem {
  const shown = title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title;
  return {
    file,
    line,
    message: `"${shown}" is listed a second time in this file (first at line ${firstLine}); the repeat was skipped`,
  };
}

/**
 * Give every key a value `make(key, 0)`; keys whose values clash are bumped to the next level
 * (a longer hash) until all values are distinct. Depends only on the set of keys, not their order.
 */
function assignUnique(keys: readonly string[], make: (key: string, level: number) => string): Map<string, string> {
  const level = new Map<string, number>(keys.map((k) => [k, 0]));
  for (let round = 0; round <= MAX_LEVEL; round++) {
    const values = new Map<string, string>(keys.map((k) => [k, make(k, level.get(k) ?? 0)]));
    const clashing = keysWithClashes(values);
    if (clashing.length === 0) return values;
    for (const k of clashing) level.set(k, (level.get(k) ?? 0) + 1);
  }
  throw new Error(`could not give ${keys.length} papers distinct ids/slugs after ${MAX_LEVEL} hash extensions`);
}

/** Keys whose value is shared with another key. */
function keysWithClashes(values: ReadonlyMap<string, string>): string[] {
  const owners = new Map<string, string[]>();
  for (const [key, value] of values) {
    const group = owners.get(value);
    if (group === undefined) owners.set(value, [key]);
    else group.push(key);
  }
  return [...owners.values()].filter((group) => group.length > 1).flat();
}

/** Problems sorted by line, stable (parse order kept within a line). */
function sortByLine(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

