/** Every title and abstract of the shipped digests and of two listings of the benchmark corpus, through the public API. */
import { describe, expect, test } from 'vitest';
import { SAMPLE_DIR, SEED_DIR, readDigests } from '../../tests/digest-fixtures';
import { P, R } from './test-helpers';

/** Every distinct title and abstract of the seed and the sample listings, as the parser reads them. */
function corpusTexts(): string[] {
  const entries = [SEED_DIR, SAMPLE_DIR].flatMap((dir) => readDigests(dir)).flatMap((d) => d.entries);
  return [...new Set(entries.flatMap((e) => [e.title, e.abstract]))];
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
