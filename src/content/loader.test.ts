/** The digest source: one analysis shared by the five collections, reuse when nothing changed, options per source. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, test } from 'vitest';
import { SEED_DIR } from '../../tests/digest-fixtures';
import { digestSource, type CollectionKind, type DigestSourceOptions } from './loader';

const KINDS: CollectionKind[] = ['papers', 'digests', 'topics', 'terms', 'corpus'];
const tmp = mkdtempSync(path.join(tmpdir(), 'digest-source-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project root with the first two seed digests in `digests/` (and, with `bad`, a file without a single pair). */
function project(name: string, bad = false): string {
  const root = path.join(tmp, name);
  const dir = path.join(root, 'digests');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort().slice(0, 2)) {
    copyFileSync(path.join(SEED_DIR, file), path.join(dir, file));
  }
  if (bad) writeFileSync(path.join(dir, '999_broken.txt'), 'nothing to read here\n');
  return root;
}

/** A loader context of one collection: an in-memory store and meta store, a logger that keeps its lines. */
function context(root: string, log: string[]) {
  const entries = new Map<string, { id: string; data: Record<string, unknown> }>();
  const meta = new Map<string, string>();
  const ctx = {
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${path.join(root, 'cache')}/`) },
    store: {
      clear: () => entries.clear(),
      set: (entry: { id: string; data: Record<string, unknown> }) => entries.set(entry.id, entry),
      get: (id: string) => entries.get(id),
      keys: () => [...entries.keys()],
    },
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => meta.set(key, value) },
    logger: { info: (line: string) => log.push(`info ${line}`), warn: (line: string) => log.push(`warn ${line}`), error: (line: string) => log.push(`error ${line}`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) => JSON.stringify(data).length.toString(36),
  };
  return { ctx: ctx as unknown as LoaderContext, entries };
}

/** Loads the five collections of one build side by side. */
async function build(options: DigestSourceOptions, contexts: Record<CollectionKind, LoaderContext>, source = digestSource(options)) {
  await Promise.all(KINDS.map((kind) => source.loader(kind).load(contexts[kind])));
  return source;
}

describe('digestSource', () => {
  test('one analysis per build for the five collections; a build with unchanged inputs reuses the stored entries', async () => {
    const root = project('shared');
    const log: string[] = [];
    const made = Object.fromEntries(KINDS.map((kind) => [kind, context(root, log)])) as Record<CollectionKind, ReturnType<typeof context>>;
    const contexts = Object.fromEntries(KINDS.map((kind) => [kind, made[kind].ctx])) as Record<CollectionKind, LoaderContext>;
    const options = { digestsDir: 'digests', topicState: 'off' };
    const source = await build(options, contexts);
    const analyses = () => log.filter((line) => line.startsWith('info Tokens:')).length;
    expect(analyses()).toBe(1);
    const corpus = made.corpus.entries.get('corpus')?.data as { digests: number; papers: number };
    expect(corpus.digests).toBe(2);
    expect(made.papers.entries.size).toBe(corpus.papers);
    expect(made.digests.entries.size).toBe(2);
    expect(made.topics.entries.size).toBeGreaterThan(0);
    expect(made.terms.entries.size).toBeGreaterThan(0);

    // The next build: every collection keeps its entries, nothing is analysed again.
    await build(options, contexts, source);
    expect(analyses()).toBe(1);
    expect(log.filter((line) => line.includes('reusing the stored analysis'))).toHaveLength(1);
    expect(made.papers.entries.size).toBe(corpus.papers);
    // The topic-id file is off: nothing written next to the folder.
    expect(existsSync(path.join(root, 'topics.json'))).toBe(false);

    // Papers and terms store their entry files, which hold the full entries; once those files are gone (a cleared
    // cache folder), the next build analyses again to write them.
    const paperFile = (made.papers.entries.values().next().value?.data as { file: string }).file;
    expect(existsSync(paperFile)).toBe(true);
    expect(path.dirname(paperFile)).toBe(path.join(root, 'cache', 'site-entries'));
    rmSync(path.dirname(paperFile), { recursive: true });
    await build(options, contexts, source);
    expect(analyses()).toBe(2);
    expect(existsSync(paperFile)).toBe(true);
  }, 60_000);

  test('options belong to their source: side by side on one folder, only the strict one fails; the topic-id file goes where asked', async () => {
    const root = project('strict', true);
    const lenientLog: string[] = [];
    const strictLog: string[] = [];
    const lenient = Object.fromEntries(KINDS.map((kind) => [kind, context(root, lenientLog).ctx])) as Record<CollectionKind, LoaderContext>;
    const strict = Object.fromEntries(KINDS.map((kind) => [kind, context(root, strictLog).ctx])) as Record<CollectionKind, LoaderContext>;
    const [lenientBuild, strictBuild] = await Promise.allSettled([
      build({ digestsDir: 'digests', topicState: 'ids/topics.json' }, lenient),
      build({ digestsDir: 'digests', topicState: 'ids/topics.json', strict: true }, strict),
    ]);
    expect(lenientBuild.status).toBe('fulfilled');
    expect(strictBuild.status).toBe('rejected');
    expect(String((strictBuild as PromiseRejectedResult).reason)).toMatch(/Strict mode: 2 problem\(s\) in the digests of .*digests/);
    expect(lenientLog.filter((line) => line.startsWith('warn 999_broken.txt'))).toHaveLength(2);
    expect(existsSync(path.join(root, 'ids', 'topics.json'))).toBe(true);
  }, 60_000);
});
