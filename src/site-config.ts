/**
 * The site's one configuration: its name and address, the page policy (how much each page lists, what goes
 * into the search index) and the build settings taken from the environment. The environment is read here
 * and nowhere else in the site's own code; everything else receives this object or a part of it.
 */
// Imports name their .ts files so astro.config.mjs can load this module with Node's own type stripping.
import { z } from 'astro/zod';
import { SHARD_PAGES } from './client/search-shards.ts';
import { DEFAULT_POLICY } from './pipeline/policy.ts';

/** What pages list and show: the numbers that decide a page's length. */
const pagesSchema = z.object({
  termPagePapers: z
    .number()
    .int()
    .positive()
    .describe('Papers a term page lists (newest first); a term hundreds of papers use would otherwise make a page of megabytes'),
  topicPagePapers: z
    .number()
    .int()
    .positive()
    .describe("Papers per page of a topic's list; the rest go on numbered pages (`/topics/<slug>/2/`), so a large topic's page stays within its weight budget"),
  sharedTermsShown: z.number().int().nonnegative().describe('Shared key terms a paper page names per related paper'),
  topicLeadTerms: z.number().int().nonnegative().describe("Top terms named in a topic page's lead"),
  topicsIndexTerms: z.number().int().nonnegative().describe('Top terms shown per topic on the topics index'),
  homeTopics: z.number().int().nonnegative().describe('Largest topics listed on the home page'),
  homeAreaTopics: z.number().int().nonnegative().describe('Largest topics named under each area on the home page'),
  digestGrownTopics: z.number().int().nonnegative().describe('Topics that grew, listed on a digest page'),
  digestNewTerms: z.number().int().nonnegative().describe('New key terms listed on a digest page'),
  feedTitles: z.number().int().nonnegative().describe('New paper titles an RSS item lists'),
  previewChars: z.number().int().positive().describe('Length of the abstract preview in paper lists (cut at a word)'),
  descriptionChars: z.number().int().positive().describe("Length of a paper page's meta description (plain abstract)"),
});

/** What the search index holds. */
const searchSchema = z.object({
  indexedTermMinPapers: z
    .number()
    .int()
    .positive()
    .describe(
      'Term pages are indexed only for terms this many papers use: each indexed page adds metadata every first search downloads; rarer terms are found through each paper’s key-terms line',
    ),
});

/**
 * The analysis policy the pages depend on (which terms get a page, how many related papers and co-occurring terms
 * are stored, how long a topic keeps its label): content.config.ts gives it to the loader, which gives it to the analysis.
 */
const analysisSchema = z.object({
  termPageMinPapers: z.number().int().positive().describe('A key term gets a page when at least this many papers use it'),
  relatedPapers: z.number().int().nonnegative().describe('Related papers stored (and shown) per paper'),
  cooccurringTerms: z.number().int().nonnegative().describe('Co-occurring terms stored (and shown) per term'),
  labelTerms: z.number().int().positive().describe("A continuing topic keeps its label while the label's terms are among its this many strongest"),
});

/** Build settings, from the environment. */
const buildSchema = z.object({
  digestsDir: z.string().nullable().describe('Digest folder (DIGESTS_DIR), relative to the project root; null: content/digests'),
  strict: z.boolean().describe('Fail the build on problems in digests (STRICT=1 or true, `npm run build -- --strict`)'),
  topicsState: z
    .union([z.literal('off'), z.string(), z.null()])
    .describe("Topic-id state file (TOPICS_STATE): a path, 'off' for none, or null for the default next to the digest folder"),
  outDir: z.string().describe('Output folder (ASTRO_OUT_DIR, default ./dist)'),
  cacheDir: z.string().describe("Astro's cache folder, which also holds the incremental build's copies (ASTRO_CACHE_DIR)"),
  incremental: z.boolean().describe("Astro's incremental build (INCREMENTAL_BUILD=1, `npm run build -- --incremental`)"),
  pagefindDeferred: z.boolean().describe('Index for search after Astro exits rather than in its build (PAGEFIND_DEFERRED=1, set by `npm run build`)'),
  searchShardPages: z
    .number()
    .int()
    .positive()
    .describe(
      'Most pages in one Pagefind index (SEARCH_SHARD_PAGES): more are split into shards built one after another and merged in the browser, since Pagefind holds a whole index in memory (about 100 KB a page)',
    ),
});

/** What counts as a trend (src/pipeline/trends.ts) and how long the per-term and per-topic feeds are. */
const trendsSchema = z.object({
  enabled: z
    .boolean()
    .describe('Trend panels, lists, /trends/, /data/trends.json and the per-item feeds are built (TRENDS=off leaves them out, to measure what they cost)'),
  window: z.number().int().positive().describe('The latest digests a trend compares against the ones before'),
  minRecent: z.number().int().positive().describe('Papers a term or topic needs in the window to be rising (one paper is no trend)'),
  minGrowth: z.number().positive().describe("Rising: the window's share of new papers at least this many times the share before"),
  feedItems: z.number().int().positive().describe("Items a term's or topic's feed keeps: its latest digests that brought papers"),
  feedTitles: z.number().int().positive().describe('Paper titles a feed item lists (the digest page it links lists them all)'),
  listed: z.number().int().positive().describe('Rising or new items per list on /trends/'),
  summarized: z.number().int().positive().describe('Rising topics and terms on the home page'),
  roseWithDigest: z.number().int().positive().describe('Topics and terms a digest page lists as rising with it'),
});

/** The whole configuration. */
export const siteConfigSchema = z.object({
  name: z.string().min(1).describe('Site name: header, page titles, feed title'),
  url: z.url().describe('Absolute origin of the deployed site (SITE_URL): sitemap, feed and canonical links'),
  description: z.string().describe('Default meta description of a page'),
  feed: z.object({
    title: z.string().describe('Title of the RSS feed'),
    description: z.string().describe('Description of the RSS feed'),
  }),
  pages: pagesSchema,
  search: searchSchema,
  analysis: analysisSchema,
  trends: trendsSchema,
  build: buildSchema,
});

/** The site configuration. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;
/** The page policy part of the configuration, as views take it. */
export type PageSettings = SiteConfig['pages'];

/** Environment variables as read by `readSiteConfig`. */
export type Env = Readonly<Record<string, string | undefined>>;

const SITE_NAME = 'Paper Explorer';

/** Whether a flag variable is on (`1`, or `true` where `allowTrue`). */
const flag = (value: string | undefined, allowTrue = false) => value === '1' || (allowTrue && value === 'true');

/** A positive whole number from the environment, or undefined when unset or not one. */
function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** TOPICS_STATE as the loader understands it: unset or empty means the default place, `off`/`none`/`false`/`0` none. */
function topicsState(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return ['off', 'none', 'false', '0'].includes(value.toLowerCase()) ? 'off' : value;
}

/** The configuration for an environment (validated; throws with the schema's message on a bad value). */
export function readSiteConfig(env: Env): SiteConfig {
  return siteConfigSchema.parse({
    name: SITE_NAME,
    url: env.SITE_URL ?? 'https://papers.example.org',
    description: 'Browse, search and map trending machine-learning papers by topic.',
    feed: {
      title: `${SITE_NAME}: new digests`,
      description: 'Each new listing of trending machine-learning papers, with how many of its papers are new.',
    },
    pages: {
      termPagePapers: 200,
      topicPagePapers: 100,
      sharedTermsShown: 4,
      topicLeadTerms: 8,
      topicsIndexTerms: 6,
      homeTopics: 8,
      homeAreaTopics: 3,
      digestGrownTopics: 8,
      digestNewTerms: 20,
      feedTitles: 5,
      previewChars: 220,
      descriptionChars: 200,
    },
    search: { indexedTermMinPapers: 10 },
    analysis: { ...DEFAULT_POLICY },
    trends: { enabled: !['off', '0', 'false'].includes((env.TRENDS ?? '').toLowerCase()), window: 10, minRecent: 3, minGrowth: 1.5, feedItems: 20, feedTitles: 10, listed: 30, summarized: 5, roseWithDigest: 8 },
    build: {
      digestsDir: env.DIGESTS_DIR || null,
      strict: flag(env.STRICT, true),
      topicsState: topicsState(env.TOPICS_STATE),
      outDir: env.ASTRO_OUT_DIR ?? './dist',
      cacheDir: env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
      incremental: flag(env.INCREMENTAL_BUILD),
      pagefindDeferred: flag(env.PAGEFIND_DEFERRED),
      searchShardPages: positiveInt(env.SEARCH_SHARD_PAGES) ?? SHARD_PAGES,
    },
  });
}

/** The configuration of this build, read from the environment once. */
export const siteConfig: SiteConfig = readSiteConfig(process.env);
