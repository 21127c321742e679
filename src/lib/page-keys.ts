/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a hash of every value a paper or
 * term page shows, so a rebuild renders only the pages whose content changed and copies the rest from the
 * previous build. Astro adds the page's code (its module graph), the config and the lock file on top.
 *
 * A key must cover everything the page reads: the page's own entry and what it looks up in other entries
 * (topic labels, related papers' titles, digest names, term labels and whether a term has a page). A value
 * left out would leave a stale page behind; `tests/add-rebuild.test.ts` compares an incremental rebuild with a
 * clean build of the same input, byte for byte.
 */
import { createHash } from 'node:crypto';
import { digestName } from './links';
import { searchFilters } from './search-filters';
import type { PaperEntry, Site, TermEntry } from './site';
import { termTrendKey } from '../views/trend-key';

/** Bump when a page starts showing data in a way the keys below do not capture. */
const VERSION = 'page-keys-1';
/** Shared terms a paper page shows per related paper. */
export const SHARED_SHOWN = 4;

/** The cache keys of a site's paper and term pages. */
export interface PageKeys {
  /** Key of `/papers/<slug>/`. */
  paper(paper: PaperEntry): string;
  /** Key of `/terms/<slug>/`. */
  term(term: TermEntry): string;
}

const hash = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('base64url');

const memo = new WeakMap<Site, PageKeys>();

/** The page keys of a site, computed lazily and once per build. */
export function pageKeys(site: Site): PageKeys {
  let keys = memo.get(site);
  if (keys === undefined) {
    keys = createKeys(site);
    memo.set(site, keys);
  }
  return keys;
}

function createKeys(site: Site): PageKeys {
  const { topic: topicFilter, digest: digestFilter } = searchFilters(site);
  /** What a link to a term shows: its page (slug), label, acronym and long form, or null when it has no page. */
  const termRef = (id: string) => {
    const term = site.termById.get(id);
    return term ? [id, term.data.slug, term.data.label, term.data.acronym ?? null, term.data.longForm ?? null] : [id, null];
  };
  const topicRef = (id: string) => {
    const topic = site.topicById.get(id);
    return topic ? [id, topic.data.slug, topic.data.label, topicFilter.get(id) ?? null] : [id, null];
  };
  /** A paper as a term page uses it (link, title, abstract preview, and its topic for the topic counts), hashed once per paper. */
  const listItems = new Map<string, string>();
  const listItem = (id: string): string => {
    let key = listItems.get(id);
    if (key === undefined) {
      const p = site.paperById.get(id);
      key = p ? hash([id, p.data.slug, p.data.title, p.data.abstract, p.data.topic]) : `missing:${id}`;
      listItems.set(id, key);
    }
    return key;
  };

  return {
    paper(paper) {
      const { data } = paper;
      const termIds = new Set([...data.terms.map((t) => t.term), ...data.related.flatMap((r) => r.shared.slice(0, SHARED_SHOWN))]);
      // Only what the page renders (the stored paper has no term weights or similarity scores: they move with
      // every new digest without changing the page).
      return hash([
        VERSION,
        paper.id,
        data.slug,
        data.title,
        data.abstract,
        data.terms.map((t) => [t.term, t.label ?? null]),
        data.related.map((r) => [r.id, r.shared.slice(0, SHARED_SHOWN)]),
        topicRef(data.topic),
        data.appearances.map((a) => {
          const d = site.digestById.get(a.digest);
          return d ? [d.id, digestName(d), d.data.order, digestFilter.get(d.id) ?? null] : [a.digest, null];
        }),
        data.related.map((r) => {
          const p = site.paperById.get(r.id);
          return p ? [r.id, p.data.slug, p.data.title] : [r.id, null];
        }),
        [...termIds].sort().map(termRef),
      ]);
    },
    term(term) {
      const { data } = term;
      const topics = new Set(data.papers.map((id) => site.paperById.get(id)?.data.topic ?? ''));
      return hash([
        VERSION,
        term.id,
        data.slug,
        data.label,
        data.acronym ?? null,
        data.longForm ?? null,
        data.papers.map(listItem),
        [...topics].sort().map(topicRef),
        data.cooccurring.map((c) => [c.count, termRef(c.term)]),
        termTrendKey(site, term.id),
      ]);
    },
  };
}
