import { describe, expect, it } from 'vitest';
import { acronymDictionary, classTfIdf, isNearDuplicate, termFocus, topicLabels, type ClassTerm, type TermLabelInfo } from './topic-labels';

const term = (id: string, acronym?: string): TermLabelInfo => (acronym ? { id, label: id, acronym } : { id, label: id });

describe('classTfIdf', () => {
  it('weights terms by their share of the class times log(1 + A / corpus frequency), once per paper', () => {
    const papers = [['a', 'b', 'a'], ['a', 'c'], ['b', 'c'], ['c']];
    const [first, second] = classTfIdf([[0, 1], [2, 3]], papers);
    // Class 0: a ×2 papers, b ×1, c ×1 (4 occurrences); class 1: b ×1, c ×2 (3); A = 7 / 2.
    // Corpus frequencies: a 2, b 2, c 3.
    const A = 3.5;
    expect(first).toEqual([
      { term: 'a', weight: (2 / 4) * Math.log(1 + A / 2), count: 2 },
      { term: 'b', weight: (1 / 4) * Math.log(1 + A / 2), count: 1 },
      { term: 'c', weight: (1 / 4) * Math.log(1 + A / 3), count: 1 },
    ]);
    expect(second).toEqual([
      { term: 'c', weight: (2 / 3) * Math.log(1 + A / 3), count: 2 },
      { term: 'b', weight: (1 / 3) * Math.log(1 + A / 2), count: 1 },
    ]);
  });
});

describe('isNearDuplicate', () => {
  it.each([
    ['language model', 'large language model'],
    ['large language model', 'language model'],
    ['vision-language model', 'language model'],
    ['text-to-image diffusion model', 'video diffusion model'],
    ['recommendation', 'recommender'],
    ['language modeling', 'language model'],
    ['moe', 'mixture of experts'],
    ['moe layer', 'mixture of experts'],
    ['llm', 'large language model'],
    ['autoregressive', 'auto-regressive model'],
    ['auto-regressive', 'autoregressive model'],
  ])('%s ≈ %s', (a, b) => {
    expect(isNearDuplicate(term(a), term(b))).toBe(true);
  });

  it('sees a declared acronym and its expansion as one term', () => {
    expect(isNearDuplicate(term('ctr'), term('click-through rate', 'CTR'))).toBe(true);
    expect(isNearDuplicate(term('mixture of experts', 'MoE'), term('sparse moe', 'MoE'))).toBe(true);
    expect(isNearDuplicate({ id: 'x', label: 'Pruning' }, { id: 'y', label: 'pruning' })).toBe(true);
    // A dictionary of declared acronyms expands them wherever they occur.
    const acronyms = acronymDictionary([term('large language model', 'LLM')]);
    expect(isNearDuplicate(term('llm'), term('language model'), acronyms)).toBe(true);
    expect(isNearDuplicate(term('llm agent'), term('large language model agent'), acronyms)).toBe(true);
    expect(isNearDuplicate(term('llm'), term('language model'))).toBe(false);
  });

  it.each([
    ['diffusion model', 'language model'],
    ['reward model', 'large language model'],
    ['video generation', 'image generation'],
    ['pruning', 'sparsity'],
    ['transfer learning', 'transformer'],
    ['reinforcement learning', 'meta-learning'],
  ])('%s ≠ %s', (a, b) => {
    expect(isNearDuplicate(term(a), term(b))).toBe(false);
  });
});

describe('topicLabels', () => {
  const ranked = (ids: string[], count = 5): ClassTerm[] => ids.map((id, i) => ({ term: id, weight: 1 - i / 100, count }));
  const info = new Map(
    ['language model', 'language models', 'llm', 'instruction tuning', 'reasoning', 'alignment', 'rlhf', 'pruning', 'sparsity', 'quantization']
      .map((id) => [id, term(id)] as const),
  );
  info.set('large language model', term('large language model', 'LLM'));

  it('drops near-duplicate candidates and joins 2–3 terms with " · "', () => {
    const [label] = topicLabels([ranked(['language model', 'large language model', 'language models', 'llm', 'instruction tuning', 'reasoning'])], [20], info);
    expect(label).toEqual({ label: 'language model · instruction tuning · reasoning', terms: ['language model', 'instruction tuning', 'reasoning'] });
  });

  it('never gives two topics the same label: later ones prefer terms no earlier label uses, then swap, then number', () => {
    const labels = topicLabels(
      [ranked(['pruning', 'sparsity', 'quantization']), ranked(['sparsity', 'pruning', 'quantization', 'alignment']), ranked(['pruning', 'quantization', 'sparsity'])],
      [10, 10, 10],
      info,
    );
    expect(labels.map((l) => l.label)).toEqual([
      'pruning · sparsity · quantization',
      // After its best term, "alignment" (fresh) goes before "pruning" (used by the first label).
      'sparsity · alignment · pruning',
      // Every three-term variant is taken: numbered as a last resort.
      'pruning · quantization · sparsity (2)',
    ]);
  });

  it('prefers, among the best six candidates, terms that share no word with those already chosen', () => {
    const depth = new Map(['depth estimation', 'depth map', 'depth information', 'monocular video', 'stereo'].map((id) => [id, term(id)] as const));
    expect(topicLabels([ranked(['depth estimation', 'depth map', 'depth information', 'monocular video', 'stereo'])], [30], depth)[0]?.label).toBe(
      'depth estimation · monocular video · stereo',
    );
    // Without disjoint candidates, overlapping ones still fill the label.
    expect(topicLabels([ranked(['depth estimation', 'depth map', 'depth information'])], [30], depth)[0]?.label).toBe('depth estimation · depth map · depth information');
  });

  it('prefers terms used by at least 10% (and 2) of the topic papers, and shortens long labels', () => {
    const ranking: ClassTerm[] = [
      { term: 'rlhf', weight: 0.9, count: 1 },
      { term: 'alignment', weight: 0.8, count: 6 },
      { term: 'reasoning', weight: 0.7, count: 5 },
      { term: 'instruction tuning', weight: 0.6, count: 4 },
    ];
    expect(topicLabels([ranking], [40], info)[0]?.label).toBe('alignment · reasoning · instruction tuning');
    expect(topicLabels([ranking], [40], info, { maxLength: 30 })[0]?.label).toBe('alignment · reasoning');
    // Too few shared terms: the whole ranking is used.
    expect(topicLabels([ranking.slice(0, 2)], [40], info)[0]?.label).toBe('rlhf · alignment');
  });
});

describe('termFocus and focused labels', () => {
  // Topic 0: papers 0–2; topic 1: papers 3–5. "llm" is shown everywhere, "gan" and "image synthesis" mostly in topic 0.
  const shown = [['llm', 'gan'], ['llm', 'gan', 'image synthesis'], ['llm', 'image synthesis'], ['llm', 'ode'], ['llm', 'ode solver', 'gan'], ['llm', 'ode', 'ode solver']];
  const groups = [[0, 1, 2], [3, 4, 5]];
  const focus = termFocus(groups, shown);
  it('gives each term the share of the papers showing it that sit in the topic', () => {
    expect(focus[0]?.get('gan')).toBeCloseTo(2 / 3, 12);
    expect(focus[0]?.get('llm')).toBeCloseTo(1 / 2, 12);
    expect(focus[1]?.get('ode solver')).toBe(1);
  });
  it('lets a focused term beat a more frequent but spread one', () => {
    const rankings = [
      [
        { term: 'llm', weight: 1, count: 3 },
        { term: 'gan', weight: 0.6, count: 2 },
        { term: 'image synthesis', weight: 0.5, count: 2 },
      ],
    ];
    const info = new Map(['llm', 'gan', 'image synthesis'].map((id) => [id, { id, label: id }]));
    expect(topicLabels(rankings, [3], info)[0]?.terms[0]).toBe('llm');
    expect(topicLabels(rankings, [3], info, {}, [new Map([['llm', 0.05], ['gan', 2 / 3], ['image synthesis', 1]])])[0]?.terms).toEqual(['image synthesis', 'gan']);
  });
});

describe('a label with a focused term', () => {
  it('takes a focused term of 3 papers or more when no frequent candidate is focused', () => {
    // A 100-paper topic: the frequent terms are shared with other topics; "rare sensor" (4 papers, all here) is focused.
    const ranking = [
      { term: 'llm', weight: 1, count: 60 },
      { term: 'benchmark suite', weight: 0.8, count: 40 },
      { term: 'rare sensor', weight: 0.1, count: 4 },
    ];
    const info = new Map(['llm', 'benchmark suite', 'rare sensor'].map((id) => [id, { id, label: id }]));
    const focus = [new Map([['llm', 0.3], ['benchmark suite', 0.4], ['rare sensor', 1]])];
    expect(topicLabels([ranking], [100], info, {}, focus)[0]?.terms[0]).toBe('rare sensor');
    expect(topicLabels([ranking], [100], info)[0]?.terms).not.toContain('rare sensor');
  });
});
