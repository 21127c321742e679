import { test, expect, type Page } from '@playwright/test';
import { load, readDigestPairs, watchConsole, type DigestJson, type PaperJson } from './helpers';

test('home page lists the five digests, newest first, with counts', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  const digests = await load<DigestJson[]>(page, '/data/digests.json');
  expect(digests).toHaveLength(5);
  const items = page.getByRole('region', { name: 'Digests, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const hrefs = await items.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual([...digests].reverse().map((d) => d.url));
  // Named by their date labels; the one listing without a date by its arrival number, not its file name.
  expect(await items.getByRole('link').allTextContents()).toEqual(['Mar 18', 'Jun 3', 'Undated (#3)', 'Aug 7', 'Mar 14']);
  await page.getByRole('link', { name: 'Undated (#3)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Undated listing (#3)');
  await page.goto('/');
  await expect(page.getByText('398', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a paper listed in three digests links all three', async ({ page }) => {
  const errors = watchConsole(page);
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const digests = await load<DigestJson[]>(page, '/data/digests.json');
  const thrice = papers.filter((p) => p.digests.length === 3);
  expect(thrice).toHaveLength(15);
  const paper = thrice[0]!;
  await page.goto(paper.url);
  const listed = page.locator('[data-appearances] a');
  await expect(listed).toHaveCount(3);
  const hrefs = await listed.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(paper.digests.map((d) => digests.find((x) => x.id === d.id)!.url));
  expect(errors).toEqual([]);
});

test('a digest page lists its papers in listing order and marks papers seen before', async ({ page }) => {
  const digests = await load<DigestJson[]>(page, '/data/digests.json');
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const byId = new Map(papers.map((p) => [p.id, p]));
  const last = digests[digests.length - 1]!;
  await page.goto(last.url);
  const links = page.locator('ol li[data-paper] > a');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(last.papers.map((id) => byId.get(id)!.url));
  // The listing order is the order of the file itself.
  const pairs = readDigestPairs(last.file);
  const shownTitles = await page.locator('ol li[data-paper]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-paper')));
  expect(shownTitles).toHaveLength(pairs.length);
  const seenBefore = last.papers.filter((id) => byId.get(id)!.digests[0]!.id !== last.id).length;
  await expect(page.locator('ol li[data-paper]', { hasText: 'Seen before' })).toHaveCount(seenBefore);
});

test('LaTeX leftovers render as typography and digest text is never markup', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const sup = papers.find((p) => p.title.includes('^{2}'));
  expect(sup, 'a seed paper title contains ^{2}').toBeDefined();
  await page.goto(sup!.url);
  await expect(page.locator('h1 sup').first()).toHaveText('2');
  await expect(page.locator('h1')).not.toContainText('^{');
});

test('every page has landmarks, a skip link and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const url of ['/', '/papers/', '/digests/', '/topics/']) {
    await page.goto(url);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
  }
  await context.close();
});
