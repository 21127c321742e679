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
// Imports name their .ts files so astro.config.mjs can load this module with Node's own type stripping.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTopicState, serializeTopicState, topicRedirects, type TopicState } from '../pipeline/topic-ids.ts';
import { siteConfig } from '../site-config.ts';
import { digestsDir } from './digest-files.ts';
import { areaUrl, topicUrl } from '../lib/links.ts';
import { areaRedirects } from '../pipeline/area-ids.ts';
import { writeIfChanged } from './atomic-write.ts';

/**
 * Path of the topic state file for a digest folder: `setting` when given (a path relative to the project root,
 * or `off`, `none`, `false`, `0` for none: null), else the file next to the folder (see the module comment).
 */
export function topicStatePathFor(dir: string, root: string, setting?: string): string | null {
  if (setting !== undefined && setting !== '') {
    return ['off', 'none', 'false', '0'].includes(setting.toLowerCase()) ? null : path.resolve(root, setting);
  }
  const folder = path.resolve(root, dir);
  const name = path.basename(folder) === 'digests' ? 'topics.json' : `${path.basename(folder)}.topics.json`;
  return path.join(path.dirname(folder), name);
}

/** Path of the topic state file for a digest folder as the scripts and pages find it (configured by `TOPICS_STATE`), or null when off. */
export function topicStatePath(dir: string = digestsDir(), root: string = process.cwd()): string | null {
  return topicStatePathFor(dir, root, siteConfig.build.topicsState ?? undefined);
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
  return writeIfChanged(file, serializeTopicState(state));
}

let redirectCache: { file: string; mtime: number; paths: Set<string> } | undefined;

/**
 * Whether a page URL (absolute or a path) is an old-topic or old-area redirect page of the current state file; for
 * the sitemap's `filter`, which runs after the build has written the state. Rereads the file when it changes.
 */
export function isTopicRedirectPage(page: string): boolean {
  const file = topicStatePath();
  if (file === null) return false;
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return false;
  }
  if (redirectCache?.file !== file || redirectCache.mtime !== mtime) {
    const state = parseTopicState(readFileSync(file, 'utf8'), file);
    redirectCache = { file, mtime, paths: new Set([...topicRedirects(state).map((r) => topicUrl(r.slug)), ...areaRedirects(state).map((r) => areaUrl(r.slug))]) };
  }
  const pathname = /^[a-z]+:\/\//i.test(page) ? new URL(page).pathname : page;
  return redirectCache.paths.has(pathname.endsWith('/') ? pathname : `${pathname}/`);
}
