import { describe, expect, it } from 'vitest';
import { blendedKnnGraph, blendedNeighbors, GRAPH_EMBEDDING_WEIGHT, GRAPH_SEMANTIC_WEIGHT, lsaVectors, sparseMatrix } from './semantic';
import { dot, graphFromNeighbors, sparseVector } from './vectors';

// Features 0–1 belong to theme A, 2–3 to theme B; paper 2 uses theme A's other word only.
const vectors = [
  sparseVector([[0, 1], [1, 1], [4, 0.2]]),
  sparseVector([[0, 1], [1, 0.9]]),
  sparseVector([[1, 1], [4, 0.6]]),
  sparseVector([[2, 1], [3, 1], [4, 0.5]]),
  sparseVector([[2, 1], [3, 0.8]]),
];

describe('sparseMatrix', () => {
  it('stacks the vectors as compressed rows', () => {
    const m = sparseMatrix(vectors);
    expect([m.rows, m.cols]).toEqual([5, 5]);
    expect(Array.from(m.indptr)).toEqual([0, 3, 5, 7, 10, 12]);
    expect(Array.from(m.indices.subarray(0, 3))).toEqual([0, 1, 4]);
  });
});

describe('blendedNeighbors', () => {
  const dense = lsaVectors(vectors, 2);
  it('scores by the sparse cosine alone at weight 0 and by the LSA cosine alone at weight 1', () => {
    const sparseOnly = blendedNeighbors(vectors, dense, 4, { weight: 0 });
    for (const n of sparseOnly[0] ?? []) expect(n.similarity).toBeCloseTo(dot(vectors[0]!, vectors[n.index]!), 12);
    const lsaOnly = blendedNeighbors(vectors, dense, 4, { weight: 1 });
    const cos = (p: number, q: number) => (dense.data[2 * p] as number) * (dense.data[2 * q] as number) + (dense.data[2 * p + 1] as number) * (dense.data[2 * q + 1] as number);
    for (const n of lsaOnly[0] ?? []) expect(n.similarity).toBeCloseTo(cos(0, n.index), 12);
  });
  it('keeps papers of one theme together and is the same on every run', () => {
    const a = blendedNeighbors(vectors, dense, 1, { weight: 0.5 });
    expect(a.map((l) => l[0]?.index)).toEqual([1, 0, 0, 4, 3]);
    expect(blendedNeighbors(vectors, lsaVectors(vectors, 2), 1, { weight: 0.5 })).toEqual(a);
  });
  it('mixes in the cosine of further embeddings at their weight', () => {
    const plain = blendedNeighbors(vectors, dense, 4, { weight: 0.5 });
    const other = lsaVectors(vectors, 1);
    const mixed = blendedNeighbors(vectors, dense, 4, { weight: 0.5, embedding: other, embeddingWeight: 0.25 });
    const cos = (p: number, q: number) => (other.data[p] as number) * (other.data[q] as number);
    const blend = (p: number, q: number) => 0.5 * dot(vectors[p]!, vectors[q]!) + 0.5 * ((dense.data[2 * p] as number) * (dense.data[2 * q] as number) + (dense.data[2 * p + 1] as number) * (dense.data[2 * q + 1] as number));
    for (const n of mixed[2] ?? []) expect(n.similarity).toBeCloseTo(0.75 * blend(2, n.index) + 0.25 * cos(2, n.index), 12);
    expect(blendedNeighbors(vectors, dense, 4, { weight: 0.5, embedding: other, embeddingWeight: 0 })).toEqual(plain);
  });
  it('adds the pair bonus to the blended score before ranking', () => {
    const plain = blendedNeighbors(vectors, dense, 4, { weight: 0 });
    // Paper 2 shares feature 4 with paper 3 (sparse cosine below paper 0's); a bonus for the pair (2, 3) puts 3 first.
    expect(plain[2]?.[0]?.index).toBe(0);
    const bonus = (p: number, q: number) => (p === 2 && q === 3 ? 1 : 0);
    const boosted = blendedNeighbors(vectors, dense, 4, { weight: 0, bonus });
    expect(boosted[2]?.[0]).toEqual({ index: 3, similarity: dot(vectors[2]!, vectors[3]!) + 1 });
    expect(boosted[3]).toEqual(plain[3]);
  });
});

describe('blendedKnnGraph', () => {
  const dense = lsaVectors(vectors, 2);
  it('is the graph of the sparse–LSA blend, with paper embeddings blended in at GRAPH_EMBEDDING_WEIGHT', () => {
    expect(blendedKnnGraph(vectors, dense, 2)).toEqual(graphFromNeighbors(blendedNeighbors(vectors, dense, 2, { weight: GRAPH_SEMANTIC_WEIGHT }), 5));
    const other = lsaVectors(vectors, 1);
    const withEmbedding = blendedKnnGraph(vectors, dense, 2, other);
    expect(withEmbedding).toEqual(
      graphFromNeighbors(blendedNeighbors(vectors, dense, 2, { weight: GRAPH_SEMANTIC_WEIGHT, embedding: other, embeddingWeight: GRAPH_EMBEDDING_WEIGHT }), 5),
    );
    // An embedding that puts paper 2 beside theme B's papers gives it an edge there, which the blend alone does not.
    const pulled = { rows: 5, width: 2, data: Float64Array.from([1, 0, 1, 0, 0, 1, 0, 1, 0, 1]) };
    const edge = (g: ReturnType<typeof blendedKnnGraph>, a: number, b: number) => g.some((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
    expect(edge(blendedKnnGraph(vectors, dense, 1), 2, 3)).toBe(false);
    expect(edge(blendedKnnGraph(vectors, dense, 1, pulled), 2, 3)).toBe(true);
  });
});
