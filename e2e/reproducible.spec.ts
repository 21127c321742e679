/** Two builds of the same digests produce the same files, byte for byte (no timestamps, random ids or unordered output). */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const built = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');

/** Every file below a folder, as sorted relative paths. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
    })
    .sort();
}

test('a second clean build of the same digests is byte-identical', () => {
  test.setTimeout(600_000);
  const work = mkdtempSync(path.join(tmpdir(), 'paper-explorer-rebuild-'));
  try {
    const outDir = path.join(work, 'dist');
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      env: { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, 'cache') },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    const first = files(built);
    const second = files(outDir);
    expect(second).toEqual(first);
    const different = first.filter((f) => !readFileSync(path.join(built, f)).equals(readFileSync(path.join(outDir, f))));
    console.log(`rebuild: ${first.length} files compared, ${different.length} differ`);
    expect(different).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
