import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAtomic, writeIfChanged } from './atomic-write';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atomic-write-'));
  dirs.push(dir);
  return dir;
}

describe('writeAtomic / writeIfChanged', () => {
  it('creates the folder, writes the text and leaves no temporary file', async () => {
    const file = path.join(scratch(), 'a', 'b', 'state.json');
    await writeAtomic(file, '{"x":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"x":1}\n');
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
  });

  it('writes only when the text differs from what the file holds', async () => {
    const file = path.join(scratch(), 'state.json');
    expect(await writeIfChanged(file, 'one')).toBe(true);
    expect(await writeIfChanged(file, 'one')).toBe(false);
    expect(await writeIfChanged(file, 'two')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
  });
});
