/**
 * Integration: builds the search index of a small site twice with the Pagefind binary, as one index and in three
 * shards (a tiny shard size and chunk size force shards and many chunks), serves both, and runs Pagefind's own
 * browser code (`pagefind.js` with its WebAssembly, in Node) on them as the site does: merged shards must find
 * exactly the pages one index finds. A word only one shard holds must not pull loose prefix matches from the others
 * (as it did: `graphraft` found the `graph` pages of the shards without it), while a word all shards hold still
 * merges their pages. Also: every shard holds the same words in the same chunks as the one index, and a second
 * build is byte-identical. A few seconds.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from './pagefind';
import { readIndexWords, readMetaChunks, unpackFile } from './pagefind-format';

/** Paper pages, dealt to the shards in sort order: p0, p3, p6 → shard 0; p1, p4 → shard 1; p2, p5 → shard 2. */
const PAPERS = [
  'Graphraft: rafting graphs for zebra routing',
  'Graph neural networks for routing',
  'Spectral graph methods for a sub task',
  'Subconstraint solving in planners',
  'Meaning of mean fields in physics',
  'Tokamak plasma control',
  'Sublinear routing tables',
];

/** Queries whose results must not depend on sharding: words in one shard, in all, in none, prefixes, several words. */
const QUERIES = [
  'graph',
  'graphraft',
  'graphraftx',
  'zebra routing',
  'routing',
  'subconstraint',
  'subconstraints',
  'sub',
  'mean-payoff',
  'meaning',
  'tokamak',
  'graph zebra',
  'planner routing',
  'zzz',
  'spectral tokamak',
];

const work = mkdtempSync(path.join(tmpdir(), 'shard-vocabulary-'));
const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as AstroIntegrationLogger;

/** Writes the fixture's pages into a site folder. */
function writeSite(dir: string): void {
  PAPERS.forEach((title, i) => {
    const file = path.join(dir, 'papers', `p${i}`, 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    const body = `<main data-pagefind-body><article data-pagefind-sort="order:${String(i).padStart(6, '0')}"><h1>${title}</h1><p>${title}.</p></article></main>`;
    writeFileSync(file, `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`);
  });
}

/** Serves a folder over HTTP (Pagefind fetches its files by URL) on a free port. */
async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    try {
      const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(dir)) throw new Error('outside');
      res.end(readFileSync(file));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, base: `http://127.0.0.1:${address.port}` };
}

interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/** Pagefind opened on a served site as src/client/pagefind-open.ts does: the primary bundle, then each shard merged. */
async function openSite(site: string, base: string): Promise<PagefindInstance> {
  const module = (await import(/* @vite-ignore */ pathToFileURL(path.join(site, 'pagefind', 'pagefind.js')).href)) as {
    createInstance(o: { basePath: string }): PagefindInstance;
  };
  const pagefind = module.createInstance({ basePath: `${base}/pagefind/` });
  await pagefind.init();
  const manifest = JSON.parse(readFileSync(path.join(site, 'pagefind', 'shards.json'), 'utf8')) as { shards: { path: string; indexWeight: number }[] };
  for (const shard of manifest.shards) await pagefind.mergeIndex(`${base}/pagefind/${shard.path}`, { indexWeight: shard.indexWeight });
  return pagefind;
}

/** The pages a query finds, as sorted paths. */
async function found(pagefind: PagefindInstance, query: string): Promise<string[]> {
  const { results } = await pagefind.search(query);
  const urls = await Promise.all(results.map(async (r) => new URL((await r.data()).url, 'http://x').pathname));
  return urls.sort();
}

/** Every bundle's meta chunk ranges and words, per bundle. */
function bundleIndex(bundle: string): { ranges: string[]; words: string[] } {
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
  const metaFile = `pagefind.${entry.languages.en.hash}.pf_meta`;
  const chunks = readMetaChunks(unpackFile(readFileSync(path.join(bundle, metaFile)), metaFile));
  const words = chunks.flatMap((c) => readIndexWords(unpackFile(readFileSync(path.join(bundle, 'index', `${c.hash}.pf_index`)), c.hash)).map((w) => w.word));
  // Every chunk file the meta file names exists, and no other is left.
  expect(readdirSync(path.join(bundle, 'index')).sort()).toEqual(chunks.map((c) => `${c.hash}.pf_index`).sort());
  return { ranges: chunks.map((c) => `${c.from}…${c.to}`), words };
}

/** A sha1 per file of a folder, by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha1').update(readFileSync(file)).digest('hex');
  }
  return out;
}

const one = path.join(work, 'one');
const sharded = path.join(work, 'sharded');
const again = path.join(work, 'again');
const servers: Server[] = [];
let single: PagefindInstance;
let merged: PagefindInstance;
const chunkSizeBefore = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];

beforeAll(async () => {
  // Small chunks, so that the words are spread over many and a query word's chunk matters.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = '6';
  for (const dir of [one, sharded, again]) writeSite(dir);
  await buildSearchIndex(one, logger, { shardPages: 1000 });
  await buildSearchIndex(sharded, logger, { shardPages: 3 });
  await buildSearchIndex(again, logger, { shardPages: 3 });
  const [a, b] = await Promise.all([serve(one), serve(sharded)]);
  servers.push(a.server, b.server);
  single = await openSite(one, a.base);
  merged = await openSite(sharded, b.base);
}, 120_000);

afterAll(() => {
  for (const server of servers) server.close();
  if (chunkSizeBefore === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = chunkSizeBefore;
  rmSync(work, { recursive: true, force: true });
});

describe('search shards sharing one vocabulary', () => {
  it('builds three shards', () => {
    expect(JSON.parse(readFileSync(path.join(sharded, 'pagefind', 'shards.json'), 'utf8'))).toMatchObject({ shards: [{ path: 'shard-1/' }, { path: 'shard-2/' }] });
    expect(JSON.parse(readFileSync(path.join(one, 'pagefind', 'shards.json'), 'utf8'))).toEqual({ shards: [] });
  });

  it('gives every shard the words and chunk ranges of the one index', () => {
    const reference = bundleIndex(path.join(one, 'pagefind'));
    expect(reference.ranges.length).toBeGreaterThan(3);
    for (const bundle of ['', 'shard-1', 'shard-2']) expect(bundleIndex(path.join(sharded, 'pagefind', bundle))).toEqual(reference);
  });

  it('finds a word one shard holds only there, without loose prefix matches from the other shards', async () => {
    expect(await found(merged, 'graphraft')).toEqual(['/papers/p0/']);
    expect(await found(merged, 'subconstraint')).toEqual(['/papers/p3/']);
    expect(await found(merged, 'zebra routing')).toEqual(['/papers/p0/']);
  });

  it('still merges the matches of a word every shard holds', async () => {
    expect(await found(merged, 'graph')).toEqual(['/papers/p0/', '/papers/p1/', '/papers/p2/']);
    expect(await found(merged, 'routing')).toEqual(['/papers/p0/', '/papers/p1/', '/papers/p6/']);
  });

  it('finds exactly what one index finds, query by query', async () => {
    for (const query of QUERIES) expect(await found(merged, query), query).toEqual(await found(single, query));
  });

  it('writes the same bundle on a second build', () => {
    expect(tree(path.join(again, 'pagefind'))).toEqual(tree(path.join(sharded, 'pagefind')));
  });
});
