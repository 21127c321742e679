/**
 * Page-weight budget of every page with a map or a long list (topic pages and their numbered pages, area pages,
 * term pages, the corpus map): gzipped HTML + CSS + the scripts it loads within 80 KB. Reads `$ASTRO_OUT_DIR` (else
 * dist/), so it also checks a site built from a large generated corpus (see scripts/check-budget.ts).
 */
import { test, expect } from '@playwright/test';
import { kb } from './dist-helpers';
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
