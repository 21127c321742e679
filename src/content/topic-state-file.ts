/**
 * File I/O for the topic-id state (`topics.json`), which keeps topic ids and URLs stable across
 * rebuilds (see src/pipeline/topic-ids.ts for the format and the matching).
 *
 * Where it lives:
 * - `$TOPICS_STATE` when set (a path, relative to the project root); `TOPICS_STATE=off` disables
 *   it (ids are then numbered afresh every build and nothing is written);
 * - else next to the digest folder: `<parent>/topics.json` when the folder is named `digests`
 *   (`content/digests` → `content/topics.json`), otherwise `<parent>/<folder>.topics.json`, so
 *   two digest folders in one parent (say, temporary test folders) never share a state.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTopicState, serializeTopicState, type TopicState } from '../pipeline/topic-ids';
import { digestsDir } from './digest-files';

/** Path of the topic state file for a digest folder, or null when `TOPICS_STATE=off`. */
export function topicStatePath(dir: string = digestsDir(), root: string = process.cwd()): string | null {
  const fromEnv = process.env.TOPICS_STATE;
  if (fromEnv !== undefined && fromEnv !== '') {
    return ['off', 'none', 'false', '0'].includes(fromEnv.toLowerCase()) ? null : path.resolve(root, fromEnv);
  }
  const folder = path.resolve(root, dir);
  const name = path.basename(folder) === 'digests' ? 'topics.json' : `${path.basename(folder)}.topics.json`;
  return path.join(path.dirname(folder), name);
}

/** Reads the state file: null when it does not exist; throws with a clear message when it is not a valid state. */
export async function readTopicState(file: string): Promise<TopicState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseTopicState(text, path.relative(process.cwd(), file) || file);
}

/** Writes the state file atomically (temp file + rename) when its content changed; returns whether it wrote. */
export async function writeTopicState(file: string, state: TopicState): Promise<boolean> {
  const text = serializeTopicState(state);
  const current = await readFile(file, 'utf8').catch(() => null);
  if (current === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}
