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

export { paperUrl, digestUrl, topicUrl, termUrl, digestName, digestHeading } from './links';
