/** End-to-end tests of the term maps: topic pages (highlight, paper filter, URL state, keyboard) and the corpus map. */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readSiteConfig } from '../src/site-config';

interface TopicJson {
  id: string;
  slug: string;
  label: string;
  url: string;
  papers: string[];
  map: { nodes: { term: string; label: string; weight: number }[]; links: { source: string; target: string }[] };
}

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

let topicsCache: TopicJson[] | undefined;
let papersCache: { id: string; url: string; terms: string[] }[] | undefined;

/** The built papers, read from the site's own data export. */
async function paperData(request: APIRequestContext): Promise<{ id: string; url: string; terms: string[] }[]> {
  if (!papersCache) {
    const res = await request.get('/data/papers.json');
    expect(res.ok()).toBe(true);
    papersCache = (await res.json()) as { id: string; url: string; terms: string[] }[];
  }
  return papersCache;
}
/** The built topics, read from the site's own data export. */
async function topics(request: APIRequestContext): Promise<TopicJson[]> {
  if (!topicsCache) {
    const res = await request.get('/data/topics.json');
    expect(res.ok()).toBe(true);
    topicsCache = (await res.json()) as TopicJson[];
  }
  return topicsCache;
}

/** A topic worth testing: the one with the most papers whose map has some links. */
async function pickTopic(request: APIRequestContext): Promise<TopicJson> {
  const all = await topics(request);
  const withMaps = all.filter((t) => t.map.nodes.length >= 10 && t.map.links.length >= 5);
  const pool = withMaps.length ? withMaps : all;
  const best = [...pool].sort((a, b) => b.papers.length - a.papers.length || a.id.localeCompare(b.id))[0];
  expect(best, 'the site has at least one topic').toBeDefined();
  return best!;
}

/** A point (page coordinates) where a click or hover really lands on the node `selector`, or null. */
async function hitPoint(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((sel) => {
    const node = document.querySelector(sel);
    const dot = node?.querySelector('.tm-dot');
    if (!node || !dot) return null;
    const box = dot.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    for (const [dx, dy] of [
      [0, 0],
      [-box.width / 4, 0],
      [box.width / 4, 0],
      [0, -box.height / 4],
      [0, box.height / 4],
    ] as const) {
      const hit = document.elementFromPoint(cx + dx, cy + dy);
      if (hit && hit.closest('.tm-node') === node) return { x: cx + dx, y: cy + dy };
    }
    return null;
  }, selector);
}

/** Index (data-i) of the heaviest node matching `accept` that can be pointed at, scrolling the map into view first. */
async function reachableNode(page: Page, accept: (info: { i: number; w: number; near: number[] }) => boolean): Promise<number> {
  await page.locator('term-map svg.tm-svg').scrollIntoViewIfNeeded();
  const infos = await page.evaluate(() => {
    const near = new Map<number, number[]>();
    for (const line of document.querySelectorAll<SVGLineElement>('.tm-link')) {
      const a = Number(line.dataset.a);
      const b = Number(line.dataset.b);
      near.set(a, [...(near.get(a) ?? []), b]);
      near.set(b, [...(near.get(b) ?? []), a]);
    }
    return [...document.querySelectorAll<SVGElement>('.tm-node')]
      .map((el) => ({ i: Number(el.dataset.i), w: Number(el.dataset.w), near: near.get(Number(el.dataset.i)) ?? [] }))
      .sort((a, b) => b.w - a.w || a.i - b.i);
  });
  for (const info of infos) {
    if (!accept(info)) continue;
    if (await hitPoint(page, `.tm-node[data-i="${info.i}"]`)) return info.i;
  }
  throw new Error('No node on the map can be pointed at');
}

const visibleItems = (page: Page) => page.locator('ol.topic-papers > li:not([hidden])');

/** Waits until the custom element has taken over the map. */
async function mapReady(page: Page): Promise<void> {
  await expect(page.locator('term-map.is-live').first()).toBeVisible();
}

test.describe('topic page map', () => {
  test('is drawn before any script runs', async ({ browser, request, baseURL }) => {
    const topic = await pickTopic(request);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(topic.url);
    const svg = page.locator('term-map svg.tm-svg');
    await expect(svg).toBeVisible();
    await expect(svg).toHaveAttribute('viewBox', /^0 0 [\d.]+ [\d.]+$/);
    const nodes = page.locator('term-map .tm-node');
    await expect(nodes).toHaveCount(topic.map.nodes.length);
    const links = page.locator('term-map a.tm-node[href^="/terms/"]');
    expect(await links.count()).toBeGreaterThan(0);
    await expect(links.first()).toHaveAttribute('aria-label', /, \d+ papers?$/);
    // Labels are laid out without scripts: some are visible, and each visible one has a halo.
    const shown = await page.evaluate(
      () => [...document.querySelectorAll('.tm-label')].filter((t) => getComputedStyle(t).visibility === 'visible').length,
    );
    expect(shown).toBeGreaterThan(0);
    // The zoom controls need the script, so they stay hidden; the table and legend are there.
    await expect(page.locator('.tm-controls')).toBeHidden();
    await expect(page.locator('term-map details table tbody tr')).toHaveCount(topic.map.nodes.length);
    await expect(page.locator('term-map a[download]')).toHaveAttribute('href', `/data/topics/${topic.id}.json`);
    // Without scripts a term is a plain link to its page.
    const href = await links.first().getAttribute('href');
    await links.first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await context.close();
  });

  test('hovering a term highlights its neighbours and dims the rest', async ({ page, request }) => {
    const topic = await pickTopic(request);
    await page.goto(topic.url);
    await mapReady(page);
    const total = await page.locator('.tm-node').count();
    const i = await reachableNode(page, (n) => n.near.length > 0 && n.near.length < total - 1);
    const point = (await hitPoint(page, `.tm-node[data-i="${i}"]`))!;
    await page.mouse.move(point.x, point.y);
    const node = page.locator(`.tm-node[data-i="${i}"]`);
    await expect(node).toHaveClass(/\bis-on\b/);
    await expect(page.locator('svg.tm-svg')).toHaveAttribute('data-active', '');
    const near = page.locator('.tm-node.is-near');
    expect(await near.count()).toBeGreaterThan(0);
    await expect(near.first()).toHaveCSS('opacity', '1');
    const other = page.locator('.tm-node:not(.is-on):not(.is-near)').first();
    await expect(other).toHaveCSS('opacity', '0.2');
    await expect(page.locator('.tm-link.is-on').first()).toBeAttached();
    const label = (await node.getAttribute('data-label'))!;
    await expect(page.locator('.tm-info')).toContainText(label);
    await expect(page.locator('.tm-info')).toContainText(/\d+ papers?/);
    // Leaving the node clears the highlight.
    await page.mouse.move(1, 1);
    await expect(page.locator('svg.tm-svg')).not.toHaveAttribute('data-active', '');
  });

  test('clicking a term filters the papers, the URL keeps it, Clear restores the list', async ({ page, request }) => {
    const topic = await pickTopic(request);
    await page.goto(topic.url);
    await mapReady(page);
    const all = await page.locator('ol.topic-papers > li').count();
    // The topic page lists its first topicPagePapers papers; the rest are on its numbered pages.
    expect(all).toBe(Math.min(topic.papers.length, readSiteConfig({}).pages.topicPagePapers));
    const i = await reachableNode(page, (n) => n.w >= 1 && n.w < all);
    const node = page.locator(`.tm-node[data-i="${i}"]`);
    const id = (await node.getAttribute('data-term'))!;
    const slug = await node.getAttribute('data-slug');
    const label = (await node.getAttribute('data-label'))!;
    const weight = Number(await node.getAttribute('data-w'));
    const point = (await hitPoint(page, `.tm-node[data-i="${i}"]`))!;
    await page.mouse.click(point.x, point.y);

    // Still on the topic page, with the term in the URL.
    await expect.poll(() => new URL(page.url()).searchParams.get('term')).toBe(slug ?? id);
    expect(new URL(page.url()).pathname).toBe(topic.url);
    const visible = visibleItems(page);
    await expect(visible).toHaveCount(weight);
    expect(weight).toBeLessThan(all);
    // The visible papers are the ones the node lists as using the term, and they include every paper
    // that has it among its key terms (data-terms; a paper may use a term without it being a key term).
    const users = new Set(((await node.getAttribute('data-papers')) ?? '').split(' '));
    for (const paper of await visible.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.paper ?? ''))) {
      expect(users.has(paper)).toBe(true);
    }
    // (Key terms are checked against the data export: data-terms joins ids that contain spaces.)
    const keyTerms = new Map((await paperData(request)).map((p) => [p.id, p.terms]));
    const hiddenIds = await page.locator('ol.topic-papers > li[hidden]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.paper ?? ''));
    expect(hiddenIds.filter((paper) => keyTerms.get(paper)?.includes(id))).toEqual([]);
    const status = page.locator('#topic-papers-status');
    await expect(status).toContainText(`Showing ${weight} of ${all} papers that use “${label}”.`);
    await expect(node).toHaveAttribute('aria-current', 'true');

    // The filter survives a reload.
    await page.reload();
    await mapReady(page);
    await expect(visibleItems(page)).toHaveCount(weight);
    await expect(status).toContainText(`Showing ${weight} of ${all}`);

    // Clear restores the list and the URL.
    await status.getByRole('button', { name: 'Clear filter' }).click();
    await expect(visibleItems(page)).toHaveCount(all);
    expect(new URL(page.url()).search).toBe('');
    await expect(status).toContainText(`Showing all ${all} papers.`);

    // Back brings the filter back, forward clears it again.
    await page.goBack();
    await expect(visibleItems(page)).toHaveCount(weight);
    await page.goForward();
    await expect(visibleItems(page)).toHaveCount(all);

    // A term the map does not have leaves the list whole and says so.
    await page.goto(`${topic.url}?term=no-such-term-on-this-map`);
    await mapReady(page);
    await expect(status).toContainText('No term “no-such-term-on-this-map” on this map');
    await expect(visibleItems(page)).toHaveCount(all);
  });

  test('Tab reaches the terms and Enter filters', async ({ page, request }) => {
    const topic = await pickTopic(request);
    await page.goto(topic.url);
    await mapReady(page);
    let inside = false;
    for (let n = 0; n < 60 && !inside; n++) {
      await page.keyboard.press('Tab');
      inside = await page.evaluate(() => !!document.activeElement?.closest('svg.tm-svg'));
    }
    expect(inside, 'Tab reaches a term within 60 presses').toBe(true);
    const focused = page.locator('.tm-node:focus');
    await expect(focused).toHaveClass(/\bis-on\b/);
    // The focus ring is drawn on the node.
    await expect(focused.locator('.tm-ring')).toHaveCSS('visibility', 'visible');
    const weight = Number(await focused.getAttribute('data-w'));
    await page.keyboard.press('Enter');
    await expect(visibleItems(page)).toHaveCount(weight);
    expect(new URL(page.url()).searchParams.get('term')).toBeTruthy();
  });

  test('zoom buttons zoom in, out and reset', async ({ page, request }) => {
    const topic = await pickTopic(request);
    await page.goto(topic.url);
    await mapReady(page);
    const viewport = page.locator('.tm-viewport');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(viewport).toHaveAttribute('transform', /scale\(1\.6\)/);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(viewport).toHaveAttribute('transform', /scale\(1\)/);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(viewport).toHaveAttribute('transform', 'translate(0,0) scale(1)');
    // A plain wheel scrolls the page and explains how to zoom; Ctrl + wheel zooms.
    await page.locator('svg.tm-svg').scrollIntoViewIfNeeded();
    const box = (await page.locator('svg.tm-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, Math.max(box.y, 0) + 60);
    await page.mouse.wheel(0, -200);
    await expect(page.locator('.tm-toast')).toBeVisible();
    await expect(viewport).toHaveAttribute('transform', 'translate(0,0) scale(1)');
    await page.locator('svg.tm-svg').scrollIntoViewIfNeeded();
    const again = (await page.locator('svg.tm-svg').boundingBox())!;
    await page.mouse.move(again.x + again.width / 2, Math.max(again.y, 0) + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect(viewport).not.toHaveAttribute('transform', 'translate(0,0) scale(1)');
  });

  test('the map script is only loaded on pages with a map', async ({ page, request }) => {
    const topic = await pickTopic(request);
    await page.goto(topic.url);
    await mapReady(page);
    expect(await page.evaluate(() => !!customElements.get('term-map'))).toBe(true);
    const papers = await paperData(request);
    await page.goto(papers[0]!.url);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => !!customElements.get('term-map'))).toBe(false);
  });
});

test.describe('corpus map', () => {
  test('links to every area and to term pages', async ({ page, request }) => {
    const res = await request.get('/data/areas.json');
    expect(res.ok()).toBe(true);
    const all = (await res.json()) as { url: string }[];
    await page.goto('/map/');
    await mapReady(page);
    const places = page.locator('a.tm-place[href^="/areas/"]');
    expect(await places.count()).toBe(all.length);
    // Every area is also linked from the legend.
    for (const a of all) await expect(page.locator(`.tm-legend a[href="${a.url}"]`)).toHaveCount(1);
    expect(await page.locator('a.tm-node[href^="/terms/"]').count()).toBeGreaterThan(all.length);
    // A visible area label leads to its area.
    const shown = await page.evaluate(() => {
      const el = [...document.querySelectorAll<SVGAElement>('a.tm-place')].find((a) => getComputedStyle(a).visibility === 'visible');
      return el?.getAttribute('href') ?? null;
    });
    expect(shown).not.toBeNull();
    await page.locator(`a.tm-place[href="${shown}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${shown}$`));
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const which of ['topic page', 'corpus map'] as const) {
      test(`${which} has no axe violations`, async ({ page, request }) => {
        test.setTimeout(120_000);
        const url = which === 'topic page' ? (await pickTopic(request)).url : '/map/';
        await page.goto(url);
        await mapReady(page);
        // Open the table too, and show a highlighted state, so both are checked.
        await page.locator('term-map details summary').first().click();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations, `${url} (${scheme})`).toEqual([]);
      });
    }

    test('screenshots', async ({ page, request }) => {
      const topic = await pickTopic(request);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(topic.url);
      await mapReady(page);
      await page.locator('term-map').first().screenshot({ path: `${shots}/topic-map-${scheme}.png` });
      // Highlight state: point at the heaviest term that can be pointed at.
      const i = await reachableNode(page, (n) => n.near.length > 0);
      const point = (await hitPoint(page, `.tm-node[data-i="${i}"]`))!;
      await page.mouse.move(point.x, point.y);
      await expect(page.locator('svg.tm-svg')).toHaveAttribute('data-active', '');
      await page.locator('term-map').first().screenshot({ path: `${shots}/topic-map-hover-${scheme}.png` });
      await page.mouse.move(1, 1);
      // Zoomed in twice: circles and labels keep their size, more labels fit.
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.locator('term-map').first().screenshot({ path: `${shots}/topic-map-zoom-${scheme}.png` });
      // Keyboard focus on a term, then the filtered list.
      await page.goto(topic.url);
      await mapReady(page);
      for (let n = 0; n < 60; n++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => !!document.activeElement?.closest('svg.tm-svg'))) break;
      }
      await page.keyboard.press('Tab');
      await page.locator('term-map').first().screenshot({ path: `${shots}/topic-map-focus-${scheme}.png` });
      await page.keyboard.press('Enter');
      await expect(page.locator('#topic-papers-status button')).toBeVisible();
      await page.locator('#topic-papers-status').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/topic-filtered-${scheme}.png` });
      await page.goto('/map/');
      await mapReady(page);
      await page.screenshot({ path: `${shots}/corpus-map-${scheme}.png`, fullPage: true });
    });
  });
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const scheme of ['light', 'dark'] as const) {
    test(`maps fit the width without horizontal scroll (${scheme})`, async ({ page, request }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const topic = await pickTopic(request);
      for (const [url, name] of [
        [topic.url, 'topic'],
        ['/map/', 'corpus'],
      ] as const) {
        await page.goto(url);
        await mapReady(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${url}: no horizontal page scroll`).toBeLessThanOrEqual(0);
        const box = (await page.locator('term-map svg.tm-svg').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        // Labels that are shown stay at a readable size.
        const smallest = await page.evaluate(() => {
          const sizes = [...document.querySelectorAll<SVGTextElement>('.tm-label, .tm-place-label')]
            .filter((t) => getComputedStyle(t).visibility === 'visible')
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
          return sizes.length ? Math.min(...sizes) : 0;
        });
        expect(smallest).toBeGreaterThanOrEqual(11);
        await page.locator('term-map').first().screenshot({ path: `${shots}/${name}-map-phone-${scheme}.png` });
      }
    });
  }
});
