/** End-to-end tests of the paper map (/map/papers/): every paper drawn, hover, click, search, time filter, keyboard, links, no-JS overview. */
import { test, expect, type Page } from '@playwright/test';
import { load, watchConsole, type PaperJson, type DigestJson } from './helpers';

const MAP = '/map/papers/';

type PaperMap = HTMLElement & { screenPoint(i: number): [number, number]; markedPoints(): number[] };

/** Opens the map, waits for the first draw and scrolls the whole canvas into view. */
async function open(page: Page, url = MAP): Promise<void> {
  await page.goto(url);
  await expect(page.locator('paper-map[data-papers]')).toBeVisible();
  await page.locator('paper-map canvas').evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

/** Point index → paper id, from the map's id buckets. */
async function idsByPoint(page: Page, papers: PaperJson[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const first of new Set(papers.map((p) => p.id.charAt(0)))) {
    const bucket = await load<Record<string, number>>(page, `${MAP}ids/${first}.json`);
    for (const [id, i] of Object.entries(bucket)) out.set(i, id);
  }
  return out;
}

/** Page coordinates of point i. */
async function pointOnPage(page: Page, i: number): Promise<{ x: number; y: number }> {
  const [x, y] = await page.locator('paper-map').evaluate((el, i) => (el as PaperMap).screenPoint(i), i);
  const box = await page.locator('paper-map canvas').boundingBox();
  return { x: (box?.x ?? 0) + x, y: (box?.y ?? 0) + y };
}

/** A point no other point lies within 8 px of, at the current zoom (so hovering it is unambiguous). */
async function lonePoint(page: Page): Promise<number> {
  return page.locator('paper-map').evaluate((el) => {
    const map = el as PaperMap;
    const n = Number(el.dataset.total);
    const pts = Array.from({ length: n }, (_, i) => map.screenPoint(i));
    const box = el.querySelector('canvas')!.getBoundingClientRect();
    for (let i = 0; i < n; i += 1) {
      const [x, y] = pts[i]!;
      if (x < 20 || y < 20 || x > box.width - 20 || y > box.height - 20) continue;
      if (pts.every(([u, v], j) => j === i || Math.hypot(u - x, v - y) > 8)) return i;
    }
    return -1;
  });
}

test('draws every paper, and the page links to it from home, paper and topic pages', async ({ page }) => {
  const errors = watchConsole(page);
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  await open(page);
  await expect(page.locator('paper-map')).toHaveAttribute('data-papers', String(papers.length));
  await expect(page.locator('paper-map')).toHaveAttribute('data-visible', String(papers.length));
  await expect(page.locator('[data-status]')).toHaveText(`${papers.length.toLocaleString('en')} papers on the map.`);
  await expect(page.locator('[data-overview]')).toBeHidden();
  expect(errors).toEqual([]);
  await page.goto('/');
  await expect(page.locator(`main a[href="${MAP}"]`)).toHaveCount(1);
  await page.goto(papers[0]!.url);
  await expect(page.locator(`main a[href="${MAP}?paper=${papers[0]!.id}"]`)).toHaveCount(1);
  await page.goto(page.url().replace(/\/papers\/.*/, '') + (await page.locator('[data-topic-link]').getAttribute('href'))!);
  await expect(page.locator(`main a[href^="${MAP}?topic="]`)).toHaveCount(1);
});

test('hovering a point shows its title and topic; clicking it opens the paper', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  await open(page);
  await page.locator('[data-zoom-in]').click();
  await page.locator('[data-zoom-in]').click();
  const i = await lonePoint(page);
  expect(i, 'a point with room around it').toBeGreaterThanOrEqual(0);
  const ids = await idsByPoint(page, papers);
  const paper = papers.find((p) => p.id === ids.get(i))!;
  const at = await pointOnPage(page, i);
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('[data-tip]');
  await expect(tip).toBeVisible();
  await expect(tip.locator('a')).toHaveAttribute('href', paper.url);
  const title = (await tip.locator('a').textContent()) ?? '';
  expect(title.length).toBeGreaterThan(0);
  await expect(page.locator('[data-tip-topic]')).toContainText('Topic: ');
  await page.mouse.click(at.x, at.y);
  await expect(page).toHaveURL(new RegExp(`${paper.url}$`));
  await expect(page.locator('h1')).toHaveText(title);
});

test('a search marks the papers Pagefind finds, with their count', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const word = 'diffusion';
  await open(page);
  await page.locator('#pm-q').fill(word);
  await page.locator('#pm-q').press('Enter');
  await expect(page.locator('paper-map')).toHaveAttribute('data-marked', /^\d+$/);
  // What Pagefind itself finds for the word, as the map opened it (with any shards merged): the ids its paper pages
  // carry as meta.
  const found = await page.evaluate(async (word) => {
    interface Found {
      results: { data: () => Promise<{ meta: Record<string, string> }> }[];
    }
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as { search: (q: string) => Promise<Found> };
    const search = await pf.search(word);
    const data = await Promise.all(search.results.map((r) => r.data()));
    // Topic and term pages are indexed too; paper pages carry their id.
    return data.flatMap((d) => (d.meta['paper'] ? [d.meta['paper']] : []));
  }, word);
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThan(papers.length);
  await expect(page.locator('paper-map')).toHaveAttribute('data-marked', String(found.length));
  const marked = await page.locator('paper-map').evaluate((el) => (el as PaperMap).markedPoints());
  const ids = await idsByPoint(page, papers);
  expect(marked.map((i) => ids.get(i)).sort()).toEqual([...found].sort());
  // Papers with the word in their title are among them.
  for (const p of papers.filter((p) => p.title.toLowerCase().includes(word))) expect(found).toContain(p.id);
  await expect(page.locator('[data-search-status]')).toContainText(`${found.length.toLocaleString('en')} papers match “${word}”`);
  await page.locator('[data-clear]').click();
  await expect(page.locator('paper-map')).not.toHaveAttribute('data-marked', /./);
});

test('the time filter shows only the papers of the chosen digests', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const digests = await load<DigestJson[]>(page, '/data/digests.json');
  const latest = digests[digests.length - 1]!.id;
  const fromLatest = papers.filter((p) => p.digests[0]?.id === latest).length;
  expect(fromLatest).toBeLessThan(papers.length);
  await open(page);
  await page.locator('[data-latest]').click();
  await expect(page.locator('paper-map')).toHaveAttribute('data-papers', String(fromLatest));
  await expect(page.locator('[data-status]')).toContainText(`${fromLatest} of ${papers.length}`);
  await page.locator('[data-all]').click();
  await expect(page.locator('paper-map')).toHaveAttribute('data-papers', String(papers.length));
  const firstTwo = papers.filter((p) => [digests[0]!.id, digests[1]!.id].includes(p.digests[0]?.id ?? '')).length;
  await page.locator('select[data-to]').selectOption('1');
  await expect(page.locator('paper-map')).toHaveAttribute('data-papers', String(firstTwo));
});

test('the keyboard reaches and operates every control', async ({ page }) => {
  const digests = await load<DigestJson[]>(page, '/data/digests.json');
  await open(page);
  const map = page.locator('paper-map');
  await page.locator('#pm-q').focus();
  const order = ['#pm-q', 'button[type=submit]', '[data-clear]', 'select[data-from]', 'select[data-to]', '[data-latest]', '[data-all]', '#pm-topic', '[data-zoom-in]', '[data-zoom-out]', '[data-reset]', 'canvas'];
  for (const [n, selector] of order.entries()) {
    if (n > 0) await page.keyboard.press('Tab');
    await expect(map.locator(selector), `Tab reaches ${selector}`).toBeFocused();
  }
  // Search from the keyboard.
  await map.locator('#pm-q').focus();
  await page.keyboard.type('learning');
  await page.keyboard.press('Enter');
  await expect(map).toHaveAttribute('data-marked', /\d+/);
  // The time filter.
  await map.locator('[data-latest]').focus();
  await page.keyboard.press('Enter');
  await expect(map.locator('select[data-from]')).toHaveValue(String(digests.length - 1));
  await map.locator('[data-all]').focus();
  await page.keyboard.press('Space');
  await expect(map.locator('select[data-from]')).toHaveValue('0');
  await map.locator('select[data-to]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(map.locator('select[data-to]')).toHaveValue(String(digests.length - 2));
  // A topic zooms in; Reset zooms out; + and − zoom.
  await map.locator('#pm-topic').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(1);
  await map.locator('[data-reset]').focus();
  await page.keyboard.press('Enter');
  await expect(map).toHaveAttribute('data-zoom', '1.000');
  await map.locator('[data-zoom-in]').focus();
  await page.keyboard.press('Enter');
  await expect(map).toHaveAttribute('data-zoom', '2.000');
  await map.locator('[data-zoom-out]').focus();
  await page.keyboard.press('Enter');
  await expect(map).toHaveAttribute('data-zoom', '1.000');
  // On the map: + zooms, arrows pan, and the paper under the centre cross is shown.
  await map.locator('canvas').focus();
  await page.keyboard.press('+');
  await expect(map).toHaveAttribute('data-zoom', '2.000');
  await page.keyboard.press('-');
  await page.keyboard.press('0');
  await expect(map).toHaveAttribute('data-zoom', '1.000');
  const before = await map.locator('canvas').screenshot();
  await page.keyboard.press('ArrowLeft');
  expect((await map.locator('canvas').screenshot()).equals(before)).toBe(false);
});

test('?paper= opens zoomed on the paper, marked; ?topic= and ?area= zoom to the topic or area', async ({ page }) => {
  const papers = await load<PaperJson[]>(page, '/data/papers.json');
  const paper = papers[Math.floor(papers.length / 2)]!;
  await open(page, `${MAP}?paper=${paper.id}`);
  const ids = await idsByPoint(page, papers);
  await expect(page.locator('paper-map')).toHaveAttribute('data-paper', /\d+/);
  const i = Number(await page.locator('paper-map').getAttribute('data-paper'));
  expect(ids.get(i)).toBe(paper.id);
  expect(Number(await page.locator('paper-map').getAttribute('data-zoom'))).toBeGreaterThan(4);
  await expect(page.locator('[data-tip] a')).toHaveAttribute('href', paper.url);
  const topics = await load<{ slug: string }[]>(page, '/data/topics.json');
  await open(page, `${MAP}?topic=${topics[0]!.slug}`);
  await expect.poll(async () => Number(await page.locator('paper-map').getAttribute('data-zoom'))).toBeGreaterThan(1);
  // An area page links to its region, which opens zoomed in with the area chosen in the list.
  const areas = await load<{ slug: string; url: string }[]>(page, '/data/areas.json');
  await page.goto(areas[0]!.url);
  await expect(page.locator(`main a[href="${MAP}?area=${areas[0]!.slug}"]`)).toHaveCount(1);
  await open(page, `${MAP}?area=${areas[0]!.slug}`);
  await expect.poll(async () => Number(await page.locator('paper-map').getAttribute('data-zoom'))).toBeGreaterThan(1);
  await expect(page.locator('#pm-topic')).toHaveValue('a0');
});

test('colours by area: the legend lists every area with its link, area names at full view, topic names once zoomed in', async ({ page }) => {
  const areas = await load<{ label: string; url: string; papers: number }[]>(page, '/data/areas.json');
  await open(page);
  const legend = page.locator('[data-legend] a');
  await expect(legend).toHaveCount(areas.length);
  expect(await legend.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual(areas.map((a) => [a.label, a.url]));
  // Each swatch has its area's colour, and no two areas share one.
  const swatches = await page.locator('[data-legend] .pm-swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  expect(new Set(swatches).size).toBe(Math.min(areas.length, 12));
  const map = page.locator('paper-map');
  expect(Number(await map.getAttribute('data-area-labels'))).toBeGreaterThan(0);
  await expect(map).toHaveAttribute('data-topic-labels', '0');
  // Going to a topic (the first in the first area): its name is drawn.
  await page.locator('#pm-topic').selectOption({ index: 2 });
  await expect.poll(async () => Number(await map.getAttribute('data-topic-labels'))).toBeGreaterThan(0);
  // Going to a whole area zooms in.
  await page.locator('[data-reset]').click();
  await page.locator('#pm-topic').selectOption('a0');
  await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows the overview with topic discs and area names as links, and says the map needs JavaScript', async ({ page }) => {
    await page.goto(MAP);
    await expect(page.locator('[data-overview]')).toBeVisible();
    const links = page.locator('[data-overview] a[href^="/topics/"]');
    expect(await links.count()).toBeGreaterThan(0);
    const areaLinks = page.locator('[data-overview] a[data-area-label][href^="/areas/"]');
    expect(await areaLinks.count()).toBeGreaterThan(0);
    await expect(areaLinks.first()).toHaveAccessibleName(/\S/);
    await expect(page.locator('[data-no-js]')).toBeVisible();
    await expect(page.locator('[data-no-js]')).toContainText('needs JavaScript');
  });
});

test('each term map downloads in VOSviewer JSON: the same terms and links, clusters from 1', async ({ page }) => {
  const topics = await load<{ id: string; url: string; map: { nodes: { label: string; cluster: number }[]; links: unknown[] } }[]>(page, '/data/topics.json');
  const topic = topics.find((t) => t.map.nodes.length > 0)!;
  const vos = await load<{ network: { items: { id: number; label: string; cluster: number; url?: string }[]; links: { source_id: number; target_id: number }[] } }>(
    page,
    `/data/vosviewer/topics/${topic.id}.json`,
  );
  expect(vos.network.items.map((i) => i.label)).toEqual(topic.map.nodes.map((n) => n.label));
  expect(vos.network.items.map((i) => i.cluster)).toEqual(topic.map.nodes.map((n) => n.cluster + 1));
  expect(vos.network.links.length).toBe(topic.map.links.length);
  await page.goto(topic.url);
  await expect(page.locator(`a[href="/data/vosviewer/topics/${topic.id}.json"]`)).toHaveCount(1);
  const corpus = await load<{ network: { items: unknown[] } }>(page, '/data/vosviewer/corpus.json');
  expect(corpus.network.items.length).toBeGreaterThan(0);
  await page.goto('/map/');
  await expect(page.locator('a[href="/data/vosviewer/corpus.json"]')).toHaveCount(1);
});
