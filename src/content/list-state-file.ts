/**
 * File I/O for the carried lists (src/pipeline/carried-lists.ts): the related papers and key terms each paper
 * showed, kept in Astro's cache folder next to the incremental build's pages, and used only by incremental builds
 * (they exist to leave those pages unchanged). Clearing the cache clears both: the next build is a clean one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseListState, serializeListState, type ListState } from '../pipeline/carried-lists';
import { writeIfChanged } from './atomic-write';

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
  return writeIfChanged(file, serializeListState(state));
}
