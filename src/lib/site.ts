/** Build-time access to the analysed corpus for pages: the collections read once and indexed by id. */
import { getCollection, getEntry } from 'astro:content';
import { readEntryFiles } from '../content/entry-files';
import type { PaperEntry, Site, TermEntry } from './site-data';

export type { AreaData, DigestEntry, PaperEntry, Site, TermEntry, TopicEntry } from './site-data';

let cached: Promise<Site> | undefined;

/** The whole site, read from the collections once per build. */
export function getSite(): Promise<Site> {
  cached ??= loadSite();
  return cached;
}

/** The full entries of a collection whose store entries name their files (src/content/entry-files.ts), in store order. */
async function fromFiles<T>(stored: { id: string; data: { file: string } }[]): Promise<{ id: string; data: T }[]> {
  const byId = await readEntryFiles<T>(stored.map((e) => e.data.file));
  return stored.map(({ id }) => {
    const data = byId.get(id);
    if (data === undefined) throw new Error(`Entry "${id}" is missing from its entry file: the digest loader did not finish.`);
    return { id, data };
  });
}

async function loadSite(): Promise<Site> {
  const [papers, digests, topics, terms, corpus] = await Promise.all([
    getCollection('papers').then((stored) => fromFiles<PaperEntry['data']>(stored)),
    getCollection('digests'),
    getCollection('topics'),
    getCollection('terms').then((stored) => fromFiles<TermEntry['data']>(stored)),
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
    areas: corpus.data.areas,
    areaById: new Map(corpus.data.areas.map((a) => [a.id, a])),
    areaOfTopic: new Map(corpus.data.areas.flatMap((a) => a.topics.map((t) => [t, a] as const))),
  };
}
