import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDigests } from './merge';
import { mulberry32 } from './random';
import { lsaInput, paperVectors } from './related';
import { acronymDictionary, isNearDuplicate } from './topic-labels';
import { extractTerms } from './terms';
import { blendedKnnGraph, lsaVectors } from './semantic';
import { provisionalTopicIds, buildTopics, clusterPapers, uniqueSlugs, type KnnEdge } from './topics';
import { defaultMaxShare, leafMaxSize, leafMinSize, maxTopicSize, sizeLimits, topicCountRange } from './topic-sizes';
import { readDigests } from '../../tests/digest-fixtures';

/** All pairs of the given nodes, with one weight. */
function clique(nodes: number[], weight = 1): KnnEdge[] {
  const edges: KnnEdge[] = [];
  for (const a of nodes) for (const b of nodes) if (a < b) edges.push({ source: a, target: b, weight });
  return edges;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** A planted partition: `groups` groups of `size` papers, each paper's k nearest neighbours mostly in its group. */
function planted(groups: number, size: number, k: number, noise: number, seed: number): { n: number; knn: KnnEdge[] } {
  const random = mulberry32(seed);
  const n = groups * size;
  const knn: KnnEdge[] = [];
  for (let i = 0; i < n; i += 1) {
    const group = Math.floor(i / size);
    for (let e = 0; e < k; e += 1) {
      const inside = random() >= noise;
      const target = inside ? group * size + Math.floor(random() * size) : Math.floor(random() * n);
      if (target !== i) knn.push({ source: i, target, weight: inside ? 0.5 + random() / 2 : random() / 3 });
    }
  }
  return { n, knn };
}

/** Checks that groups partition 0..n-1. */
function expectPartition(groups: number[][], n: number): void {
  expect(groups.flat().sort((a, b) => a - b)).toEqual(range(0, n));
}

describe('clusterPapers', () => {
  it('finds two cliques joined by one weak edge, the same way every time', () => {
    const knn = [...clique([0, 1, 2, 3]), ...clique([4, 5, 6, 7]), { source: 3, target: 4, weight: 0.1 }];
    expect(clusterPapers(8, knn)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(clusterPapers(8, knn)).toEqual(clusterPapers(8, knn));
    // Either direction of an edge, or both, gives the same graph.
    const reversed = knn.map((e) => ({ source: e.target, target: e.source, weight: e.weight }));
    expect(clusterPapers(8, [...reversed, ...knn])).toEqual(clusterPapers(8, knn));
  });

  it('merges a community below the minimum size into the one it is most connected to', () => {
    const knn = [
      ...clique([0, 1, 2, 3, 4]),
      ...clique([5, 6, 7, 8, 9]),
      { source: 10, target: 11, weight: 1 },
      { source: 11, target: 5, weight: 0.3 },
      { source: 10, target: 0, weight: 0.1 },
    ];
    expect(clusterPapers(12, knn, { maxShare: 0.6 })).toEqual([
      [5, 6, 7, 8, 9, 10, 11],
      [0, 1, 2, 3, 4],
    ]);
  });

  it('splits a community above the maximum size', () => {
    const knn = [...clique(range(0, 10)), ...clique([10, 11, 12, 13]), { source: 3, target: 10, weight: 0.1 }];
    // One clique of 10 is more than half of 14 papers: it is split by Louvain at a higher resolution.
    expect(maxTopicSize(14, 3, 0.5)).toBe(7);
    expect(clusterPapers(14, knn, { maxShare: 0.5 })).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [10, 11, 12, 13],
      [7, 8, 9],
    ]);
  });

  it('puts papers without any edge into a topic too (no outlier bucket)', () => {
    const knn = [...clique([0, 1, 2, 3]), ...clique([4, 5, 6, 7])];
    const groups = clusterPapers(9, knn);
    expectPartition(groups, 9);
    expect(groups).toHaveLength(2);
    expect(groups.every((g) => g.length >= 3)).toBe(true);
  });

  it('keeps every topic between the minimum and maximum size and the count in range on a larger graph', () => {
    const { n, knn } = planted(25, 16, 8, 0.25, 7);
    const groups = clusterPapers(n, knn);
    expectPartition(groups, n);
    const [low, high] = topicCountRange(n);
    expect(groups.length).toBeGreaterThanOrEqual(low);
    expect(groups.length).toBeLessThanOrEqual(high);
    for (const g of groups) {
      expect(g.length).toBeGreaterThanOrEqual(3);
      expect(g.length).toBeLessThanOrEqual(maxTopicSize(n));
    }
    expect(clusterPapers(n, knn)).toEqual(groups);
  });

  it('searches the resolution when one giant community would come out', () => {
    // A ring of 60 small cliques, each tied to its neighbours: few, huge communities at resolution 1 are not allowed.
    const knn: KnnEdge[] = [];
    for (let c = 0; c < 60; c += 1) {
      knn.push(...clique(range(4 * c, 4 * c + 4)));
      knn.push({ source: 4 * c + 3, target: (4 * c + 4) % 240, weight: 0.9 });
    }
    const groups = clusterPapers(240, knn);
    expectPartition(groups, 240);
    const [low, high] = topicCountRange(240);
    expect([low, high]).toEqual([12, 30]);
    expect(groups.length).toBeGreaterThanOrEqual(low);
    expect(groups.length).toBeLessThanOrEqual(high);
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(maxTopicSize(240));
  });

  it('handles degenerate inputs', () => {
    expect(clusterPapers(0, [])).toEqual([]);
    expect(clusterPapers(4, clique([0, 1, 2, 3]))).toEqual([[0, 1, 2, 3]]);
    expect(() => clusterPapers(3, [{ source: 0, target: 5, weight: 1 }], { minSize: 1 })).toThrow(RangeError);
  });
});

describe('size rules', () => {
  it('wants 15–38 topics for the seed corpus, 69–173 for the bench corpus and 205–513 at 75,000 papers', () => {
    expect(topicCountRange(398)).toEqual([15, 38]);
    expect(topicCountRange(8520)).toEqual([69, 173]);
    // 2.5 × 205 = 512.5 → 513 is more than the 500 topics a cap of 300 papers can force.
    expect(topicCountRange(75000)).toEqual([205, 513]);
    // At 200,000 papers the leaf cap's 2n / 300 is the larger upper bound.
    expect(topicCountRange(200000)).toEqual([335, 1334]);
    expect(maxTopicSize(398)).toBe(59);
    expect(maxTopicSize(8520)).toBe(1278);
    expect(maxTopicSize(10)).toBe(6);
  });
  it('caps a topic at 15 % of a small corpus and at 5 % from 5,000 papers up', () => {
    expect(defaultMaxShare(398)).toBe(0.15);
    expect(defaultMaxShare(2500)).toBeCloseTo(0.1, 12);
    expect(defaultMaxShare(5000)).toBe(0.05);
    expect(defaultMaxShare(8520)).toBe(0.05);
    expect(maxTopicSize(8520, 3, defaultMaxShare(8520))).toBe(426);
  });
  it('keeps leaves within 3–59 papers on the seed and 20–300 from 8,000 papers up', () => {
    expect([398, 1000, 3613, 4907, 8000, 20000, 75000].map((n) => leafMinSize(n))).toEqual([3, 3, 9, 12, 20, 20, 20]);
    expect([398, 1000, 3613, 4907, 6000, 8520, 75000].map((n) => leafMaxSize(n))).toEqual([59, 150, 250, 250, 300, 300, 300]);
    expect(sizeLimits(398)).toEqual({ minSize: 3, maxSize: 59 });
    expect(sizeLimits(8520)).toEqual({ minSize: 20, maxSize: 300 });
    // Explicit options win: the old share rule.
    expect(sizeLimits(8520, { minSize: 3, maxShare: 0.05 })).toEqual({ minSize: 3, maxSize: 426 });
    // Never below twice the minimum size.
    expect(leafMaxSize(10, 4)).toBe(8);
  });
});

describe('provisionalTopicIds and uniqueSlugs', () => {
  it('numbers topics by size descending, then smallest paper id', () => {
    expect(provisionalTopicIds([['c', 'd'], ['x', 'y', 'z'], ['a', 'b']])).toEqual(['t03', 't01', 't02']);
    expect(provisionalTopicIds(Array.from({ length: 101 }, (_, i) => [`p${String(i).padStart(3, '0')}`]))[100]).toBe('t101');
  });

  it('suffixes repeated slugs', () => {
    expect(uniqueSlugs(['a', 'b', 'a', 'a', 'a-2'])).toEqual(['a', 'b', 'a-2', 'a-3', 'a-2-2']);
  });
});

describe('buildTopics', () => {
  // Two groups of four papers: "recommendation" papers 0–3 and "pruning" papers 4–7.
  const paperIds = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
  const paperTermIds = [
    ['recommender system', 'click-through rate', 'user behavior'],
    ['recommender system', 'click-through rate', 'large language model'],
    ['recommender system', 'user behavior', 'large language model', 'item embedding'],
    ['recommender system', 'item embedding'],
    ['pruning', 'sparsity', 'large language model'],
    ['pruning', 'sparsity', 'weight magnitude'],
    ['pruning', 'structured pruning', 'weight magnitude'],
    ['pruning', 'sparsity', 'large language model'],
  ];
  const terms = [
    { id: 'recommender system', label: 'recommender systems' },
    { id: 'click-through rate', label: 'click-through rate', acronym: 'CTR' },
    { id: 'user behavior', label: 'user behavior' },
    { id: 'large language model', label: 'large language models', acronym: 'LLM' },
    { id: 'item embedding', label: 'item embeddings' },
    { id: 'pruning', label: 'pruning' },
    { id: 'sparsity', label: 'sparsity' },
    { id: 'weight magnitude', label: 'weight magnitude' },
    { id: 'structured pruning', label: 'structured pruning' },
  ];
  const knn: KnnEdge[] = [
    { source: 0, target: 1, weight: 0.9 },
    { source: 0, target: 2, weight: 0.6 },
    { source: 1, target: 2, weight: 0.5 },
    { source: 2, target: 3, weight: 0.7 },
    { source: 0, target: 3, weight: 0.4 },
    { source: 4, target: 5, weight: 0.8 },
    { source: 5, target: 6, weight: 0.8 },
    { source: 4, target: 7, weight: 0.9 },
    { source: 6, target: 7, weight: 0.3 },
    { source: 4, target: 6, weight: 0.2 },
    { source: 2, target: 4, weight: 0.1 },
  ];

  it('clusters, labels, ranks papers by centrality and lists the nearest topic', () => {
    const result = buildTopics({ paperIds, paperTermIds, knn, terms });
    expect(result.paperTopic).toEqual(['t01', 't01', 't01', 't01', 't02', 't02', 't02', 't02']);
    expect(result.topics.map((t) => [t.id, t.slug, t.label, t.papers, t.nearest])).toEqual([
      // Three terms would make "recommender systems · click-through rate · item embeddings" (58 > 50 characters).
      ['t01', 'recommender-systems-click-through-rate', 'recommender systems · click-through rate', ['a1', 'a3', 'a2', 'a4'], ['t02']],
      ['t02', 'pruning-sparsity-weight-magnitude', 'pruning · sparsity · weight magnitude', ['b1', 'b2', 'b3', 'b4'], ['t01']],
    ]);
    // c-TF-IDF by hand: each class has 12 (paper, term) occurrences, A = 12;
    // recommender system: 4/12 · ln(1 + 12/4); click-through rate: 2/12 · ln(1 + 12/2); LLM (4 papers in all): 2/12 · ln(1 + 12/4).
    expect(result.topics[0]?.terms).toEqual([
      { term: 'recommender system', weight: 0.4621 },
      { term: 'click-through rate', weight: 0.3243 },
      { term: 'item embedding', weight: 0.3243 },
      { term: 'user behavior', weight: 0.3243 },
      { term: 'large language model', weight: 0.231 },
    ]);
    expect(result.rankings[1]?.[0]).toEqual({ term: 'pruning', weight: expect.any(Number), count: 4 });
  });

  it('does not depend on the order of the papers', () => {
    const perm = [5, 2, 7, 0, 3, 6, 1, 4]; // new index → old index
    const inverse = new Map(perm.map((old, i) => [old, i]));
    const shuffled = buildTopics({
      paperIds: perm.map((i) => paperIds[i] ?? ''),
      paperTermIds: perm.map((i) => paperTermIds[i] ?? []),
      knn: [...knn].reverse().map((e) => ({ source: inverse.get(e.source) ?? 0, target: inverse.get(e.target) ?? 0, weight: e.weight })),
      terms: [...terms].reverse(),
    });
    expect(shuffled.topics).toEqual(buildTopics({ paperIds, paperTermIds, knn, terms }).topics);
  });
});

describe('buildTopics on the seed corpus (through parse, merge, terms, vectors)', () => {
  const dir = path.resolve(__dirname, '../../content/digests');
  const corpus = mergeDigests(readDigests(dir));
  const extraction = extractTerms(corpus.papers);
  // The graph and inputs the analysis clusters on.
  const vectors = paperVectors(extraction);
  const knn = blendedKnnGraph(vectors, lsaVectors(lsaInput(extraction)), 8);
  const input = {
    paperIds: extraction.paperIds,
    paperTermIds: extraction.paperIds.map((id) => extraction.occurrences[id] ?? []),
    knn,
    terms: extraction.terms,
    shownTermIds: extraction.paperIds.map((id) => (extraction.paperTerms[id] ?? []).map((t) => t.term)),
  };
  const started = performance.now();
  const result = buildTopics(input);
  const elapsed = performance.now() - started;

  it('lands next to the bound of the wanted range it first reaches, not anywhere inside it', () => {
    // Resolution 1 gives fewer topics than 13 here; each range below starts above that, so the search raises the resolution.
    // Before, the first count inside the range was kept (15, 15, 19, 28, 28, 47), wherever the geometric step put it.
    const n = extraction.paperIds.length;
    const lows = [13, 15, 18, 21, 25, 30];
    const counts = lows.map((low) => clusterPapers(n, knn, { range: [low, 60] }).length);
    // Each lands on the lower bound or one above it (the resolution steps cannot always hit the bound exactly).
    counts.forEach((count, i) => expect(count - (lows[i] as number), `range from ${lows[i]}: ${count}`).toBeGreaterThanOrEqual(0));
    counts.forEach((count, i) => expect(count - (lows[i] as number), `range from ${lows[i]}: ${count}`).toBeLessThanOrEqual(1));
  });

  it('puts all 398 papers into 15 topics (the lower bound of the wanted 15–38) of 3 to 59 papers, quickly', () => {
    const members = result.topics.flatMap((t) => t.papers);
    expect(members).toHaveLength(398);
    expect(new Set(members).size).toBe(398);
    // The resolution search lands on the bound it reaches first (10 to 44 papers each).
    expect(result.topics.length).toBe(15);
    for (const t of result.topics) expect(t.papers.length).toBeGreaterThanOrEqual(3);
    for (const t of result.topics) expect(t.papers.length).toBeLessThanOrEqual(59);
    expect(elapsed).toBeLessThan(5000);
  });

  it('labels every topic with 2–3 terms, no two alike, none a near-duplicate of another in its label', () => {
    const info = new Map(extraction.terms.map((t) => [t.id, t]));
    const acronyms = acronymDictionary(extraction.terms);
    const labels = result.topics.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(result.topics.map((t) => t.slug)).size).toBe(labels.length);
    for (const topic of result.topics) {
      const parts = topic.label.split(' · ');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(3);
      const ids = parts.map((label) => extraction.terms.find((t) => t.label === label)?.id ?? label);
      for (const [i, a] of ids.entries()) {
        for (const b of ids.slice(i + 1)) {
          expect(isNearDuplicate(info.get(a) ?? { id: a, label: a }, info.get(b) ?? { id: b, label: b }, acronyms), topic.label).toBe(false);
        }
      }
    }
  });

  it('lists 3–5 nearest topics, other topics only, and ten weighted terms', () => {
    const ids = new Set(result.topics.map((t) => t.id));
    for (const topic of result.topics) {
      expect(topic.nearest.length).toBeGreaterThanOrEqual(3);
      expect(topic.nearest.length).toBeLessThanOrEqual(5);
      expect(topic.nearest).not.toContain(topic.id);
      for (const id of topic.nearest) expect(ids.has(id)).toBe(true);
      expect(topic.terms).toHaveLength(10);
    }
  });

  it('is deterministic for the same input', () => {
    expect(JSON.stringify(buildTopics(input))).toBe(JSON.stringify(result));
  });
});
