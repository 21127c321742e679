/**
 * Integration: a new digest arrives. Builds the seed digests in a temporary folder, adds a sixth digest
 * (5 real papers from tests/fixtures/bench-sample that the seeds lack, plus 2 seed papers, saved with CRLF, a BOM and
 * trailing spaces) with `npm run add`'s script, rebuilds, and checks that every old URL still answers, the
 * new papers and digest have pages, and the feed has a new item. Also: bad files leave the folder untouched.
 * Two full builds: about a minute on a quiet machine.
 */
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeDigests } from '../src/pipeline/merge';
import { paperKey } from '../src/pipeline/normalize';
import { parseDigest } from '../src/pipeline/parse';
import { parseTopicState } from '../src/pipeline/topic-ids';
import { scratchDir } from '../scripts/scratch-dir.mjs';
import { SAMPLE_DIR, digestText, readDigests } from './digest-fixtures';

const root = path.resolve(__dirname, '..');
const seedDir = path.join(root, 'content', 'digests');

/** `count` real papers the seeds lack, from the two benchmark listings in tests/fixtures/bench-sample. */
function papersNotIn(known: ReadonlySet<string>, count: number, skip = 0): { title: string; abstract: string }[] {
  const entries = readDigests(SAMPLE_DIR).flatMap((d) => d.entries);
  return entries.filter((e) => !known.has(paperKey(e.title))).slice(skip, skip + count);
}

const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** The env of a child process working on a temporary digest folder (never the project's own state). */
function envFor(work: string, outDir?: string, cacheDir = path.join(work, 'cache')): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DIGESTS_DIR: path.join(work, 'digests'), ASTRO_CACHE_DIR: cacheDir };
  delete env.TOPICS_STATE;
  delete env.STRICT;
  if (outDir) env.ASTRO_OUT_DIR = outDir;
  return env;
}

/**
 * Builds the site from the temporary folder. Runs in that folder with `--root`: Astro puts its prerender
 * chunks in `<cwd>/.astro/` when the output folder is outside the working directory, and the project's own
 * `.astro/` is shared with whoever else is building; the folder links the project's node_modules (scratchDir) for
 * the prerender bundle's imports. Astro's incremental build is on (INCREMENTAL_BUILD=1), as
 * `npm run build -- --incremental` turns it on.
 */
function build(work: string, outDir: string, cacheDir?: string): BuildLog {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], {
    cwd: work,
    env: { ...envFor(work, outDir, cacheDir), INCREMENTAL_BUILD: '1' },
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return {
    pages: Number(/(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? Number.NaN),
    copied: (result.stdout.match(/\((?:restored|cached)\)/g) ?? []).length,
  };
}

/** Pages an `astro build` wrote, and how many of them its incremental cache copied instead of rendering. */
interface BuildLog {
  pages: number;
  copied: number;
}

function add(work: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(tsx, [path.join(root, 'scripts', 'add.ts'), ...args], { cwd: root, env: envFor(work), encoding: 'utf8', timeout: 120_000 });
}

/** `add` without blocking, so independent cases can run side by side. */
function addAsync(work: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [path.join(root, 'scripts', 'add.ts'), ...args], { cwd: root, env: envFor(work), encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Every file under a folder (hidden ones included), by relative path, with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
      .map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** Names of the sub-folders of a built section (`papers`, `topics`, …). */
const pagesOf = (dist: string, section: string): string[] =>
  readdirSync(path.join(dist, section), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dist, section, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();

describe('adding a digest and rebuilding', () => {
  const work = scratchDir('add-rebuild-');
  const digests = path.join(work, 'digests');
  const dist1 = path.join(work, 'dist1');
  const dist2 = path.join(work, 'dist2');
  const dist3 = path.join(work, 'dist3');
  const dist4 = path.join(work, 'dist4');
  let logs: BuildLog[] = [];
  let fresh: { title: string; abstract: string }[] = [];
  let old: { title: string; abstract: string }[] = [];
  let addOutput = '';
  let addedName = '';
  let stateAfterAdd = '';

  beforeAll(() => {
    mkdirSync(digests);
    for (const name of readdirSync(seedDir).filter((n) => n.endsWith('.txt'))) cpSync(path.join(seedDir, name), path.join(digests, name));
    // Five real papers the seeds lack, and two they have.
    const seeds = readdirSync(digests).sort().map((n) => parseDigest(n, readFileSync(path.join(digests, n))));
    const known = new Set(mergeDigests(seeds).papers.map((p) => p.key));
    fresh = papersNotIn(known, 5);
    old = [seeds[1]?.entries[2], seeds[4]?.entries[7]].filter((e) => e !== undefined);
    expect(fresh).toHaveLength(5);
    expect(old).toHaveLength(2);
    const entries = [fresh[0], old[0], fresh[1], fresh[2], old[1], fresh[3], fresh[4]].map((e) => ({ title: `${e?.title}  `, abstract: `${e?.abstract ?? ''}\t` }));
    const text = `\uFEFF${digestText({ entries, eol: '\r\n' })}`;
    writeFileSync(path.join(work, 'incoming.txt'), text);

    const first = build(work, dist1);
    const result = add(work, path.join(work, 'incoming.txt'));
    addOutput = `${result.stdout}\n${result.stderr}`;
    expect(result.status, addOutput).toBe(0);
    addedName = readdirSync(digests).find((n) => n.startsWith('005_')) ?? '';
    stateAfterAdd = readFileSync(path.join(work, 'topics.json'), 'utf8');
    const rebuilt = build(work, dist2);
    // The same input again: with the kept cache (nothing to render), and clean (a fresh cache folder that holds
    // only the state the rebuild left: the related papers and key terms each paper showed).
    const unchanged = build(work, dist3);
    mkdirSync(path.join(work, 'cache-clean'));
    cpSync(path.join(work, 'cache', 'paper-lists.json'), path.join(work, 'cache-clean', 'paper-lists.json'));
    const clean = build(work, dist4, path.join(work, 'cache-clean'));
    logs = [first, rebuilt, unchanged, clean];
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

  it('stores the digest normalized under the next arrival name, with no temp file left', () => {
    expect(addedName).toMatch(/^005_[0-9a-f]{16}\.txt$/);
    const stored = readFileSync(path.join(digests, addedName), 'utf8');
    expect(stored.startsWith('new\n\nGet trending')).toBe(true);
    expect(stored).not.toMatch(/\r|[ \t]$/m);
    expect(addedName.slice(4, 20)).toBe(createHash('sha256').update(stored).digest('hex').slice(0, 16));
    expect(readdirSync(digests).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reports the new papers and the topics they fall into', () => {
    for (const e of fresh) expect(addOutput).toContain(`+ ${e.title}`);
    for (const e of old) expect(addOutput).not.toContain(`+ ${e.title}`);
    expect(addOutput).toMatch(/7 papers, 5 new, 2 already listed/);
    expect(addOutput).toMatch(/After the next build the 5 new papers fall into these topics:\n +\d+ {2}\S.*\/topics\/[^/\s]+\//);
  });

  it('keeps every old paper URL', () => {
    const before = pagesOf(dist1, 'papers');
    const after = new Set(pagesOf(dist2, 'papers'));
    expect(before.length).toBeGreaterThan(390);
    expect(before.filter((slug) => !after.has(slug))).toEqual([]);
    expect(after.size).toBe(before.length + 5);
  });

  it('keeps every old topic URL answering, with the topic itself or a page pointing to where its papers went', () => {
    const live = new Set(pagesOf(dist2, 'topics'));
    for (const slug of pagesOf(dist1, 'topics')) {
      expect(live.has(slug), `/topics/${slug}/`).toBe(true);
      const html = readFileSync(path.join(dist2, 'topics', slug, 'index.html'), 'utf8');
      const redirect = /data-topic-redirect="(\w+)"/.exec(html);
      if (redirect) {
        const targets = [...html.matchAll(/href="\/topics\/([^/"]+)\/"/g)].map((m) => m[1] ?? '');
        expect(targets.length, `/topics/${slug}/ points somewhere`).toBeGreaterThan(0);
        for (const target of targets) expect(html.includes('data-topic-redirect') && existsSync(path.join(dist2, 'topics', target, 'index.html'))).toBe(true);
      }
    }
  });

  it('keeps every old area URL answering, with the area itself or a page pointing to where its topics went', () => {
    const live = new Set(pagesOf(dist2, 'areas'));
    expect(pagesOf(dist1, 'areas').length).toBeGreaterThan(0);
    for (const slug of pagesOf(dist1, 'areas')) {
      expect(live.has(slug), `/areas/${slug}/`).toBe(true);
      const html = readFileSync(path.join(dist2, 'areas', slug, 'index.html'), 'utf8');
      if (html.includes('data-topic-redirect')) {
        const targets = [...html.matchAll(/href="\/areas\/([^/"]+)\/"/g)].map((m) => m[1] ?? '');
        expect(targets.length, `/areas/${slug}/ points somewhere`).toBeGreaterThan(0);
        for (const target of targets) expect(existsSync(path.join(dist2, 'areas', target, 'index.html'))).toBe(true);
      }
    }
  });

  it('records the topics in the state file next to the digest folder; the add already wrote what the build found', () => {
    const text = readFileSync(path.join(work, 'topics.json'), 'utf8');
    expect(text).toBe(stateAfterAdd);
    const state = parseTopicState(text);
    const built = pagesOf(dist2, 'topics');
    for (const t of state.topics) expect(built).toContain(t.slug);
    const paperCount = state.topics.reduce((n, t) => n + t.papers.length, 0);
    expect(paperCount).toBe(pagesOf(dist2, 'papers').length);
    // The areas: every live topic in exactly one, every area with a page.
    expect(state.areas?.areas.flatMap((a) => a.topics).sort()).toEqual(state.topics.map((t) => t.id).sort());
    for (const a of state.areas?.areas ?? []) expect(pagesOf(dist2, 'areas')).toContain(a.slug);
  });

  it('gives the new papers pages and lists them on the new digest page', () => {
    const corpus = mergeDigests(readdirSync(digests).sort().map((n) => parseDigest(n, readFileSync(path.join(digests, n)))));
    const slugOf = new Map(corpus.papers.map((p) => [p.key, p.slug]));
    const page = readFileSync(path.join(dist2, 'digests', addedName.replace(/\.txt$/, ''), 'index.html'), 'utf8');
    expect(page).toContain('Listing of Mar 30');
    expect(page).toMatch(/7 papers, 5 new/);
    for (const e of [...fresh, ...old]) {
      const slug = slugOf.get(paperKey(e.title)) ?? '';
      expect(existsSync(path.join(dist2, 'papers', slug, 'index.html')), slug).toBe(true);
      expect(page).toContain(`href="/papers/${slug}/"`);
    }
    expect((page.match(/Seen before/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('indexes the new papers for search', () => {
    const pages = (dist: string) =>
      (JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
        .languages;
    const count = (dist: string) => Object.values(pages(dist)).reduce((n, l) => n + l.page_count, 0);
    // Five new paper pages at least (new key terms may add term pages too).
    expect(count(dist2) - count(dist1)).toBeGreaterThanOrEqual(5);
    const corpus = mergeDigests(readdirSync(digests).sort().map((n) => parseDigest(n, readFileSync(path.join(digests, n)))));
    const slugOf = new Map(corpus.papers.map((p) => [p.key, p.slug]));
    for (const e of fresh) {
      const html = readFileSync(path.join(dist2, 'papers', slugOf.get(paperKey(e.title)) ?? '', 'index.html'), 'utf8');
      expect(html).toContain('data-pagefind-body');
    }
  });

  it('rebuilds incrementally to exactly what a clean build of the same input and state gives, rendering few pages', () => {
    const [first, rebuilt, unchanged, clean] = logs as [BuildLog, BuildLog, BuildLog, BuildLog];
    expect(first.copied).toBe(0);
    expect(clean.copied).toBe(0);
    expect(rebuilt.pages).toBe(clean.pages);
    // Five new papers among 398: papers keep their related papers and key terms unless the change is clear, and term
    // pages their chart, so under a third of the pages are rendered again.
    expect(rebuilt.pages - rebuilt.copied).toBeLessThan(rebuilt.pages / 3);
    // Nothing changed: every paper, term, topic (and numbered topic page), area and digest page is copied from the
    // previous build, not rendered (old topic and area URLs' redirect pages have no key).
    const live = (section: string) =>
      pagesOf(dist4, section).filter((slug) => !readFileSync(path.join(dist4, section, slug, 'index.html'), 'utf8').includes('data-topic-redirect'));
    const liveTopics = live('topics');
    const numbered = liveTopics.flatMap((slug) => pagesOf(path.join(dist4, 'topics'), slug));
    const keyed =
      pagesOf(dist4, 'papers').length + pagesOf(dist4, 'terms').length + liveTopics.length + numbered.length + live('areas').length + pagesOf(dist4, 'digests').length;
    expect(unchanged.copied).toBe(keyed);
    const incremental = snapshot(dist2);
    expect(Object.keys(incremental).length).toBeGreaterThan(1000);
    expect(snapshot(dist3)).toEqual(incremental);
    expect(snapshot(dist4)).toEqual(incremental);
  });

  it('adds an item for the new digest at the top of the RSS feed', () => {
    const itemsBefore = readFileSync(path.join(dist1, 'rss.xml'), 'utf8').match(/<item>/g) ?? [];
    const feed = readFileSync(path.join(dist2, 'rss.xml'), 'utf8');
    const items = feed.match(/<item>[\s\S]*?<\/item>/g) ?? [];
    expect(items).toHaveLength(itemsBefore.length + 1);
    const first = items[0] ?? '';
    expect(first).toContain('<title>Listing of Mar 30</title>');
    expect(first).toContain(`/digests/${addedName.replace(/\.txt$/, '')}/</link>`);
    expect(first).toMatch(/<guid isPermaLink="true">[^<]*\/digests\/005_/);
    expect(first).toContain('7 papers, 5 new.');
  });
});

describe.concurrent('adding a bad file', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'add-bad-'));
  const inputs = mkdtempSync(path.join(tmpdir(), 'add-bad-inputs-'));
  const digests = path.join(work, 'digests');
  mkdirSync(digests);
  for (const name of readdirSync(seedDir).filter((n) => n.endsWith('.txt'))) cpSync(path.join(seedDir, name), path.join(digests, name));
  writeFileSync(path.join(work, 'topics.json'), '{ "version": 1, "topics": [], "retired": [] }\n');
  const before = snapshot(work);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(inputs, { recursive: true, force: true });
  }, 60_000);

  const cases: [string, Uint8Array | string][] = [
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['header-only', digestText({ entries: [] })],
    ['empty', ''],
    ['already-added', readFileSync(path.join(seedDir, readdirSync(seedDir).sort()[2] ?? ''))],
  ];
  for (const [what, content] of cases) {
    it(`refuses a ${what} file, exits non-zero and leaves the folder byte for byte unchanged`, async () => {
      const file = path.join(inputs, `${what}.txt`);
      writeFileSync(file, content);
      const result = await addAsync(work, file);
      expect(result.status, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toMatch(/refused/);
      expect(result.stdout).toContain('Nothing was added');
      expect(snapshot(work)).toEqual(before);
    });
  }

  it('adds nothing when one file of several is bad (all or nothing)', async () => {
    const good = path.join(inputs, 'good.txt');
    const seeds = readdirSync(seedDir).sort().map((n) => parseDigest(n, readFileSync(path.join(seedDir, n))));
    writeFileSync(good, digestText({ entries: papersNotIn(new Set(mergeDigests(seeds).papers.map((p) => p.key)), 8, 10) }));
    const bad = path.join(inputs, 'bad.txt');
    writeFileSync(bad, 'Subscribe\n');
    const result = await addAsync(work, good, bad);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/bad\.txt: refused/);
    expect(result.stdout).not.toMatch(/good\.txt: refused|Added to/);
    expect(snapshot(work)).toEqual(before);
  });
});
