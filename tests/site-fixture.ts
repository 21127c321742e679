/**
 * Test fixture: a small hand-built site (three papers, two digests, two topics, two terms with pages) in the shape
 * the collections have, for the view tests. `change` edits the raw data before the lookups are built.
 */
import type { Site } from '../src/lib/site-data';
import type { TermMap } from '../src/pipeline/types';

/** A three-term map: two linked terms in cluster 0, one unlinked term in cluster 1. */
export function smallMap(): TermMap {
  return {
    nodes: [
      { term: 'moe', label: 'mixture of experts', weight: 2, x: 10, y: 20, cluster: 0 },
      { term: 'router', label: 'router', weight: 2, x: 30, y: 20, cluster: 0 },
      { term: 'rare', label: 'rare term', weight: 1, x: 50, y: 40, cluster: 1 },
    ],
    links: [{ source: 'moe', target: 'router', strength: 3.14159, count: 2 }],
    width: 60,
    height: 50,
  };
}

/** The raw entries of the fixture site. */
export function rawSite() {
  const paper = (id: string, topic: string, digests: string[], related: { id: string; shared: string[] }[]) => ({
    id,
    data: {
      slug: `slug-${id}`,
      key: `key ${id}`,
      title: `Title $x^2$ ${id}`,
      abstract: `Abstract of ${id}. It is long enough to be cut somewhere in the middle of the second sentence here.`,
      topic,
      appearances: digests.map((digest, i) => ({ digest, position: i + 1 })),
      terms: [{ term: 'moe' }, { term: 'rare', label: 'rare term' }],
      related,
    },
  });
  return {
    papers: [
      paper('a', 't1', ['d1', 'd2'], [{ id: 'b', shared: ['moe', 'rare', 'x', 'y', 'z'] }]),
      paper('b', 't1', ['d2'], [{ id: 'a', shared: [] }]),
      paper('c', 't2', ['d2'], []),
    ],
    digests: [
      { id: 'd1', data: { file: '000_a.txt', date: 'Mar 14', name: 'Mar 14', order: 0, papers: ['a'], newPapers: ['a'], grownTopics: [{ topic: 't1', added: 1 }], newTerms: ['moe', 'gone'] } },
      {
        id: 'd2',
        data: { file: '001_b.txt', date: null, name: 'Undated (#2)', order: 1, papers: ['b', 'a', 'c'], newPapers: ['b', 'c'], grownTopics: [{ topic: 't2', added: 1 }, { topic: 't1', added: 1 }], newTerms: [] },
      },
    ],
    topics: [
      { id: 't1', data: { slug: 'moe-topic', label: 'mixture of experts · router', terms: [{ term: 'moe', weight: 0.51234 }, { term: 'gone', weight: 0.2 }, { term: 'router', weight: 0.1 }], papers: ['a', 'b'], nearest: ['t2'], map: smallMap() } },
      { id: 't2', data: { slug: 'other', label: 'other', terms: [], papers: ['c'], nearest: ['t1'], map: { nodes: [], links: [], width: 0, height: 0 } } },
    ],
    terms: [
      { id: 'moe', data: { slug: 'moe', label: 'mixture of experts', acronym: 'MoE', papers: ['a', 'b'], score: 3, cooccurring: [{ term: 'router', count: 1 }, { term: 'gone', count: 2 }] } },
      { id: 'router', data: { slug: 'router', label: 'router', papers: ['a', 'b', 'c'], score: 2, cooccurring: [{ term: 'moe', count: 2 }] } },
    ],
    corpus: {
      digests: 2,
      pairs: 4,
      papers: 3,
      duplicates: 1,
      problems: [],
      map: { ...smallMap(), centres: [{ topic: 'a01', label: 'sparse model · gating', cluster: 0, x: 20, y: 20 }, { topic: 'a02', label: 'misc', cluster: 1, x: 50, y: 40 }] },
      areas: [
        { id: 'a01', slug: 'sparse-models', label: 'sparse model · gating', topics: ['t1'], size: 2, terms: [{ term: 'router', weight: 0.3 }], central: ['b', 'a'], nearest: ['a02'], map: smallMap() },
        { id: 'a02', slug: 'misc', label: 'misc', topics: ['t2'], size: 1, terms: [], central: ['c'], nearest: ['a01'], map: { nodes: [], links: [], width: 0, height: 0 } },
      ],
    },
  };
}

/** The fixture site, after `change`. */
export function fixtureSite(change: (raw: ReturnType<typeof rawSite>) => void = () => {}): Site {
  const raw = rawSite();
  change(raw);
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  return {
    papers: raw.papers,
    paperById: byId(raw.papers),
    digests: raw.digests,
    digestById: byId(raw.digests),
    topics: raw.topics,
    topicById: byId(raw.topics),
    terms: raw.terms,
    termById: byId(raw.terms),
    corpus: raw.corpus,
    areas: raw.corpus.areas,
    areaById: byId(raw.corpus.areas),
    areaOfTopic: new Map(raw.corpus.areas.flatMap((a) => a.topics.map((t) => [t, a] as const))),
  } as unknown as Site;
}
