/** The token cache file: round trip, only the texts used are kept, a stale or broken file is ignored. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze } from '../pipeline/analyze';
import { inProcessPass } from '../pipeline/paper-pass';
import { tokenize } from '../pipeline/tokenize';
import { readDigests } from '../../tests/digest-fixtures';
import { loadTokenCache, saveTokenCache, textKey, TOKEN_CACHE_NAME, tokenCachePath } from './token-cache';

const dir = mkdtempSync(path.join(tmpdir(), 'token-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const A = 'Mixture-of-Experts (MoE) layers route tokens to experts.';
const B = 'we fine-tune LLaMA-7B with LoRA';
const C = "A bird's-eye view of 3DGS.";

/** A cache file (pipeline `p1`) written by a build that tokenized A, as the loader does: a miss, then set. */
async function savedWithA(name: string): Promise<string> {
  const file = path.join(dir, name);
  const cache = await loadTokenCache(file, 'p1');
  cache.get(A);
  cache.set(A, tokenize(A));
  await saveTokenCache(file, 'p1', cache);
  return file;
}

describe('token cache file', () => {
  test('path: a file in the cache folder', () => {
    expect(tokenCachePath('/x/node_modules/.astro')).toBe(path.join('/x/node_modules/.astro', TOKEN_CACHE_NAME));
    expect(textKey(A)).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(textKey(A)).not.toBe(textKey(B));
  });

  test('a missing file gives an empty cache', async () => {
    const cache = await loadTokenCache(path.join(dir, 'missing', 'tokens.json'), 'p1');
    expect(cache.loaded).toBe(0);
    expect(cache.get(A)).toBeUndefined();
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 0, misses: 1 });
  });

  test('round trip: tokens saved are read back equal; only the texts used are saved again', async () => {
    const file = path.join(dir, 'sub', 'tokens.json');
    const first = await loadTokenCache(file, 'p1');
    for (const text of [A, B]) first.set(text, tokenize(text));
    expect(first.changed).toBe(true);
    await saveTokenCache(file, 'p1', first);
    expect(readdirSync(path.dirname(file))).toEqual(['tokens.json']); // the temporary file was renamed

    const second = await loadTokenCache(file, 'p1');
    expect(second.loaded).toBe(2);
    expect(second.get(A)).toEqual(tokenize(A));
    expect(second.get(C)).toBeUndefined();
    second.set(C, tokenize(C));
    expect({ hits: second.hits, misses: second.misses, changed: second.changed }).toEqual({ hits: 1, misses: 1, changed: true });
    await saveTokenCache(file, 'p1', second);

    // B was not used by the second build: dropped. A and C kept.
    const third = await loadTokenCache(file, 'p1');
    expect(third.loaded).toBe(2);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries).sort()).toEqual(
      [textKey(A), textKey(C)].sort(),
    );
    expect(third.get(B)).toBeUndefined();
    expect(third.get(C)).toEqual(tokenize(C));
    expect(third.get(A)).toEqual(tokenize(A));
    expect({ hits: third.hits, misses: third.misses }).toEqual({ hits: 2, misses: 1 });
  });

  test('all hits and nothing dropped: unchanged, no need to save', async () => {
    const file = await savedWithA('same.json');
    const again = await loadTokenCache(file, 'p1');
    again.get(A);
    expect(again.changed).toBe(false);
  });

  test('a cache written by another pipeline version, another format or a broken file is ignored', async () => {
    const file = await savedWithA('stale.json');
    expect((await loadTokenCache(file, 'p1')).loaded).toBe(1);
    const stale = await loadTokenCache(file, 'p2');
    expect(stale.loaded).toBe(0);
    expect(stale.get(A)).toBeUndefined();

    const data = JSON.parse(readFileSync(file, 'utf8')) as { format: number };
    writeFileSync(file, JSON.stringify({ ...data, format: 99 }));
    expect((await loadTokenCache(file, 'p1')).loaded).toBe(0);
    writeFileSync(file, '{"format":1,"pipeline":"p1","entries":{');
    expect((await loadTokenCache(file, 'p1')).loaded).toBe(0);
    writeFileSync(file, 'null');
    expect((await loadTokenCache(file, 'p1')).loaded).toBe(0);
  });

  test('a malformed entry is a miss, not an error', async () => {
    const file = path.join(dir, 'bad-entry.json');
    writeFileSync(file, JSON.stringify({ format: 1, pipeline: 'p1', entries: { [textKey(A)]: ['x', 'y'], [textKey(B)]: [null, 'Ā', ''] } }));
    const cache = await loadTokenCache(file, 'p1');
    expect(cache.loaded).toBe(2);
    expect(cache.get(A)).toBeUndefined();
    expect(cache.get(B)).toBeUndefined(); // half a token code
    expect(cache.misses).toBe(2);
  });

  test('the seed analysis through the file: warm output equals the analysis without a cache', async () => {
    const seed = () => readDigests();
    const file = path.join(dir, 'seed.json');
    const plain = analyze(seed());
    const cold = await loadTokenCache(file, 'p1');
    expect(analyze(seed(), { perPaper: inProcessPass(cold) })).toEqual(plain);
    expect({ hits: cold.hits, misses: cold.misses }).toEqual({ hits: 0, misses: 796 });
    await saveTokenCache(file, 'p1', cold);
    const warm = await loadTokenCache(file, 'p1');
    expect(warm.loaded).toBe(796);
    expect(analyze(seed(), { perPaper: inProcessPass(warm) })).toEqual(plain);
    expect({ hits: warm.hits, misses: warm.misses, changed: warm.changed }).toEqual({ hits: 796, misses: 0, changed: false });
  });
});
