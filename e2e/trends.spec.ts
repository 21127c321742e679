/**
 * Trends: the papers-per-digest charts on term, topic and area pages, /trends/, the home and digest page lists, and
 * the per-term, per-topic and per-area feeds (well-formed XML, an item per digest that brought papers, at most 20,
 * links that resolve). Expectations come from /data/trends.json, so the tests follow whatever corpus the site was
 * built from.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { load, watchConsole } from './helpers';

interface TrendItemJson {
  id: string;
  label: string;
  url: string;
  feed: string;
  total: number;
  recent: number;
  status: 'rising' | 'new' | 'steady';
  series: [number, number][];
}
interface TrendsJson {
  settings: { window: number; minRecent: number; minGrowth: number };
  digests: { id: string; name: string; url: string; papers: number }[];
  topics: TrendItemJson[];
  terms: TrendItemJson[];
  areas: TrendItemJson[];
}

const trendsOf = (page: Page) => load<TrendsJson>(page, '/data/trends.json');

test('trends.json: every series adds up to the item’s papers, and every digest’s papers to the corpus', async ({ page }) => {
  const trends = await trendsOf(page);
  expect(trends.digests.length).toBeGreaterThan(0);
  const digests = await load<{ id: string; newPapers: string[] }[]>(page, '/data/digests.json');
  expect(trends.digests.map((d) => d.papers)).toEqual(digests.map((d) => d.newPapers.length));
  const problems: string[] = [];
  for (const x of [...trends.topics, ...trends.terms, ...trends.areas]) {
    if (x.series.reduce((n, [, c]) => n + c, 0) !== x.total) problems.push(`${x.id}: series does not add up to ${x.total}`);
    if (!x.series.every(([i, c]) => i >= 0 && i < trends.digests.length && c > 0)) problems.push(`${x.id}: a digest index or count out of range`);
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(trends.terms.some((t) => t.status === 'rising'), 'the corpus has rising terms').toBe(true);
  // Every area has a series, and together the areas hold every paper of a topic, each once.
  const areas = await load<{ id: string; papers: number }[]>(page, '/data/areas.json');
  expect(trends.areas.map((a) => [a.id, a.total])).toEqual(areas.map((a) => [a.id, a.papers]));
});

test('term, topic and area pages show the chart, its text, first and peak digest, and a Follow link to their feed', async ({ page }) => {
  const errors = watchConsole(page);
  const trends = await trendsOf(page);
  for (const item of [trends.topics[0]!, trends.terms[0]!, trends.areas[0]!]) {
    await page.goto(item.url);
    const panel = page.getByRole('region', { name: 'Papers per digest' });
    await expect(panel.locator('svg path')).toHaveCount(1);
    // A bar per digest that brought papers.
    const bars = (await panel.locator('svg path').getAttribute('d'))!.match(/M/g)?.length;
    expect(bars).toBe(item.series.length);
    await expect(panel.locator('figcaption')).toContainText(/papers? in (the last \d+ digests?|\d+ digests?)/);
    // A term's chart stops at its latest digest with papers (so a digest that brings it none leaves its page as it was).
    if (item === trends.terms[0]) {
      const latest = trends.digests[item.series.at(-1)![0]]!.name;
      await expect(panel.locator('figcaption')).toContainText(`Up to ${latest}, its latest digest with papers:`);
    }
    const first = trends.digests[item.series[0]![0]]!.name;
    await expect(panel).toContainText(`First seen on ${first}`);
    const follow = panel.getByRole('link', { name: 'Follow', exact: true });
    await expect(follow).toHaveAttribute('href', item.feed);
    await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="${item.feed}"]`)).toHaveCount(1);
    // The site feed stays.
    await expect(page.locator('head link[rel="alternate"][href="/rss.xml"]')).toHaveCount(1);
  }
  expect(errors).toEqual([]);
});

test('/trends/ lists rising and new areas, topics and terms, each with a chart, as trends.json ranks them', async ({ page }) => {
  const trends = await trendsOf(page);
  await page.goto('/trends/');
  const statusOf = new Map([...trends.topics, ...trends.terms, ...trends.areas].map((x) => [x.url, x.status]));
  for (const [name, status, list] of [
    ['Rising areas', 'rising', trends.areas],
    ['New areas', 'new', trends.areas],
    ['Rising topics', 'rising', trends.topics],
    ['Rising terms', 'rising', trends.terms],
    ['New topics', 'new', trends.topics],
    ['New terms', 'new', trends.terms],
  ] as const) {
    const section = page.getByRole('region', { name });
    const items = section.locator('[data-trend-list] > li');
    const expected = Math.min(30, list.filter((x) => x.status === status).length);
    await expect(items).toHaveCount(expected);
    const hrefs = await items.locator('> div > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(statusOf.get(href!), `${name}: ${href}`).toBe(status);
    await expect(items.locator('figure')).toHaveCount(expected);
  }
});

test('the home page shows the top five rising topics and terms; a digest page what rose with it', async ({ page }) => {
  const trends = await trendsOf(page);
  await page.goto('/');
  const rising = page.getByRole('region', { name: 'What is rising' });
  const terms = rising.locator('[data-trend-list]').last().locator('> li');
  await expect(terms).toHaveCount(Math.min(5, trends.terms.filter((t) => t.status === 'rising').length));
  await expect(rising.getByRole('link', { name: 'All trends, with charts' })).toHaveAttribute('href', '/trends/');
  const latest = trends.digests.at(-1)!;
  await page.goto(latest.url);
  const rose = page.getByRole('region', { name: 'What rose with this digest' });
  await expect(rose).toBeVisible();
  // As of the latest digest, what rose with it is what is rising or new now among the items it brought papers to.
  const last = trends.digests.length - 1;
  const expected = trends.terms.filter((t) => t.status !== 'steady' && t.series.some(([i]) => i === last)).length;
  await expect(rose.locator('[data-trend-list]').last().locator('> li')).toHaveCount(Math.min(8, expected));
});

test('every topic, term and area feed is well-formed RSS with an item per digest that brought papers (at most 20)', async ({ page }) => {
  test.setTimeout(900_000);
  const trends = await trendsOf(page);
  await page.goto('/');
  const items = [...trends.areas, ...trends.topics, ...trends.terms];
  // Fetched and parsed in the page, 32 at a time (a large site has tens of thousands of feeds).
  const results = await page.evaluate(async (feeds) => {
    const check = async (feed: string) => {
      const res = await fetch(feed);
      const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
      const error = !res.ok ? `HTTP ${res.status}` : (doc.querySelector('parsererror')?.textContent ?? null);
      const links = [...doc.querySelectorAll('item > link')].map((l) => new URL(l.textContent ?? '').pathname);
      return { feed, error, items: doc.querySelectorAll('rss > channel > item').length, links };
    };
    const out: Awaited<ReturnType<typeof check>>[] = [];
    for (let i = 0; i < feeds.length; i += 32) out.push(...(await Promise.all(feeds.slice(i, i + 32).map(check))));
    return out;
  }, items.map((x) => x.feed));
  const digestUrls = new Set(trends.digests.map((d) => d.url));
  const problems: string[] = [];
  results.forEach((r, i) => {
    const item = items[i]!;
    if (r.error) problems.push(`${r.feed}: ${r.error}`);
    if (r.items !== Math.min(20, item.series.length)) problems.push(`${r.feed}: ${r.items} items for ${item.series.length} digests`);
    const newest = [...item.series].reverse().slice(0, 20).map(([d]) => trends.digests[d]!.url);
    if (JSON.stringify(r.links) !== JSON.stringify(newest)) problems.push(`${r.feed}: items ${r.links.join(' ')}`);
    if (!r.links.every((l) => digestUrls.has(l))) problems.push(`${r.feed}: an item links no digest`);
  });
  expect(problems.slice(0, 20)).toEqual([]);
});

test('an area feed: its channel links the area page, its items the digests, and every link resolves', async ({ page }) => {
  const trends = await trendsOf(page);
  const area = trends.areas[0]!;
  const res = await page.request.get(area.feed);
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toContain('xml');
  await page.goto('/');
  const feed = await page.evaluate(async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
    const text = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => e.textContent ?? '');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, channel: text('rss > channel > link'), title: text('rss > channel > title'), items: text('item > link'), descriptions: text('item > description') };
  }, area.feed);
  expect(feed.error).toBeNull();
  expect(feed.title).toEqual([`Paper Explorer: ${area.label}`]);
  expect(feed.channel.map((l) => new URL(l).pathname)).toEqual([area.url]);
  expect(feed.items).toHaveLength(Math.min(20, area.series.length));
  expect(feed.descriptions.every((d) => d.length > 0), 'every item lists papers').toBe(true);
  for (const link of new Set([...feed.channel, ...feed.items].map((l) => new URL(l).pathname))) {
    expect((await page.request.get(link)).status(), link).toBe(200);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: an area page with its chart, ${scheme} scheme`, async ({ page }) => {
    const trends = await trendsOf(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(trends.areas[0]!.url);
    await expect(page.getByRole('region', { name: 'Papers per digest' }).locator('svg path')).toHaveCount(1);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      // The page's term map is checked live by the accessibility spec; here the page with its chart, map as rendered.
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
