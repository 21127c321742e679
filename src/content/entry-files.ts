/**
 * The full entries of the two large collections (papers and terms) as numbered JSON files in Astro's cache
 * folder, written by the loader and read by the pages (`src/lib/site.ts`). Their content-store entries keep only
 * the name of their file, because Astro turns the whole content store into one module of the build (bundled as
 * a JSON string, parsed into a flat array and then into entries), so a large store is held several times over
 * in the build's process; read from these files, the pages hold the corpus once.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Which collections keep their entries in files. */
export type FileCollection = 'papers' | 'terms';

/** Entries per file: small enough for one JSON string to stay far below V8's string limit, few files per build. */
export const ENTRIES_PER_FILE = 2_000;

/** The folder of the entry files in Astro's cache folder (absolute). */
export function entryFilesDir(cacheDir: string): string {
  return path.join(cacheDir, 'site-entries');
}

/** The files of one load of a collection: `<kind>-<hash of the inputs' fingerprint>-<n>.json`. */
function filePrefix(kind: FileCollection, fingerprint: string): string {
  return `${kind}-${createHash('sha1').update(fingerprint).digest('hex').slice(0, 12)}-`;
}

/**
 * Writes a collection's entries ([id, data] pairs, in order) into numbered files of {@link ENTRIES_PER_FILE} each,
 * removes that collection's files of other loads, and gives each entry's file (absolute path), in order.
 */
export async function writeEntryFiles(dir: string, kind: FileCollection, fingerprint: string, entries: readonly (readonly [string, unknown])[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const prefix = filePrefix(kind, fingerprint);
  const files: string[] = [];
  for (let start = 0, n = 0; start < entries.length; start += ENTRIES_PER_FILE, n += 1) {
    const file = path.join(dir, `${prefix}${String(n).padStart(4, '0')}.json`);
    const part = entries.slice(start, start + ENTRIES_PER_FILE);
    await writeFile(file, JSON.stringify(part));
    for (let i = 0; i < part.length; i += 1) files.push(file);
  }
  const written = new Set(files.map((f) => path.basename(f)));
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${kind}-`) && !written.has(name)) await rm(path.join(dir, name), { force: true });
  }
  return files;
}

/** Whether every file named exists (a cache folder cleared since the store was saved has none). */
export async function entryFilesExist(files: Iterable<string>): Promise<boolean> {
  for (const file of new Set(files)) {
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) return false;
  }
  return true;
}

/** Reads the entries of the files named (each file once), by id. */
export async function readEntryFiles<T>(files: Iterable<string>): Promise<Map<string, T>> {
  const byId = new Map<string, T>();
  for (const file of new Set(files)) {
    const part = JSON.parse(await readFile(file, 'utf8')) as [string, T][];
    for (const [id, data] of part) byId.set(id, data);
  }
  return byId;
}
