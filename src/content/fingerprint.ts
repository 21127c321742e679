/**
 * Fingerprints of what an analysis is built from: every digest file's content hash, the digest folder, the
 * topic-id file and the pipeline's source. A collection whose stored fingerprint matches keeps its entries.
 */
import { sha1 } from '../lib/sha1';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDigestFiles, type DigestFile } from './digest-files';

/** The digest folder's files and the fingerprint of everything the analysis depends on. */
export interface Snapshot {
  /** The digest folder (absolute). */
  dir: string;
  /** The topic-id file, or null when off. */
  stateFile: string | null;
  files: DigestFile[];
  /** SHA-1 of each file's bytes, in the order of `files`. */
  contentHashes: string[];
  /** Everything but the topic-id file that the fingerprint covers. */
  inputs: string[];
  fingerprint: string;
}


/** Hash of the pipeline's source files (a code change invalidates every stored collection); 'unknown' when unreadable. */
export async function pipelineSourceHash(): Promise<string> {
  try {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pipeline');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
    const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n))));
    return sha1(names.map((n, i) => `${n}:${sha1(texts[i] ?? '')}`).join('\n'));
  } catch {
    return 'unknown';
  }
}

/** The topic-id file's content ('' when there is none or it is off). */
function readStateText(stateFile: string | null): Promise<string> {
  return stateFile === null ? Promise.resolve('') : readFile(stateFile, 'utf8').catch(() => '');
}

/** The fingerprint of the inputs with a given topic-id file content. */
function fingerprintOf(inputs: readonly string[], state: string): string {
  const [pipeline = '', dir = '', ...files] = inputs;
  return sha1([pipeline, dir, sha1(state), ...files].join('\n'));
}

/** Reads the digest folder and fingerprints it together with the topic-id file and the pipeline's source hash. */
export async function readSnapshot(dir: string, stateFile: string | null, pipelineHash: string): Promise<Snapshot> {
  const files = await readDigestFiles(dir);
  const contentHashes = files.map((f) => sha1(f.bytes));
  const inputs = [pipelineHash, dir, ...files.map((f, i) => `${f.name}:${contentHashes[i]}`)];
  const fingerprint = fingerprintOf(inputs, await readStateText(stateFile));
  return { dir, stateFile, files, contentHashes, inputs, fingerprint };
}

/** The snapshot's fingerprint with the topic-id file as it stands now (an analysis may just have rewritten it). */
export async function refingerprint(snap: Snapshot): Promise<string> {
  return fingerprintOf(snap.inputs, await readStateText(snap.stateFile));
}
