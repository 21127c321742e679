import { describe, expect, it } from 'vitest';
import { labelFocus, largestShare, partitionScore, relatedScore, worstLabels } from './metrics';

describe('relatedScore', () => {
  const categories = [['cs.CV', 'cs.AI'], ['cs.CV'], ['cs.CL', 'cs.AI'], null];
  it('counts related papers with the same primary category and the Jaccard of category sets, over k slots', () => {
    // Paper 0: related 1 (cs.CV: hit, J = 1/2) and 2 (cs.CL: miss, J = 1/3); k = 2.
    // Paper 1: related 0 (hit, J = 1/2) and 3 (unknown: 0). Paper 2: related 0 (miss, J = 1/3), one slot empty.
    const score = relatedScore([[1, 2], [0, 3], [0], [0, 1]], categories, 2);
    expect(score.papers).toBe(3);
    expect(score.precision).toBeCloseTo((1 / 2 + 1 / 2 + 0) / 3, 12);
    expect(score.jaccard).toBeCloseTo(((1 / 2 + 1 / 3) / 2 + 1 / 2 / 2 + 1 / 3 / 2) / 3, 12);
  });
});

describe('partitionScore', () => {
  it('is 1 for clusters that match the classes, whatever their names', () => {
    const s = partitionScore(['x', 'x', 'y', 'y'], ['a', 'a', 'b', 'b']);
    expect(s.homogeneity).toBeCloseTo(1, 12);
    expect(s.nmi).toBeCloseTo(1, 12);
  });
  it('gives homogeneity 1 but NMI below 1 when classes are split into pure clusters', () => {
    const s = partitionScore(['x', 'y', 'z', 'z'], ['a', 'a', 'b', 'b']);
    expect(s.homogeneity).toBeCloseTo(1, 12);
    // I = ln 2, H(C) = ln 2, H(K) = 1.5 ln 2: NMI = 2 / 2.5.
    expect(s.nmi).toBeCloseTo(0.8, 12);
  });
  it('is 0 for one cluster of everything, and leaves out unknown papers', () => {
    const s = partitionScore(['x', 'x', 'x', 'x', null], ['a', 'b', 'a', null, 'b']);
    expect(s.papers).toBe(3);
    expect(s.homogeneity).toBeCloseTo(0, 12);
  });
});

describe('largestShare', () => {
  it('is the share of the papers in the largest cluster', () => {
    expect(largestShare(['a', 'b', 'a', 'c'])).toBe(0.5);
  });
});

describe('labelFocus', () => {
  // Papers 0–3 in topic A, 4–5 in topic B. "gan" is shown on 0, 1, 4; "ode" on 4, 5; "data" on all but 5.
  const paperTerms = [['gan', 'data'], ['gan', 'data'], ['data'], ['data'], ['gan', 'ode', 'data'], ['ode']];
  const topics = [
    { label: 'GAN · data', terms: ['gan', 'data'], papers: [0, 1, 2, 3] },
    { label: 'ODE · data', terms: ['ode', 'data'], papers: [4, 5] },
    { label: 'missing · data', terms: ['missing', 'data'], papers: [] },
  ];
  const focus = labelFocus(topics, paperTerms);
  it('gives each label term the share of the papers showing it that sit in the topic', () => {
    expect(focus.topics.map((t) => t.focus.map((f) => f.focus))).toEqual([[2 / 3, 4 / 5], [1, 1 / 5], [0, 0]]);
  });
  it('counts topics without a term of focus ≥ 0.5 and label terms under 0.05', () => {
    expect(focus.unfocusedTopics).toBeCloseTo(1 / 3, 12);
    expect(focus.diffuseTerms).toBeCloseTo(2 / 6, 12);
  });
  it('lists the least focused labels first', () => {
    expect(worstLabels(focus, 2).map((t) => t.label)).toEqual(['missing · data', 'GAN · data']);
  });
});
