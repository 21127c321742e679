import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedPages, mirrorPages } from './indexed-pages';

const site = mkdtempSync(path.join(tmpdir(), 'indexed-pages-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function page(relative: string, html: string): void {
  mkdirSync(path.dirname(path.join(site, relative)), { recursive: true });
  writeFileSync(path.join(site, relative), html);
}

// A paper page (indexed, with a sort value), a term page (indexed late in a long file), a page that is not indexed,
// a page inside a skipped folder, and a file that is not HTML.
page('papers/a/index.html', '<html><main data-pagefind-body><article data-pagefind-sort="order:000007"><h1>A</h1></article></main></html>');
page('terms/b/index.html', `<html>${'<p>filler</p>'.repeat(20_000)}<main data-pagefind-body>B</main></html>`);
page('digests/c/index.html', '<html><main>C</main></html>');
page('.pagefind-pages/papers/a/index.html', '<html><main data-pagefind-body>old</main></html>');
page('data/d.json', '{"data-pagefind-body": true}');

describe('indexedPages', () => {
  it('finds the pages with data-pagefind-body and their sort values, in path order', () => {
    expect(indexedPages(site, ['.pagefind-pages'])).toEqual([
      { path: 'papers/a/index.html', sort: '000007' },
      { path: 'terms/b/index.html', sort: undefined },
    ]);
  });
});

describe('mirrorPages', () => {
  it('links the files at the same relative paths, replacing what was there', () => {
    const mirror = path.join(site, '.pagefind-pages');
    mirrorPages(site, ['papers/a/index.html', 'terms/b/index.html'], mirror);
    expect(readFileSync(path.join(mirror, 'papers/a/index.html'), 'utf8')).toContain('order:000007');
    expect(statSync(path.join(mirror, 'terms/b/index.html')).ino).toBe(statSync(path.join(site, 'terms/b/index.html')).ino);
    expect(indexedPages(mirror)).toEqual([
      { path: 'papers/a/index.html', sort: '000007' },
      { path: 'terms/b/index.html', sort: undefined },
    ]);
  });
});
