#!/usr/bin/env -S npx tsx
/**
 * Page-weight budget of a built site: weighs every topic page (and its numbered pages), area page, term page and the
 * corpus map (gzipped HTML + CSS + the scripts it loads), prints the heaviest of each kind and exits with 1 when one
 * is over 80 KB. For a large generated corpus, build it into a folder first, then:
 *
 *   npm run check:budget -- <built folder>      (default: $ASTRO_OUT_DIR, else dist)
 *
 * The e2e suite runs the same check on the site it builds (e2e/budget.spec.ts).
 */
import path from 'node:path';
import { kb } from '../e2e/dist-helpers';
import { budgetedPages, MAP_PAGE_BUDGET } from '../e2e/page-weight';

const dir = path.resolve(process.argv[2] ?? process.env.ASTRO_OUT_DIR ?? 'dist');
const pages = budgetedPages(dir);
const kinds = [...new Set(pages.map((p) => p.kind))].sort();
for (const kind of kinds) {
  const of = pages.filter((p) => p.kind === kind);
  console.log(`${kind}: ${of.length} page(s); heaviest:`);
  for (const p of of.slice(0, 3)) console.log(`  ${kb(p.total)}  ${p.url}  (HTML ${kb(p.html)}, CSS ${kb(p.css)}, JS ${kb(p.js)})`);
}
const over = pages.filter((p) => p.total > MAP_PAGE_BUDGET);
console.log(over.length === 0 ? `All ${pages.length} pages within ${kb(MAP_PAGE_BUDGET)}.` : `${over.length} page(s) over ${kb(MAP_PAGE_BUDGET)}:`);
for (const p of over.slice(0, 40)) console.log(`  ${kb(p.total)}  ${p.url}`);
process.exitCode = over.length === 0 ? 0 : 1;
