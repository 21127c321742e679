import { describe, expect, it } from 'vitest';
import { paperVectors, relatedPapers } from './related';
import { extractTerms } from './terms';
import type { Paper } from './types';

/** A hand-made paper. */
function paper(id: string, title: string, abstract: string): Paper {
  return { id, slug: id, key: title.toLowerCase(), title, abstract, appearances: [] };
}

// Three pairs on three narrow problems, plus one paper on none of them.
const corpus: Paper[] = [
  paper('b1', 'Protein Folding with Diffusion', 'We predict protein structures with a diffusion model over residue coordinates and side chains.'),
  paper('b2', 'Graph Partitioning Heuristics', 'Graph partitioning splits vertices into balanced parts; our heuristics cut fewer edges on sparse graphs.'),
  paper('b3', 'Residue Coordinates for Protein Design', 'Protein design needs residue coordinates; a diffusion model samples side chains for new protein structures.'),
  paper('b4', 'Speech Enhancement in Noisy Rooms', 'Speech enhancement removes reverberation; our speech enhancement network handles noisy rooms and microphones.'),
  paper('b5', 'Balanced Graph Partitioning', 'Balanced graph partitioning with local heuristics: fewer cut edges on large sparse graphs and meshes.'),
  paper('b6', 'Microphone Arrays for Speech Enhancement', 'Microphone arrays help speech enhancement against reverberation in noisy rooms.'),
  paper('b7', 'Tax Law Corpus', 'A corpus of tax law rulings annotated by lawyers.'),
];

describe('relatedPapers', () => {
  const extraction = extractTerms(corpus);
  const vectors = paperVectors(extraction);
  const related = relatedPapers(extraction, vectors, 2);

  it('puts the paper on the same problem first, with the key terms they share', () => {
    expect(Object.fromEntries(Object.entries(related).map(([id, list]) => [id, list[0]?.id ?? null]))).toEqual({
      b1: 'b3',
      b2: 'b5',
      b3: 'b1',
      b4: 'b6',
      b5: 'b2',
      b6: 'b4',
      b7: null,
    });
    expect(related['b4']?.[0]?.shared).toEqual(['speech enhancement', 'noisy room', 'reverberation']);
    expect(related['b2']?.[0]?.shared).toEqual(['sparse graph']);
    expect(related['b1']?.[0]?.shared[0]).toBe('protein structure');
  });

  it('scores with the cosine similarity, best first', () => {
    for (const list of Object.values(related)) {
      const scores = list.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const s of scores) expect(s).toBeGreaterThan(0);
    }
  });

  it('gives L2-normalised vectors (before dropping single-paper features) and is deterministic', () => {
    for (const v of vectors) {
      const norm = v.values.reduce((a, x) => a + x * x, 0);
      expect(norm).toBeLessThanOrEqual(1 + 1e-9);
    }
    const again = extractTerms([...corpus].reverse());
    expect(relatedPapers(again, paperVectors(again), 2)).toEqual(related);
  });
});
