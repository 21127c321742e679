/** Every title and abstract of the shipped digests and of two listings of the benchmark corpus, through the public API. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SAMPLE_DIR, SEED_DIR } from '../../tests/digest-fixtures';
import { P, R } from './test-helpers';

const HEADER_LINES = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);

function corpusTexts(): string[] {
  const dirs = [SEED_DIR, SAMPLE_DIR];
  const texts = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const raw = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
      for (const line of raw.split(/\r?\n/)) {
        const t = line.trim().replace(/^Subscribe(?=\S)/, '');
        if (!t || HEADER_LINES.has(t) || /^[A-Z][a-z]{2} \d{1,2}$/.test(t)) continue;
        texts.add(t);
      }
    }
  }
  return [...texts];
}

function visibleText(html: string): string {
  return html
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '') // KaTeX keeps the TeX source for copy/paste
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

describe('the real corpus', () => {
  const texts = corpusTexts();

  test('the seed and the sample listings are there', () => {
    expect(texts.length).toBeGreaterThan(1200);
  });

  test('renders every title and abstract safely, without LaTeX leftovers', () => {
    const leftovers = ['\\%', '{\\em', '\\"'];
    const bad: string[] = [];
    for (const t of texts) {
      const html = R(t);
      const plain = P(t);
      if (/<script/i.test(html)) bad.push(`script: ${t.slice(0, 80)}`);
      const visible = visibleText(html);
      for (const l of leftovers) {
        if (visible.includes(l)) bad.push(`html ${l}: ${t.slice(0, 80)}`);
        if (plain.includes(l)) bad.push(`plain ${l}: ${t.slice(0, 80)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('measure what remains: backslashes after plainText and unknown macros', () => {
    const remaining = new Map<string, number>();
    const unknown = new Map<string, number>();
    let withBackslash = 0;
    let abstracts = 0;
    let abstractsWithBackslash = 0;
    for (const t of texts) {
      const plain = P(t);
      const isAbstract = t.length > 300;
      if (isAbstract) abstracts++;
      if (plain.includes('\\')) {
        withBackslash++;
        if (isAbstract) abstractsWithBackslash++;
        for (const m of plain.matchAll(/\\[A-Za-z]*|\\./g)) remaining.set(m[0], (remaining.get(m[0]) ?? 0) + 1);
      }
      for (const m of R(t).matchAll(/<span class="macro">([^<]*)<\/span>/g)) {
        const name = m[1] ?? '';
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
      }
    }
    const fmt = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`).join(', ');
    console.log(
      `typography: ${texts.length} distinct texts (${abstracts} abstracts); ` +
        `${withBackslash} still contain a backslash after plainText (${abstractsWithBackslash} abstracts): ${fmt(remaining) || 'none'}; ` +
        `unknown macros shown by name: ${fmt(unknown) || 'none'}`,
    );
    // What is left is literal programming text such as "\n\n"; more than a handful means a regression.
    expect(withBackslash).toBeLessThanOrEqual(3);
  });
});
