/** Test helpers that read the digest folder the site was built from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The digest folder of the build under test (`DIGESTS_DIR`, else content/digests). */
export const digestsDir = path.resolve(process.env.DIGESTS_DIR ?? 'content/digests');

/** Non-empty lines of a digest after its header: alternating titles and abstracts (a rough reading for cross-checks). */
export function readDigestPairs(file: string): { title: string; abstract: string }[] {
  const lines = readFileSync(path.join(digestsDir, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const firstAbstract = lines.findIndex((l) => l.length > 300);
  const start = firstAbstract - 1;
  const pairs: { title: string; abstract: string }[] = [];
  for (let i = start; i + 1 < lines.length; i += 2) pairs.push({ title: lines[i]!, abstract: lines[i + 1]! });
  return pairs;
}
