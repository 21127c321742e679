/** The analysed corpus as pages and views use it: the collections' entries with lookups by id (types only, and `must`). */
import type { CollectionEntry } from 'astro:content';
import type { z } from 'astro/zod';
import type { paperSchema, termSchema } from '../content/schemas';

/** A paper as the pages read it: its full entry from its entry file (the store keeps only the file's name). */
export type PaperEntry = { id: string; data: z.output<typeof paperSchema> };
export type DigestEntry = CollectionEntry<'digests'>;
export type TopicEntry = CollectionEntry<'topics'>;
/** A term with a page as the pages read it: its full entry from its entry file. */
export type TermEntry = { id: string; data: z.output<typeof termSchema> };
/** An area (a group of topics) as stored in the corpus entry. */
export type AreaData = CollectionEntry<'corpus'>['data']['areas'][number];

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
  /** Areas, largest first. */
  areas: AreaData[];
  areaById: Map<string, AreaData>;
  /** The area of each topic, by topic id. */
  areaOfTopic: Map<string, AreaData>;
}

/** Looks an id up and fails the build loudly if it is missing (a broken link would be worse). */
export function must<T>(map: Map<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`Unknown ${what} id "${id}"`);
  return found;
}
