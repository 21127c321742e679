/**
 * File I/O for the carried lists (src/pipeline/carried-lists.ts): the related papers and key terms each paper
 * showed, kept in Astro's cache folder next to the incremental build's pages, and used only by incremental builds
 * (they exist to leave those pages unchanged). Clearing the cache clears both: the next build is a clean one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseListState, serializeListState, type ListState } from '../pipeline/carried-lists';

/** The file's name in the cache folder. */
const LIST_STATE_NAME = 'paper-lists.json';

/** Where the carried lists of a cache folder live. */
export function listStatePath(cacheDir: string): string {
  return path.join(cacheDir, LIST_STATE_NAME);
}

/** The carried lists, or null when the file is missing, unreadable or not a list state (the lists are then fresh). */
export async function readListState(file: string): Promise<ListState | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : parseListState(text);
}

/** Writes the carried lists (temp file + rename) when they changed; returns whether it wrote. */
export async function writeListState(file: string, state: ListState): Promise<boolean> {
  const text = serializeListState(state);
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}
