/** File I/O for digests: which folder to read and the raw bytes of every `*.txt` in it. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { siteConfig } from '../site-config.ts';

/** One digest file as read from disk. */
export interface DigestFile {
  /** File name, e.g. `000_28a33428ee26f5b1.txt`. */
  name: string;
  /** Absolute path. */
  path: string;
  /** Raw bytes (decoding is the parser's job, so bad bytes get a message with a line). */
  bytes: Uint8Array;
}

/** The digest folder: `setting` (a path, relative to the project root) when given, else `content/digests` under the root. */
export function resolveDigestsDir(root: string, setting?: string): string {
  return setting ? path.resolve(root, setting) : path.join(root, 'content', 'digests');
}

/** The digest folder of the scripts: the configured one (`DIGESTS_DIR`), else `content/digests` under the project root. */
export function digestsDir(root: string = process.cwd()): string {
  return resolveDigestsDir(root, siteConfig.build.digestsDir ?? undefined);
}

/** Reads every `*.txt` file of a folder, sorted by name (arrival order). */
export async function readDigestFiles(dir: string): Promise<DigestFile[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => {
      const full = path.join(dir, name);
      return { name, path: full, bytes: new Uint8Array(await readFile(full)) };
    }),
  );
}
