#!/usr/bin/env -S npx tsx
/**
 * `npm run add -- [--force] [--dry-run] <file>...`: adds new digest files to the digest folder
 * ($DIGESTS_DIR or content/digests), safely. I/O only; the decisions live in src/pipeline/intake.ts.
 *
 * Each file is checked with the build's parser and messages, refused when it has problems (unless
 * --force), holds no papers, or brings no paper that is not already in the folder (unless --force),
 * normalised (UTF-8 without BOM, LF, no trailing spaces) and stored as `NNN_<16 hex of sha256>.txt`
 * after the existing files. All or nothing: every file is written to a dot-prefixed `.tmp` file in the
 * folder (ignored by the loader) and only renamed into place once all were accepted and written; any
 * failure removes what this run wrote. Afterwards it prints the new papers and, from the analysis of
 * the would-be folder run in memory, the topics they fall into after the next build; it also updates
 * the topic state file (as the next build would).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { digestsDir, readDigestFiles } from '../src/content/digest-files';
import { readTopicState, topicStatePath, writeTopicState } from '../src/content/topic-state-file';
import { topicUrl } from '../src/lib/links';
import { nextDigestName, normalizeDigestText, papersOf, reviewIncoming } from '../src/pipeline/intake';
import { parseDigest } from '../src/pipeline/parse';
import { formatProblem } from '../src/pipeline/report';
import type { TopicState } from '../src/pipeline/topic-ids';
import type { ParsedDigest, RawEntry } from '../src/pipeline/types';

const USAGE = `Usage: npm run add -- [--force] [--dry-run] <file>...
Adds digest files to the digest folder ($DIGESTS_DIR or content/digests).
  --force    add a file even if it has problems (its bad lines are skipped) or brings no new paper
  --dry-run  check and report, change nothing
Exit status: 0 added (or would add), 1 refused (nothing changed), 2 usage or I/O error (nothing changed).`;

/** A file accepted for adding. */
interface Accepted {
  source: string;
  name: string;
  text: string;
  parsed: ParsedDigest;
  fresh: RawEntry[];
  present: RawEntry[];
}

/** A path relative to the working directory when it is inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Prints to stdout. */
const say = (line = ''): void => console.log(line);

/** First 16 hex digits of the SHA-256 of a text. */
function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Writes `text` to a new dot-prefixed temp file in `dir` (flushed to disk) and returns its path. */
async function writeTemp(dir: string, name: string, text: string, temps: string[]): Promise<string> {
  const temp = path.join(dir, `.add-${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temps.push(temp);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Moves a temp file to its final name without ever replacing an existing file. */
async function placeNoClobber(temp: string, final: string): Promise<void> {
  try {
    await link(temp, final);
    await rm(temp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${path.basename(final)} appeared in the folder meanwhile (another add running?)`);
    // File systems without hard links: check, then rename (atomic, tiny race window).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
      if (existsSync(final)) throw new Error(`${path.basename(final)} appeared in the folder meanwhile (another add running?)`);
      await rename(temp, final);
      return;
    }
    throw error;
  }
}

/** Reads, checks and decides on every file; prints the messages; returns the accepted files or null if any was refused. */
async function review(files: readonly string[], existing: ParsedDigest[], existingNames: string[], existingTexts: Map<string, string>, force: boolean): Promise<Accepted[] | null> {
  const accepted: Accepted[] = [];
  let refused = 0;
  const stored = [...existing];
  const names = [...existingNames];
  for (const source of files) {
    let bytes: Uint8Array;
    try {
      if (!(await stat(source)).isFile()) throw new Error('not a regular file');
      bytes = new Uint8Array(await readFile(source));
    } catch (error) {
      say(`${source}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      refused++;
      continue;
    }
    const parsed = parseDigest(source, bytes);
    const result = reviewIncoming(stored, parsed);
    for (const problem of result.problems) say(formatProblem(problem));
    const text = result.entries.length > 0 ? normalizeDigestText(new TextDecoder('utf-8').decode(bytes)) : '';
    const twin = text === '' ? undefined : existingTexts.get(text);
    if (twin !== undefined) {
      say(`${source}: refused: it has the same text as ${twin}${existingNames.includes(twin) ? ', which is already in the digest folder' : ', given earlier'}`);
      refused++;
      continue;
    }
    if (result.refusal !== null && !(force && result.forceable)) {
      say(`${source}: refused: ${result.refusal}`);
      refused++;
      continue;
    }
    if (result.refusal !== null) say(`${source}: accepted with --force although ${result.refusal.replace(/;.*$/, '')}`);
    const name = nextDigestName(names, contentHash(text));
    names.push(name);
    existingTexts.set(text, name);
    const storedParsed = parseDigest(name, text);
    stored.push(storedParsed);
    accepted.push({ source, name, text, parsed: storedParsed, fresh: result.fresh, present: result.present });
  }
  return refused > 0 ? null : accepted;
}

/** Prints the new papers of each accepted file and the topics they fall into after the next build. */
async function report(accepted: readonly Accepted[], parsedAll: readonly ParsedDigest[], previous: TopicState | null): Promise<TopicState> {
  for (const a of accepted) {
    say(`${a.source} → ${a.name}: ${a.parsed.entries.length} papers, ${a.fresh.length} new, ${a.present.length} already listed`);
    for (const e of a.fresh) say(`  + ${e.title}`);
  }
  // Loaded only now: the NLP model behind the analysis takes seconds to load, refusals need none of it.
  const { analyze } = await import('../src/pipeline/analyze');
  const site = analyze(parsedAll, { previousTopics: previous });
  const papers = papersOf(site.papers, accepted.flatMap((a) => a.fresh));
  const topicOf = new Map(site.papers.map((p) => [p.id, p.topic]));
  const topics = new Map(site.topics.map((t) => [t.id, t]));
  const counts = new Map<string, number>();
  for (const p of papers) {
    const topic = topicOf.get(p.id) ?? '?';
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  const known = new Set(previous?.topics.map((t) => t.id) ?? []);
  say();
  say(`After the next build the ${papers.length} new paper${papers.length === 1 ? '' : 's'} fall into these topics:`);
  const width = String(Math.max(0, ...counts.values())).length;
  for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const topic = topics.get(id);
    const mark = previous !== null && !known.has(id) ? ' (new topic)' : '';
    say(`  ${String(count).padStart(width)}  ${topic?.label ?? id}  ${topicUrl(topic?.slug ?? id)}${mark}`);
  }
  for (const before of previous?.topics ?? []) {
    const now = site.topicState.topics.find((t) => t.id === before.id);
    if (now && now.slug !== before.slug) say(`  Renamed: ${topicUrl(before.slug)} → ${topicUrl(now.slug)} (${now.label}); the old URL will redirect`);
  }
  const retiredBefore = new Set(previous?.retired.map((t) => t.id) ?? []);
  for (const gone of site.topicState.retired.filter((t) => !retiredBefore.has(t.id))) {
    const where = gone.movedTo.map((m) => `${topics.get(m.id)?.label ?? m.id} (${Math.round(m.share * 100)}%)`).join(', ');
    say(`  Retired: ${gone.label} — ${topicUrl(gone.slug)} will point to ${where || 'the topic list'}`);
  }
  return site.topicState;
}

async function main(argv: readonly string[]): Promise<number> {
  const force = argv.includes('--force');
  const dryRun = argv.includes('--dry-run');
  const unknown = argv.filter((a) => a.startsWith('-') && !['--force', '--dry-run', '--help', '-h'].includes(a));
  const files = argv.filter((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    say(USAGE);
    return 0;
  }
  if (unknown.length > 0 || files.length === 0) {
    console.error(unknown.length > 0 ? `add: unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const dir = digestsDir();
  if (!existsSync(dir)) {
    console.error(`add: the digest folder ${dir} does not exist`);
    return 2;
  }
  const stored = await readDigestFiles(dir);
  const existing = stored.map((f) => parseDigest(f.name, f.bytes));
  const texts = new Map(stored.map((f) => [normalizeDigestText(new TextDecoder('utf-8').decode(f.bytes)), f.name]));
  const accepted = await review(files, existing, stored.map((f) => f.name), texts, force);
  if (accepted === null) {
    say(`Nothing was added to ${dir}.`);
    return 1;
  }
  const statePath = topicStatePath(dir);
  const previous = statePath === null ? null : await readTopicState(statePath);
  const state = await report(accepted, [...existing, ...accepted.map((a) => a.parsed)], previous);
  if (dryRun) {
    say(`\nDry run: nothing was written. Without --dry-run these would be added to ${dir}: ${accepted.map((a) => a.name).join(', ')}`);
    return 0;
  }

  const temps: string[] = [];
  const placed: string[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.all([...temps, ...placed].map((f) => rm(f, { force: true })));
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ready = [];
    for (const a of accepted) ready.push({ temp: await writeTemp(dir, a.name, a.text, temps), final: path.join(dir, a.name) });
    for (const { temp, final } of ready) {
      await placeNoClobber(temp, final);
      placed.push(final);
    }
  } catch (error) {
    await cleanUp();
    console.error(`add: ${(error as Error).message}. Nothing was added to ${dir}.`);
    return 2;
  } finally {
    await Promise.all(temps.map((f) => rm(f, { force: true })));
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  say(`\nAdded to ${dir}: ${accepted.map((a) => a.name).join(', ')}`);
  if (statePath !== null) {
    try {
      if (await writeTopicState(statePath, state)) say(`Updated the topic state ${displayPath(statePath)} (commit it with the digest).`);
    } catch (error) {
      say(`Note: could not update ${statePath} (${(error as Error).message}); the next build will.`);
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`add: ${error instanceof Error ? error.message : String(error)}. Nothing was added.`);
    process.exit(2);
  },
);
