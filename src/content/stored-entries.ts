/**
 * What each collection stores of the analysed site, typed by the collection schemas: the entries as the pages
 * read them, with what no page shows left out.
 */
import type { z } from 'astro/zod';
import type { AnalysedPaper, SiteData } from '../pipeline/analyze';
import type { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from './schemas';

/** Which part of the analysed site a collection holds. */
export type CollectionKind = 'papers' | 'digests' | 'topics' | 'terms' | 'corpus';

/** The data of one entry of each collection, before its schema parses it. */
export interface StoredData {
  papers: z.input<typeof paperSchema>;
  digests: z.input<typeof digestSchema>;
  topics: z.input<typeof topicSchema>;
  terms: z.input<typeof termSchema>;
  corpus: z.input<typeof corpusSchema>;
}

/**
 * A paper as the papers collection stores it: what its pages show. Term weights and similarity scores, and the
 * labels of terms with a page of their own, are left out: at 20,000 papers the content store is about 60 MB,
 * and Astro's bundling step, the build's memory peak, holds several copies of it.
 */
function storedPaper({ id: _id, terms, related, ...rest }: AnalysedPaper, withPage: ReadonlySet<string>): StoredData['papers'] {
  return {
    ...rest,
    terms: terms.map(({ term, label }) => (withPage.has(term) || label === term ? { term } : { term, label })),
    related: related.map(({ id, shared }) => ({ id, shared })),
  };
}

/** Entries of one collection as [id, data] pairs. */
export function storedEntries<K extends CollectionKind>(kind: K, data: SiteData): [string, StoredData[K]][];
export function storedEntries(kind: CollectionKind, data: SiteData): [string, StoredData[CollectionKind]][] {
  switch (kind) {
    case 'papers': {
      const withPage = new Set(data.terms.map((t) => t.id));
      return data.papers.map((paper) => [paper.id, storedPaper(paper, withPage)]);
    }
    case 'digests':
      return data.digests.map(({ id, ...rest }) => [id, rest]);
    case 'topics':
      return data.topics.map(({ id, ...rest }) => [id, rest]);
    case 'terms':
      return data.terms.map(({ id, ...rest }) => [id, rest]);
    case 'corpus':
      return [['corpus', { ...data.corpus }]];
  }
}
