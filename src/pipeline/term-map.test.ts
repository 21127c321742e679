import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelBox } from './force-layout';
import { mergeDigests } from './merge';
import { paperVectors } from './related';
import { extractTerms } from './terms';
import { buildTopics } from './topics';
import { knnGraph } from './vectors';
import type { ClassTerm } from './topic-labels';
import { corpusMap, nodeRadius, PLACE_LABEL_PX, rerank, TERM_LABEL_PX, termClusters, topicMap, topicMapSize } from './term-map';
import type { TermMap } from './types';
import { readDigests } from '../../tests/digest-fixtures';

/** A ranking in the given order with the given paper counts (weights descending). */
const ranking = (entries: [string, number][], top = 1): ClassTerm[] => entries.map(([term, count], i) => ({ term, count, weight: top - i / 10 }));

// A topic of four papers: two about routing experts, two about sparse gating.
const moePapers = [
  ['moe', 'routing', 'expert', 'load balancing'],
  ['moe', 'routing', 'expert'],
  ['moe', 'sparse', 'gating'],
  ['moe', 'sparse', 'gating', 'expert', 'unranked term'],
];
const moeRanking = ranking([
  ['moe', 4],
  ['expert', 3],
  ['routing', 2],
  ['sparse', 2],
  ['gating', 2],
  ['load balancing', 1],
]);

/** Checks that every node's box lies inside the viewBox and no two boxes overlap. */
function expectLegible(map: TermMap): void {
  const max = Math.max(...map.nodes.map((n) => n.weight));
  const boxes = map.nodes.map((n) => {
    const box = labelBox(n.label, TERM_LABEL_PX, nodeRadius(n.weight, max));
    return { x0: n.x - box.width / 2, x1: n.x + box.width / 2, y0: n.y - box.height / 2, y1: n.y + box.height / 2 };
  });
  for (const [i, a] of boxes.entries()) {
    expect(a.x0).toBeGreaterThanOrEqual(0);
    expect(a.y0).toBeGreaterThanOrEqual(0);
    expect(a.x1).toBeLessThanOrEqual(map.width);
    expect(a.y1).toBeLessThanOrEqual(map.height);
    for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
  }
}

describe('topicMapSize and nodeRadius', () => {
  it('shows 15–80 terms, twice the topic size in between', () => {
    expect([3, 10, 25, 40, 500].map((size) => topicMapSize(size))).toEqual([15, 20, 50, 80, 80]);
  });

  it('gives circles an area proportional to the papers, 3.5–14 px', () => {
    expect(nodeRadius(16, 16)).toBe(14);
    expect(nodeRadius(4, 16)).toBe(7);
    expect(nodeRadius(0, 16)).toBe(3.5);
  });
});

describe('rerank', () => {
  it('orders by c-TF-IDF × (0.25 + specificity) when specificities are given, stably', () => {
    const ranked = [
      { term: 'influence', weight: 1, count: 9 }, // 1 × 0.25
      { term: 'routing', weight: 0.5, count: 4 }, // 0.5 × 2.25
      { term: 'expert', weight: 0.4, count: 3 }, // 0.4 × 1.25
      { term: 'gating', weight: 0.25, count: 2 }, // 0.25 × 2.25
    ];
    const specificity: Record<string, number> = { influence: 0, routing: 2, expert: 1, gating: 2 };
    expect(rerank(ranked, (id) => specificity[id]).map((t) => t.term)).toEqual(['routing', 'gating', 'expert', 'influence']);
    expect(rerank(ranked).map((t) => t.term)).toEqual(['influence', 'routing', 'expert', 'gating']);
  });
});

describe('termClusters', () => {
  it('numbers Louvain clusters by size, then by the first member, isolated terms last', () => {
    const links = [
      { source: 'a', target: 'b', strength: 3, count: 2 },
      { source: 'b', target: 'c', strength: 3, count: 2 },
      { source: 'a', target: 'c', strength: 3, count: 2 },
      { source: 'd', target: 'e', strength: 3, count: 2 },
      { source: 'c', target: 'd', strength: 0.1, count: 1 },
    ];
    expect([...termClusters(['e', 'd', 'c', 'b', 'a', 'f'], links)]).toEqual([
      ['c', 0],
      ['b', 0],
      ['a', 0],
      ['e', 1],
      ['d', 1],
      ['f', 2],
    ]);
  });
});

describe('topicMap', () => {
  const map = topicMap(moePapers, moeRanking, (id) => id.toUpperCase());

  it('takes the shared terms, then single-paper ones, sized by the papers that use them, in sub-clusters', () => {
    expect(map.nodes.map((n) => [n.term, n.label, n.weight, n.cluster])).toEqual([
      ['moe', 'MOE', 4, 0],
      ['expert', 'EXPERT', 3, 1],
      ['gating', 'GATING', 2, 0],
      ['routing', 'ROUTING', 2, 1],
      ['sparse', 'SPARSE', 2, 0],
      ['load balancing', 'LOAD BALANCING', 1, 1],
    ]);
  });

  it('links terms by association strength over the topic papers (N = 4)', () => {
    expect(map.links).toEqual([
      { source: 'expert', target: 'gating', strength: 0.6667, count: 1 }, // 1 · 4 / (3 · 2)
      { source: 'expert', target: 'load balancing', strength: 1.333, count: 1 }, // 1 · 4 / (3 · 1)
      { source: 'expert', target: 'moe', strength: 1, count: 3 }, // 3 · 4 / (3 · 4)
      { source: 'expert', target: 'routing', strength: 1.333, count: 2 },
      { source: 'expert', target: 'sparse', strength: 0.6667, count: 1 },
      { source: 'gating', target: 'moe', strength: 1, count: 2 },
      { source: 'gating', target: 'sparse', strength: 2, count: 2 }, // 2 · 4 / (2 · 2)
      { source: 'load balancing', target: 'moe', strength: 1, count: 1 },
      { source: 'load balancing', target: 'routing', strength: 2, count: 1 },
      { source: 'moe', target: 'routing', strength: 1, count: 2 },
      { source: 'moe', target: 'sparse', strength: 1, count: 2 },
    ]);
  });

  it('is laid out legibly and deterministically', () => {
    expect([map.width, map.height]).toEqual([800, 600]);
    expectLegible(map);
    expect(JSON.stringify(topicMap(moePapers, moeRanking, (id) => id.toUpperCase()))).toBe(JSON.stringify(map));
  });

  it('prefers terms used by two papers or more once there are enough of them', () => {
    const papers = Array.from({ length: 20 }, (_, p) => [`shared ${p % 10}`, `single ${p}`]);
    const many = ranking([...Array.from({ length: 20 }, (_, i): [string, number] => [`single ${i}`, 1]), ...Array.from({ length: 10 }, (_, i): [string, number] => [`shared ${i}`, 2])]);
    const terms = topicMap(papers, many, (id) => id).nodes.map((n) => n.term);
    expect(terms.filter((t) => t.startsWith('shared'))).toHaveLength(10);
    expect(terms.filter((t) => t.startsWith('single'))).toHaveLength(5);
  });
});

describe('corpusMap', () => {
  const recPapers = [
    ['recommendation', 'user', 'item'],
    ['recommendation', 'item', 'ctr'],
    ['recommendation', 'user', 'ctr', 'moe'],
  ];
  const recRanking = ranking(
    [
      ['recommendation', 3],
      ['item', 2],
      ['user', 2],
      ['ctr', 2],
      ['expert', 1],
    ],
    0.5,
  );
  const topics = [
    { id: 't01', label: 'mixture of experts · routing', ranking: moeRanking },
    { id: 't02', label: 'recommendation · CTR', ranking: recRanking },
  ];
  const map = corpusMap(topics, [...moePapers, ...recPapers], (id) => id, { perTopic: [3, 3] });

  it("shows each topic's strongest terms, coloured by topic, sized by corpus papers", () => {
    expect(map.nodes.map((n) => [n.term, n.weight, n.cluster])).toEqual([
      ['moe', 5, 0],
      ['expert', 3, 0],
      ['recommendation', 3, 1],
      ['item', 2, 1],
      ['routing', 2, 0],
      ['user', 2, 1],
    ]);
    // Pairs in at least two of the seven papers; N = 7.
    expect(map.links).toEqual([
      { source: 'expert', target: 'moe', strength: 1.4, count: 3 }, // 3 · 7 / (3 · 5)
      { source: 'expert', target: 'routing', strength: 2.333, count: 2 },
      { source: 'item', target: 'recommendation', strength: 2.333, count: 2 },
      { source: 'moe', target: 'routing', strength: 1.4, count: 2 },
      { source: 'recommendation', target: 'user', strength: 2.333, count: 2 },
    ]);
  });

  it('gives every topic a label position that no term label covers', () => {
    expect(map.centres.map((c) => [c.topic, c.label, c.cluster])).toEqual([
      ['t01', 'mixture of experts · routing', 0],
      ['t02', 'recommendation · CTR', 1],
    ]);
    expectLegible(map);
    const max = Math.max(...map.nodes.map((n) => n.weight));
    for (const centre of map.centres) {
      const box = labelBox(centre.label.split(' · ').join('\n'), PLACE_LABEL_PX * 1.06);
      for (const n of map.nodes) {
        const nb = labelBox(n.label, TERM_LABEL_PX, nodeRadius(n.weight, max));
        const apart = Math.abs(centre.x - n.x) >= (box.width + nb.width) / 2 || Math.abs(centre.y - n.y) >= (box.height + nb.height) / 2;
        expect(apart).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(corpusMap(topics, [...moePapers, ...recPapers], (id) => id, { perTopic: [3, 3] }))).toBe(JSON.stringify(map));
  });
});

describe('maps of the seed corpus (through parse, merge, terms, vectors, topics)', () => {
  const dir = path.resolve(__dirname, '../../content/digests');
  const corpus = mergeDigests(readDigests(dir));
  const extraction = extractTerms(corpus.papers);
  const paperTerms = extraction.paperIds.map((id) => extraction.occurrences[id] ?? []);
  const { topics, rankings } = buildTopics({
    paperIds: extraction.paperIds,
    paperTermIds: paperTerms,
    knn: knnGraph(paperVectors(extraction), 12),
    terms: extraction.terms,
  });
  const labels = new Map(extraction.terms.map((t) => [t.id, t.label]));
  const label = (id: string): string => labels.get(id) ?? id;
  const index = new Map(extraction.paperIds.map((id, i) => [id, i]));
  const termsOf = (papers: string[]): string[][] => papers.map((p) => paperTerms[index.get(p) ?? -1] ?? []);
  const started = performance.now();
  const maps = topics.map((t, i) => topicMap(termsOf(t.papers), rankings[i] ?? [], label));
  const overview = corpusMap(
    topics.map((t, i) => ({ id: t.id, label: t.label, ranking: rankings[i] ?? [] })),
    paperTerms,
    label,
  );
  const elapsed = performance.now() - started;

  it('draws every topic with up to 80 legible terms used by two of its papers or more, quickly', () => {
    topics.forEach((topic, i) => {
      const map = maps[i] as TermMap;
      expect(map.nodes.length).toBeGreaterThanOrEqual(Math.min(15, topicMapSize(topic.papers.length)));
      expect(map.nodes.length).toBeLessThanOrEqual(topicMapSize(topic.papers.length));
      if (topic.papers.length >= 20) for (const n of map.nodes) expect(n.weight).toBeGreaterThanOrEqual(2);
      expectLegible(map);
      const clusters = [...new Set(map.nodes.map((n) => n.cluster))].sort((a, b) => a - b);
      expect(clusters).toEqual(clusters.map((_, c) => c));
    });
    expect(elapsed).toBeLessThan(10_000);
  });

  it('draws the corpus with 6–10 terms of every topic, coloured by topic, every topic label placed', () => {
    topics.forEach((_, t) => {
      const own = overview.nodes.filter((n) => n.cluster === t).length;
      expect(own).toBeGreaterThanOrEqual(Math.min(6, rankings[t]?.length ?? 0));
      expect(own).toBeLessThanOrEqual(10);
    });
    expect(overview.centres.map((c) => c.topic)).toEqual(topics.map((t) => t.id));
    for (const c of overview.centres) {
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(overview.width);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(overview.height);
    }
    expectLegible(overview);
  });

  it('gives the same maps for the same input', () => {
    const again = topics.map((t, i) => topicMap(termsOf(t.papers), rankings[i] ?? [], label));
    expect(JSON.stringify(again)).toBe(JSON.stringify(maps));
  });
});
