/**
 * Page-weight budget of every page with a map or a long list (topic pages and their numbered pages, area pages,
 * term pages, the corpus map): gzipped HTML + CSS + the scripts it loads within 80 KB. Reads `$ASTRO_OUT_DIR` (else
 * dist/), so it also checks a site built from a large generated corpus (see scripts/check-budget.ts).
 */
import { test, expect } from '@playwright/test';
import { fileFor, kb, readDist, startTags } from './dist-helpers';
import { budgetedPages, MAP_PAGE_BUDGET } from './page-weight';

test('topic, area, term and map pages: HTML + CSS + JS under 80 KB gzipped', () => {
  const pages = budgetedPages();
  const kinds = new Set(pages.map((p) => p.kind));
  for (const kind of ['topic', 'area', 'term', 'map'] as const) expect(kinds.has(kind), `a ${kind} page is built`).toBe(true);
  const heaviest = [...kinds].sort().map((kind) => {
    const p = pages.find((q) => q.kind === kind);
    return p ? `${kind} ${kb(p.total)} (${p.url})` : kind;
  });
  console.log(`budgeted pages (${pages.length}), heaviest of each kind: ${heaviest.join('; ')}; budget ${kb(MAP_PAGE_BUDGET)}.`);
  const over = pages.filter((p) => p.total > MAP_PAGE_BUDGET).map((p) => `${p.url}: ${kb(p.total)} (HTML ${kb(p.html)}, CSS ${kb(p.css)}, JS ${kb(p.js)})`);
  expect(over, `Pages over ${kb(MAP_PAGE_BUDGET)} gzipped:\n${over.slice(0, 60).join('\n')}`).toEqual([]);
});

test('every paper is linked from its topic page or one of its numbered pages', () => {
  const topics = JSON.parse(readDist('data/topics.json')) as { url: string; papers: string[] }[];
  const papers = new Map((JSON.parse(readDist('data/papers.json')) as { id: string; url: string }[]).map((p) => [p.id, p.url]));
  const missing: string[] = [];
  for (const topic of topics) {
    const linked = new Set<string>();
    for (let n = 1; ; n += 1) {
      const rel = fileFor(n === 1 ? topic.url : `${topic.url}${n}/`);
      if (rel === null) break;
      for (const tag of startTags(readDist(rel))) if (tag.name === 'a') linked.add(tag.attrs.get('href') ?? '');
    }
    for (const id of topic.papers) if (!linked.has(papers.get(id) ?? '')) missing.push(`${topic.url}: ${id}`);
  }
  expect(missing, `papers not linked from their topic's pages:\n${missing.slice(0, 60).join('\n')}`).toEqual([]);
});
