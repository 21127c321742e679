import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { load, watchConsole, type PaperJson } from './helpers';

interface TopicJson {
  id: string;
  slug: string;
  label: string;
}

const results = (page: Page) => page.locator('[data-search-results] > li');
const resultLinks = (page: Page) => page.locator('[data-search-results] a[data-search-result-link]');
const status = (page: Page) => page.getByRole('status');
const region = (page: Page) => page.locator('[data-search-results-region]');
const MOE = /mixture[\s-]+of[\s-]+experts?|\bMoEs?\b/i;

/** Waits until the page shows the answer to its current search (results or the empty state) and, if the filter panel is open, its counts. */
async function settled(page: Page): Promise<void> {
  await expect(region(page)).toHaveAttribute('data-state', /^(results|empty)$/);
  await expect(page.locator('[data-search-refine]')).toHaveAttribute('data-counts', /^(ready|off)$/);
}

/** Opens the filter panel (folded by default) and waits for its counts. */
async function openFilters(page: Page): Promise<void> {
  await page.getByText('Filter by topic or digest').click();
  await expect(page.locator('[data-search-refine]')).toHaveAttribute('data-counts', 'ready');
}

/** The number in the status line ("12 results for …"), 0 for "No results". */
async function statusCount(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const m = /^([\d,]+) (results?|papers?)/.exec(text.trim());
  return m ? Number(m[1]!.replace(/,/g, '')) : 0;
}

test('typing "matryoshka" in the header box lists the Matryoshka papers first', async ({ page }) => {
  const errors = watchConsole(page);
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const matryoshka = papers.filter((p) => /matryoshka/i.test(p.title));
  expect(matryoshka.length).toBeGreaterThan(0);

  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('matryoshka');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=matryoshka$/);
  await expect(page.getByRole('searchbox', { name: 'Search papers, topics and key terms' })).toHaveValue('matryoshka');
  await settled(page);

  // Load every result, then check the order: titles with the word, then the rest.
  while (await page.locator('[data-search-more]').isVisible()) await page.locator('[data-search-more]').click();
  const titles = await resultLinks(page).allTextContents();
  const hits = titles.map((t) => /matryoshka/i.test(t));
  const firstMiss = hits.indexOf(false);
  if (firstMiss >= 0) expect(hits.slice(firstMiss), `titles: ${titles.join(' | ')}`).not.toContain(true);
  const hrefs = await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const p of matryoshka) expect(hrefs.slice(0, firstMiss < 0 ? undefined : firstMiss)).toContain(p.url);
  await expect(status(page)).toContainText(`for “matryoshka”`);
  expect(errors).toEqual([]);
});

test('"MoE" and "mixture of experts" both find mixture-of-experts papers', async ({ page }) => {
  for (const q of ['MoE', 'mixture of experts']) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await settled(page);
    const texts = await results(page).allTextContents();
    expect(texts.length, q).toBeGreaterThan(0);
    expect(texts.some((t) => MOE.test(t)), `${q}: ${texts.slice(0, 3).join(' | ')}`).toBe(true);
    await expect(results(page).first().locator('mark').first()).toBeVisible();
  }
});

test('acronym expansion: "MoE" finds papers that only spell out mixture of experts, and back', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const text = (p: PaperJson) => `${p.title} ${p.abstract}`;
  const longOnly = papers.filter((p) => /mixture[\s-]+of[\s-]+experts?/i.test(text(p)) && !/\bMoEs?\b/.test(text(p)));
  const shortOnly = papers.filter((p) => /\bMoEs?\b/.test(text(p)) && !/mixture[\s-]+of[\s-]+experts?/i.test(text(p)));
  // The seed has both: papers that only spell it out, and papers that only say MoE.
  expect(longOnly.length, 'papers with only "mixture of experts"').toBeGreaterThan(0);
  expect(shortOnly.length, 'papers with only "MoE"').toBeGreaterThan(0);
  await page.goto('/search/');
  const urlsFor = (q: string) =>
    page.evaluate(async (query) => {
      interface Found {
        results: { data: () => Promise<{ url: string }> }[];
      }
      const url = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ url)) as { search: (q: string) => Promise<Found> };
      const found = await pf.search(query);
      return Promise.all(found.results.map((r) => r.data().then((d) => d.url)));
    }, q);
  const [moe, long] = await Promise.all([urlsFor('MoE'), urlsFor('mixture of experts')]);
  // Papers whose key terms joined the two forms are found by either; at least one of each kind must be.
  expect(longOnly.some((p) => moe.includes(p.url)), 'MoE finds a long-form-only paper').toBe(true);
  expect(shortOnly.some((p) => long.includes(p.url)), 'mixture of experts finds an acronym-only paper').toBe(true);
});

test('the topic filter narrows the results and its count agrees', async ({ page }) => {
  const topics = await load<TopicJson[]>(page, '/data/topics.json');
  await page.goto('/search/?q=model');
  await settled(page);
  const before = await statusCount(page);
  expect(before).toBeGreaterThan(1);
  await expect(page.getByRole('group', { name: 'Topic' })).toBeHidden();
  await openFilters(page);

  const topicGroup = page.getByRole('group', { name: 'Topic' });
  await expect(topicGroup).toBeVisible();
  const options = topicGroup.locator('li:not([hidden])');
  expect(await options.count()).toBeGreaterThan(1);
  // The first topic whose count is below the total, so the filter visibly narrows.
  let chosen = -1;
  let expected = 0;
  for (let i = 0; i < (await options.count()); i++) {
    const n = Number(((await options.nth(i).locator('[data-filter-count]').textContent()) ?? '').replace(/[^\d]/g, ''));
    if (n > 0 && n < before) {
      chosen = i;
      expected = n;
      break;
    }
  }
  expect(chosen).toBeGreaterThanOrEqual(0);
  const box = options.nth(chosen).getByRole('checkbox');
  const slug = await box.getAttribute('value');
  const topic = topics.find((t) => t.slug === slug);
  expect(topic, `topic slug ${slug}`).toBeDefined();
  await box.check();

  await expect(page).toHaveURL(new RegExp(`[?&]topic=${encodeURIComponent(slug!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`));
  await expect(status(page)).toContainText('with the chosen filters');
  await settled(page);
  expect(await statusCount(page)).toBe(expected);
  // The count next to the checked topic still agrees, and every shown result is in that topic.
  await expect(options.nth(chosen).locator('[data-filter-count]')).toHaveText(`(${expected})`);
  const kinds = await results(page).evaluateAll((lis) => lis.map((li) => li.querySelector('p')?.textContent ?? ''));
  expect(kinds.length).toBe(Math.min(expected, 10));
  expect(new Set(kinds)).toEqual(new Set([`Topic: ${topic!.label}`]));

  // The filter state survives a reload (the panel opens by itself).
  await page.reload();
  await settled(page);
  await expect(page.locator('[data-search-refine]')).toHaveAttribute('data-counts', 'ready');
  await expect(page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { checked: true })).toHaveCount(1);
  expect(await statusCount(page)).toBe(expected);
});

test('/search/?q=… restores the query, and back/forward moves between searches', async ({ page }) => {
  await page.goto('/search/?q=matryoshka');
  const box = page.getByRole('searchbox', { name: 'Search papers, topics and key terms' });
  await expect(box).toHaveValue('matryoshka');
  await settled(page);
  await expect(results(page).first()).toBeVisible();

  await box.fill('mixture of experts');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?q=mixture\+of\+experts$/);
  await settled(page);
  await expect(status(page)).toContainText('for “mixture of experts”');

  await page.goBack();
  await expect(page).toHaveURL(/\?q=matryoshka$/);
  await expect(box).toHaveValue('matryoshka');
  await expect(status(page)).toContainText('for “matryoshka”');
  await page.goForward();
  await expect(box).toHaveValue('mixture of experts');
  await expect(status(page)).toContainText('for “mixture of experts”');
});

test('typing searches live and keeps the URL in step without piling up history', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: 'Search papers, topics and key terms' });
  await box.pressSequentially('matryoshka', { delay: 20 });
  await expect(page).toHaveURL(/\?q=matryoshka$/);
  await settled(page);
  await expect(resultLinks(page).first()).toContainText(/matryoshka/i);
  const length = await page.evaluate(() => history.length);
  await box.pressSequentially(' embeddings', { delay: 20 });
  await expect(page).toHaveURL(/\?q=matryoshka\+embeddings$/);
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(length + 1);
});

test('a filter in the URL that no longer exists is ignored', async ({ page }) => {
  await page.goto('/search/?q=matryoshka&topic=no-such-topic&sort=bogus');
  await settled(page);
  await expect(status(page)).toHaveText(/^\d+ results? for “matryoshka”\.$/);
  await expect(page.getByLabel('Order')).toHaveValue('relevance');
});

test('an unknown word shows the empty state with suggestions', async ({ page }) => {
  await page.goto('/search/?q=qzxqvjwk');
  await expect(region(page)).toHaveAttribute('data-state', 'empty');
  await expect(status(page)).toHaveText('No results for “qzxqvjwk”.');
  const empty = page.locator('[data-search-empty]');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('fewer words');
  await expect(empty.getByRole('link', { name: 'Browse topics' })).toHaveAttribute('href', '/topics/');
  await expect(results(page)).toHaveCount(0);
});

test('pressing / focuses the header box, Escape leaves it', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  await page.goto(papers[0]!.url);
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await expect(box).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('lora');
  await expect(box).toHaveValue('lora');
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue('lora');
});

test('a paper page loads no Pagefind file, even when the header box is used', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const pagefindRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
  });
  await page.goto(papers[0]!.url, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  await page.keyboard.type('diffusion');
  await page.waitForTimeout(300);
  expect(pagefindRequests).toEqual([]);
});

test('results come ten at a time, with keyboard navigation', async ({ page }) => {
  await page.goto('/search/?q=model');
  await settled(page);
  const total = await statusCount(page);
  expect(total, 'the seed has more than ten results for "model"').toBeGreaterThan(10);
  await expect(results(page)).toHaveCount(10);
  const box = page.getByRole('searchbox', { name: 'Search papers, topics and key terms' });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();

  await page.locator('[data-search-more]').click();
  await expect(results(page)).toHaveCount(Math.min(total, 20));
  await expect(resultLinks(page).nth(10)).toBeFocused();
});

test('the excerpt is text with <mark>, never markup from the page', async ({ page }) => {
  await page.goto('/search/?q=MoE');
  await settled(page);
  const first = results(page).first();
  const tags = await first.locator('p').nth(1).evaluate((p) => [...p.querySelectorAll('*')].map((el) => el.tagName));
  expect(tags.length).toBeGreaterThan(0);
  expect(new Set(tags)).toEqual(new Set(['MARK']));
});

test('sorting by digest keeps the query and changes the URL', async ({ page }) => {
  await page.goto('/search/?q=model');
  await settled(page);
  await page.getByLabel('Order').selectOption('newest');
  await expect(page).toHaveURL(/[?&]sort=newest(&|$)/);
  await settled(page);
  expect(await statusCount(page)).toBeGreaterThan(0);
  await page.goBack();
  await expect(page.getByLabel('Order')).toHaveValue('relevance');
});

test('the search page has no detectable accessibility violations', async ({ page }) => {
  await page.goto('/search/?q=MoE');
  await settled(page);
  await openFilters(page);
  await expect(page.getByRole('group', { name: 'Topic' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page points to the browsable lists', async ({ page }) => {
    await page.goto('/search/?q=moe');
    // Playwright's text and role engines skip <noscript>, so read it as a plain element.
    const note = page.locator('[data-search-intro] noscript p');
    await expect(note).toBeVisible();
    await expect(note).toContainText('Search runs in your browser and needs JavaScript');
    await expect(note.locator('a[href="/papers/"]')).toHaveText('all papers A–Z');
    await expect(page.getByRole('link', { name: 'browse all papers' })).toHaveAttribute('href', '/papers/');
  });

  test('the header box still submits to /search/', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    await box.fill('lora');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=lora$/);
  });
});
