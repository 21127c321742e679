/**
 * Page weights: a built page's gzipped HTML with the stylesheets it links and every script it loads (static imports
 * followed), and the weights of every page kind that has a budget (topic pages with their numbered pages, area
 * pages, term pages, the corpus map). Used by the e2e budget tests and by `npm run check:budget -- <folder>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, fileFor, gzipBytes, listFiles, pagePath, readDist, scriptClosure, startTags, type Tag } from './dist-helpers';

/** Budget of a page with its map (gzipped HTML + CSS + JS): topic, area, term and map pages. */
export const MAP_PAGE_BUDGET = 80 * 1024;

/** The stylesheets a page links, as dist-relative paths. */
export function stylesheets(tags: readonly Tag[], dir: string = distDir): string[] {
  return tags
    .filter((t) => t.name === 'link' && (t.attrs.get('rel') ?? '').split(/\s+/).includes('stylesheet'))
    .map((t) => fileFor(new URL(t.attrs.get('href') ?? '', 'http://x/').pathname, dir))
    .filter((rel): rel is string => rel !== null);
}

/** The scripts of a page: external ones by dist path, inline ones by content. */
export function scripts(html: string): { src: string | null; inline: string; type: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => {
    const attrs = m[1] ?? '';
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? null;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? '';
    return { src, inline: m[2] ?? '', type };
  });
}

/** Gzipped weight of a page with its stylesheets and every script it loads (static imports followed). */
export function pageWeight(rel: string, dir: string = distDir): { html: number; css: number; js: number; chunks: string[] } {
  const html = readDist(rel, dir);
  const tags = startTags(html);
  const css = stylesheets(tags, dir).reduce((n, r) => n + gzipBytes(readFileSync(path.join(dir, r))), 0);
  const entries = [
    ...scripts(html).flatMap((s) => (s.src ? [s.src] : [])),
    ...tags.filter((t) => t.name === 'link' && t.attrs.get('rel') === 'modulepreload').map((t) => t.attrs.get('href') ?? ''),
  ]
    .map((src) => fileFor(new URL(src, 'http://x' + pagePath(rel)).pathname, dir))
    .filter((r): r is string => r !== null);
  const chunks = [...new Set(entries.flatMap((e) => scriptClosure(e, dir)))];
  const js = chunks.reduce((n, c) => n + gzipBytes(readFileSync(path.join(dir, c))), 0);
  return { html: gzipBytes(html), css, js, chunks };
}

/** The kind of a budgeted page by its dist path, or null for other pages. */
export function budgetKind(rel: string): 'topic' | 'topic page' | 'area' | 'term' | 'map' | null {
  if (rel === 'map/index.html') return 'map';
  if (/^topics\/[^/]+\/index\.html$/.test(rel)) return 'topic';
  if (/^topics\/[^/]+\/\d+\/index\.html$/.test(rel)) return 'topic page';
  if (/^areas\/[^/]+\/index\.html$/.test(rel)) return 'area';
  if (/^terms\/[^/]+\/index\.html$/.test(rel)) return 'term';
  return null;
}

/** One weighed page. */
export interface PageWeight {
  url: string;
  kind: NonNullable<ReturnType<typeof budgetKind>>;
  html: number;
  css: number;
  js: number;
  total: number;
}

/** The weight of every budgeted page of a built site, heaviest first. Redirect pages (noindex, no map) are weighed too. */
export function budgetedPages(dir: string = distDir): PageWeight[] {
  return listFiles(dir, (rel) => rel.endsWith('.html'))
    .flatMap((rel) => {
      const kind = budgetKind(rel);
      if (kind === null) return [];
      const w = pageWeight(rel, dir);
      return [{ url: pagePath(rel), kind, html: w.html, css: w.css, js: w.js, total: w.html + w.css + w.js }];
    })
    .sort((a, b) => b.total - a.total || (a.url < b.url ? -1 : 1));
}
