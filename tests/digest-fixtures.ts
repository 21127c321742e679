/** Test fixtures: the seed digest folder, and any digest folder read and parsed in arrival order. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDigest } from '../src/pipeline/parse';
import type { ParsedDigest } from '../src/pipeline/types';

/** The digests the site ships with. */
export const SEED_DIR = path.resolve(__dirname, '..', 'content', 'digests');

/** Two real listings cut from the benchmark corpus (tests/fixtures/README.md): real text beyond the seed. */
export const SAMPLE_DIR = path.resolve(__dirname, 'fixtures', 'bench-sample');

/** Every `*.txt` digest of a folder (default: the seed), parsed, in file-name (arrival) order. */
export function readDigests(dir: string = SEED_DIR): ParsedDigest[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDigest(f, new Uint8Array(readFileSync(path.join(dir, f)))));
}
