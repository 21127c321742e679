/**
 * Atomic file writes for the files a build keeps between builds (topic state, carried lists, token cache): a
 * temporary file beside the target renamed over it, so an interrupted build never leaves half a file behind.
 */
// Imports name their .ts files so astro.config.mjs can load modules that use this with Node's own type stripping.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `text` to `file` atomically (temp file + rename), creating its folder. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Writes `text` to `file` atomically unless the file already holds exactly it; returns whether it wrote. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return false;
  await writeAtomic(file, text);
  return true;
}
