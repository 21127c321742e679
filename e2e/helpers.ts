/** Test helpers that read the digest folder the site was built from. */
import { expect, type Page } from '@playwright/test';
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

/** Fetches a JSON file of the site under test. */
export async function load<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

/** Collects console errors and uncaught exceptions of a page (assert the list is empty). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A paper of `/data/papers.json`. */
export interface PaperJson {
  id: string;
  slug: string;
  url: string;
  title: string;
  abstract: string;
  digests: { id: string; position: number }[];
  topic: string;
  terms: string[];
  related: string[];
}

/** A digest of `/data/digests.json`. */
export interface DigestJson {
  id: string;
  file: string;
  date: string | null;
  name: string;
  url: string;
  papers: string[];
}
