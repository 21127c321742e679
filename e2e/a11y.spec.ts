/**
 * Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on one page of every kind, in the
 * light and the dark colour scheme, with zero violations allowed. Targets are picked from /data/*.json at
 * test time, so the gate follows whatever corpus the site was built from.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

interface UrlEntry {
  url: string;
}
interface TopicJson extends UrlEntry {
  map: { nodes: unknown[] };
  papers: string[];
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), `${url} is served`).toBe(true);
  return (await res.json()) as T;
}

/** One page to check: how to find its URL, and what to wait for before axe runs. */
interface Target {
  name: string;
  /** The page's URL, or null when the corpus has no such page (the test is skipped). */
  url: (page: Page) => Promise<string | null>;
  ready?: (page: Page) => Promise<void>;
}

const first = async (page: Page, file: string): Promise<string> => {
  const list = await json<UrlEntry[]>(page, file);
  expect(list.length, `${file} lists something`).toBeGreaterThan(0);
  return list[0]!.url;
};

const mapReady = async (page: Page): Promise<void> => {
  await expect(page.locator('term-map.is-live').first()).toBeVisible();
};

const targets: Target[] = [
  { name: 'home', url: async () => '/' },
  {
    name: 'paper',
    url: async (page) => {
      // A paper whose abstract carries a link (links inside running text), else the first one.
      const papers = await json<(UrlEntry & { abstract: string })[]>(page, '/data/papers.json');
      expect(papers.length, 'papers.json lists something').toBeGreaterThan(0);
      return (papers.find((p) => /https?:\/\//.test(p.abstract)) ?? papers[0]!).url;
    },
  },
  {
    name: 'topic with its map',
    url: async (page) => {
      // The largest topic: the busiest map, the longest paper list.
      const topics = await json<TopicJson[]>(page, '/data/topics.json');
      const withMap = topics.filter((t) => t.map.nodes.length > 0).sort((a, b) => b.papers.length - a.papers.length);
      expect(withMap.length, 'a topic with a term map').toBeGreaterThan(0);
      return withMap[0]!.url;
    },
    ready: mapReady,
  },
  { name: 'area with its map', url: (page) => first(page, '/data/areas.json'), ready: mapReady },
  { name: 'topics by area', url: async () => '/topics/' },
  {
    name: 'second page of a long topic',
    url: async (page) => {
      // Only a large corpus has one (topics list 100 papers a page): `ASTRO_OUT_DIR=<large build>` checks it.
      const topics = await json<TopicJson[]>(page, '/data/topics.json');
      const long = topics.find((t) => t.papers.length > 100);
      return long ? `${long.url}2/` : null;
    },
  },
  { name: 'digest', url: (page) => first(page, '/data/digests.json') },
  {
    name: 'term',
    url: async (page) => {
      // A term page linked from the first paper's key terms.
      await page.goto(await first(page, '/data/papers.json'));
      const href = await page.locator('main a[href^="/terms/"]').first().getAttribute('href');
      expect(href, 'the paper page links a term page').toBeTruthy();
      return href!;
    },
  },
  { name: 'corpus map', url: async () => '/map/', ready: mapReady },
  { name: 'trends', url: async () => '/trends/' },
  {
    name: 'paper map with a search',
    url: async () => '/map/papers/',
    ready: async (page) => {
      await expect(page.locator('paper-map[data-papers]')).toBeVisible();
      await page.locator('#pm-q').fill('learning');
      await page.locator('#pm-q').press('Enter');
      await expect(page.locator('[data-search-status]')).toContainText('match');
    },
  },
  {
    name: 'search with results',
    url: async () => '/search/?q=learning',
    ready: async (page) => {
      await expect(page.locator('[data-search-results-region]')).toHaveAttribute('data-state', 'results');
      await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
      // The filters are folded until asked for; open them so their checkboxes and counts are checked too.
      await page.locator('[data-search-filters] > summary').click();
      await expect(page.locator('[data-search-refine]')).toHaveAttribute('data-counts', 'ready');
    },
  },
];

/** A readable list of axe violations: rule, impact, help, and the first nodes with their failure summary. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.length} node(s)`,
        ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n');
}

for (const scheme of SCHEMES) {
  for (const target of targets) {
    test(`axe: ${target.name}, ${scheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const url = await target.url(page);
      test.skip(url === null, 'no such page in this corpus');
      if (url === null) return;
      await page.goto(url);
      await target.ready?.(page);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const ids = results.violations.map((v) => v.id);
      expect(ids, `axe violations on ${url} (${scheme}):\n${describe(results.violations)}`).toEqual([]);
    });
  }
}
