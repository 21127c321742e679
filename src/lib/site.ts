/** Build-time access to the analysed corpus for pages: the collections read once and indexed by id. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

export type PaperEntry = CollectionEntry<'papers'>;
export type DigestEntry = CollectionEntry<'digests'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type TermEntry = CollectionEntry<'terms'>;

/** Every collection of the site, with lookups by id. */
export interface Site {
  papers: PaperEntry[];
  paperById: Map<string, PaperEntry>;
  /** Digests in arrival order (oldest first). */
  digests: DigestEntry[];
  digestById: Map<string, DigestEntry>;
  topics: TopicEntry[];
  topicById: Map<string, TopicEntry>;
  terms: TermEntry[];
  termById: Map<string, TermEntry>;
  corpus: CollectionEntry<'corpus'>['data'];
}

let cached: Promise<Site> | undefined;

/** The whole site, read from the collections once per build. */
export function getSite(): Promise<Site> {
  cached ??= loadSite();
  return cached;
}

async function loadSite(): Promise<Site> {
  const [papers, digests, topics, terms, corpus] = await Promise.all([
    getCollection('papers'),
    getCollection('digests'),
    getCollection('topics'),
    getCollection('terms'),
    getEntry('corpus', 'corpus'),
  ]);
  if (!corpus) throw new Error('The corpus entry is missing: the digest loader did not run.');
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  digests.sort((a, b) => a.data.order - b.data.order);
  papers.sort((a, b) => a.id.localeCompare(b.id));
  return {
    papers,
    paperById: byId(papers),
    digests,
    digestById: byId(digests),
    topics,
    topicById: byId(topics),
    terms,
    termById: byId(terms),
    corpus: corpus.data,
  };
}

/** Looks an id up and fails the build loudly if it is missing (a broken link would be worse). */
export function must<T>(map: Map<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`Unknown ${what} id "${id}"`);
  return found;
}

/** URL of a paper page. */
export const paperUrl = (slug: string) => `/papers/${slug}/`;
/** URL of a digest page. */
export const digestUrl = (id: string) => `/digests/${id}/`;
/** URL of a topic page. */
export const topicUrl = (slug: string) => `/topics/${slug}/`;
/** URL of a term page. */
export const termUrl = (slug: string) => `/terms/${slug}/`;

/** A digest's display name: its date label, or its file name when the listing had no date. */
export function digestName(d: DigestEntry): string {
  return d.data.date ?? d.data.file.replace(/\.txt$/i, '');
}
