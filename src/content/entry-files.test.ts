/** Entry files: entries written in numbered files come back by id; other loads' files of a collection go. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ENTRIES_PER_FILE, entryFilesDir, entryFilesExist, readEntryFiles, writeEntryFiles } from './entry-files';

const tmp = mkdtempSync(path.join(tmpdir(), 'entry-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `n` entries with ids p0, p1, … and a little nested data each. */
const entries = (n: number) => Array.from({ length: n }, (_, i) => [`p${i}`, { slug: `s-${i}`, terms: [{ term: `t${i % 7}` }], related: [] }] as const);

describe('entry files', () => {
  test('entries are split into files of ENTRIES_PER_FILE, each entry named with its file, and read back by id unchanged', async () => {
    const dir = entryFilesDir(path.join(tmp, 'a'));
    const written = entries(ENTRIES_PER_FILE * 2 + 3);
    const files = await writeEntryFiles(dir, 'papers', 'fingerprint-1', written);
    expect(files).toHaveLength(written.length);
    expect(new Set(files).size).toBe(3);
    expect(files[ENTRIES_PER_FILE - 1]).toBe(files[0]);
    expect(files[ENTRIES_PER_FILE]).not.toBe(files[0]);
    expect(readdirSync(dir)).toHaveLength(3);
    const read = await readEntryFiles(files);
    expect([...read.entries()]).toEqual(written.map(([id, data]) => [id, data]));
    expect(await entryFilesExist(files)).toBe(true);
  });

  test("a new load removes the collection's files of other loads, and leaves the other collection's", async () => {
    const dir = entryFilesDir(path.join(tmp, 'b'));
    const old = await writeEntryFiles(dir, 'papers', 'fingerprint-1', entries(5));
    const terms = await writeEntryFiles(dir, 'terms', 'fingerprint-1', entries(4));
    const now = await writeEntryFiles(dir, 'papers', 'fingerprint-2', entries(6));
    expect(now[0]).not.toBe(old[0]);
    expect(await entryFilesExist(old)).toBe(false);
    expect(await entryFilesExist(now)).toBe(true);
    expect(await entryFilesExist(terms)).toBe(true);
    expect((await readEntryFiles(now)).size).toBe(6);
  });

  test('a missing file is reported as missing (a cleared cache folder), and an empty collection writes no file', async () => {
    const dir = entryFilesDir(path.join(tmp, 'c'));
    expect(await writeEntryFiles(dir, 'terms', 'fp', [])).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    const files = await writeEntryFiles(dir, 'terms', 'fp', entries(2));
    rmSync(files[0] as string);
    expect(await entryFilesExist(files)).toBe(false);
    writeFileSync(path.join(dir, 'unrelated.json'), '[]');
    await writeEntryFiles(dir, 'terms', 'fp2', entries(1));
    expect(readdirSync(dir)).toContain('unrelated.json');
  });
});
