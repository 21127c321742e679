import { describe, expect, it } from 'vitest';
import { extractTerms, namedByAcronym, termSlug } from './terms';
import type { Paper } from './types';

/** A hand-made paper. */
function paper(id: string, title: string, abstract: string): Paper {
  return { id, slug: id, key: title.toLowerCase(), title, abstract, appearances: [] };
}

/** Term ids (with `[label / acronym]`) of one text, single-paper terms included. */
function termsOf(abstract: string): string[] {
  const { terms } = extractTerms([paper('p', 'Untitled', abstract)], { minPapers: 1 });
  return terms.map((t) => `${t.id} [${t.label}${t.acronym === undefined ? '' : ` / ${t.acronym}`}]`).sort();
}

const corpus: Paper[] = [
  paper(
    'a1',
    'Sparse Mixture-of-Experts Models for Efficient Language Modeling',
    'Mixture-of-Experts (MoE) models scale large language models (LLMs) with sparse routing. We propose a novel framework for expert routing. ' +
      'Extensive experiments show that our MoE layers improve the state of the art. Experimental results demonstrate the effectiveness of this paper.',
  ),
  paper(
    'a2',
    'Routing in Mixtures of Experts',
    'We study mixtures of experts for large language models (LLMs). The MoE router assigns tokens to experts. ' +
      'Our approach achieves significant improvements over previous work on expert routing.',
  ),
  paper(
    'a3',
    'LoRA for LLMs',
    'Low-rank adaptation (LoRA) fine-tunes large language models with few parameters. LoRA adapters are merged after training. LLMs benefit from low-rank adaptation.',
  ),
  paper(
    'a4',
    'Click-Through Rate Prediction with Feature Interactions',
    'Click-through rate prediction is central to online advertising. We model feature interactions for click-through rate prediction on large datasets.',
  ),
  paper(
    'a5',
    'Feature Interactions for Click-Through Rate Prediction',
    'Accurate click-through rate prediction needs feature interactions. Our model learns high-order feature interactions and improves online advertising revenue.',
  ),
  paper('a6', 'Efficient LoRA Training', 'We make LoRA training cheaper for LLMs. Our method reduces memory with low-rank adaptation (LoRA) and quantization.'),
];

describe('noun-phrase terms', () => {
  it('keeps noun phrases with plurals folded and drops generic phrases', () => {
    expect(
      termsOf(
        'We propose a novel framework. Extensive experiments on large language models show state-of-the-art results, and this paper ' +
          'reports experimental results. Our approach outperforms the state of the art on various tasks.',
      ),
    ).toEqual(['large language model [large language model]']);
  });

  it('keeps hyphenated compounds whole, single informative words, and known noun-of-noun terms', () => {
    expect(
      termsOf(
        'Graph neural networks and recommender systems use low-rank adaptation. Matryoshka embeddings and meta-learning help pruning and diffusion. ' +
          'A chain-of-thought prompt helps, as does the theory of mind. The number of parameters and the quality of images matter.',
      ),
    ).toEqual([
      'chain of thought [chain-of-thought]',
      'diffusion [diffusion]',
      'graph neural network [graph neural network]',
      'low rank adaptation [low-rank adaptation]',
      'matryoshka embedding [matryoshka embedding]',
      'meta learning [meta-learning]',
      'pruning [pruning]',
      'recommender system [recommender system]',
      'theory of mind [theory of mind]',
    ]);
  });

  it('strips generic heads after names and reads a noun after a plural noun as a verb', () => {
    expect(termsOf('The BERT model and the XYZ framework are used. Click-through rate prediction is studied. LLMs use tools.')).toEqual([
      'bert [BERT]',
      'click through rate prediction [click-through rate prediction]',
      'llm [LLM]',
      'xyz [XYZ]',
    ]);
  });

  it('joins an acronym with its long form and counts later bare uses', () => {
    expect(termsOf('Mixtures of experts route tokens. We train a Mixture-of-Experts (MoE) model; each MoE layer has experts.')).toEqual([
      'mixture of experts [Mixture-of-Experts / MoE]',
      'mixture of experts layer [MoE layer]',
    ]);
  });
});

describe('extractTerms', () => {
  const result = extractTerms(corpus);

  it('finds the corpus terms (in two papers or more), acronyms joined across papers', () => {
    // `online advertising` is in a4 only: a5 has `online advertising revenue`, and only suffixes nest.
    expect(result.terms.map((t) => [t.id, t.label, t.acronym ?? null, t.papers])).toEqual([
      ['feature interaction', 'feature interaction', null, ['a4', 'a5']],
      ['expert routing', 'expert routing', null, ['a1', 'a2']],
      ['click through rate prediction', 'click-through rate prediction', null, ['a4', 'a5']],
      ['large language model', 'large language model', 'LLM', ['a1', 'a2', 'a3', 'a6']],
      ['mixture of experts', 'mixture of experts', 'MoE', ['a1', 'a2']],
      ['low rank adaptation', 'low-rank adaptation', 'LoRA', ['a3', 'a6']],
    ]);
  });

  it('scores terms, best first, and gives readable unique slugs', () => {
    const scores = result.terms.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.terms.find((t) => t.id === 'low rank adaptation')?.slug).toBe('low-rank-adaptation');
    expect(new Set(result.terms.map((t) => t.slug)).size).toBe(result.terms.length);
  });

  it('lists each paper’s key terms best first and every corpus term it uses', () => {
    expect(result.paperIds).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(result.occurrences['a6']).toEqual(['large language model', 'low rank adaptation']);
    expect(result.paperTerms['a4']?.map((t) => t.term)).toEqual(['feature interaction', 'click through rate prediction']);
    for (const terms of Object.values(result.paperTerms)) {
      const weights = terms.map((t) => t.weight);
      expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    }
    // a6: `LoRA training` nests LoRA in the title (3 × 0.5) and the abstract (0.5), plus one `low-rank adaptation`.
    expect(result.termCounts[5]?.get('low rank adaptation')).toBe(3);
    expect(result.wordCounts[3]?.get('advertising')).toBeGreaterThan(0);
  });

  it('gives the same output whatever the input order', () => {
    const shuffled = [corpus[3], corpus[0], corpus[5], corpus[2], corpus[4], corpus[1]] as Paper[];
    expect(extractTerms(shuffled)).toEqual(result);
  });
});

describe('acronyms across papers', () => {
  it('gives bare uses elsewhere the meaning two papers define, never the meaning of one paper alone', () => {
    const { terms } = extractTerms([
      paper('s1', 'Segmenting Objects', 'We present Segmenting Objectiveness and Task-Awareness (SOTA), a segmentation method. SOTA segments objects.'),
      paper('s2', 'Detection Results', 'Our detector beats SOTA detectors on benchmark datasets for object detection.'),
      paper('s3', 'Tracking Results', 'Our tracker beats SOTA trackers on benchmark datasets for object detection.'),
      paper('g1', 'Policy Learning', 'Group Relative Policy Optimization (GRPO) trains reasoning policies.'),
      paper('g2', 'Policy Tuning', 'We tune reasoning policies with group relative policy optimization (GRPO).'),
      paper('g3', 'Reasoning Rewards', 'GRPO with verifiable rewards trains reasoning policies.'),
    ]);
    const byId = new Map(terms.map((t) => [t.id, t]));
    // s1's own name for its method stays in s1: the "SOTA" of s2 and s3 is not that term.
    expect(byId.get('segmenting objectiveness and task awareness')).toBeUndefined();
    expect(terms.some((t) => t.papers.includes('s2') && t.acronym === 'SOTA')).toBe(false);
    expect(byId.get('group relative policy optimization')).toMatchObject({ acronym: 'GRPO', papers: ['g1', 'g2', 'g3'] });
  });

  it('is named by its acronym when most papers that use it write only the acronym', () => {
    const clip = (id: string, abstract: string) => paper(id, 'Vision and Language', abstract);
    const { terms } = extractTerms([
      clip('c1', 'Contrastive Language-Image Pre-training (CLIP) aligns images and captions.'),
      clip('c2', 'Retrieval systems use Contrastive Language-Image Pre-training (CLIP) as a backbone.'),
      clip('c3', 'CLIP features help zero-shot segmentation.'),
      clip('c4', 'We distill CLIP into a small student.'),
      clip('c5', 'CLIP embeddings guide image generation.'),
      clip('c6', 'Prompt learning adapts CLIP to new domains.'),
    ]);
    expect(terms.find((t) => t.id === 'contrastive language image pre training')).toMatchObject({
      label: 'CLIP',
      acronym: 'CLIP',
      longForm: 'Contrastive Language-Image Pre-training',
      papers: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
    });
  });

  it('namedByAcronym: three papers or more with the acronym alone, at least twice those writing the term out', () => {
    expect(namedByAcronym(4, 2)).toBe(true);
    expect(namedByAcronym(3, 1)).toBe(true);
    expect(namedByAcronym(3, 2)).toBe(false);
    expect(namedByAcronym(2, 0)).toBe(false);
    expect(namedByAcronym(64, 86)).toBe(false); // `large language model` in the seed
  });
});

describe('termSlug', () => {
  it('is the id with hyphens, plus a hash when characters are lost', () => {
    expect(termSlug('mixture of experts')).toBe('mixture-of-experts');
    expect(termSlug('gpt 4')).toBe('gpt-4');
    expect(termSlug('μ parametrization')).toMatch(/^parametrization-[0-9a-f]{6}$/);
    expect(termSlug('c++')).not.toBe(termSlug('c'));
  });
});

describe('odd input', () => {
  it('copes with no papers, empty texts, markup, URLs and LaTeX leftovers', () => {
    expect(extractTerms([])).toEqual({ terms: [], paperTerms: {}, occurrences: {}, paperIds: [], termCounts: [], wordCounts: [] });
    const odd = extractTerms([
      paper('x', '', ''),
      paper('y', '<script>alert(1)</script>', 'See https://github.com/x/y. A {\\em finite sample} na\\"ive Nystr\\"om method.'),
    ]);
    expect(odd.terms).toEqual([]);
    expect([...(odd.wordCounts[1]?.keys() ?? [])]).toEqual(['alert', 'finite', 'naive', 'nystrom']);
  });
});
