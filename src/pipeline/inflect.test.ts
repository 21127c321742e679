import { describe, expect, it } from 'vitest';
import { isAcronymLike, isPluralAcronym, singular, singularLower } from './inflect';

describe('singular', () => {
  it('folds regular and irregular plurals, keeping the case', () => {
    const cases: [string, string][] = [
      ['models', 'model'], ['Models', 'Model'], ['strategies', 'strategy'], ['approaches', 'approach'],
      ['boxes', 'box'], ['classes', 'class'], ['losses', 'loss'], ['processes', 'process'], ['matrices', 'matrix'],
      ['indices', 'index'], ['criteria', 'criterion'], ['analyses', 'analysis'], ['hypotheses', 'hypothesis'],
      ['caches', 'cache'], ['curves', 'curve'], ['leaves', 'leaf'], ['embeddings', 'embedding'], ['Gaussians', 'Gaussian'],
      ['responses', 'response'], ['databases', 'database'], ['movies', 'movie'], ['metrics', 'metric'], ['biases', 'bias'],
      ['knowledge', 'knowledge'], ['data', 'data'], ['series', 'series'], ['species', 'species'], ['physics', 'physics'],
      ['analysis', 'analysis'], ['corpus', 'corpus'], ['class', 'class'], ['previous', 'previous'], ['bias', 'bias'],
      ['lens', 'lens'], ['news', 'news'], ['gas', 'gas'],
    ];
    for (const [plural, single] of cases) expect([plural, singular(plural)]).toEqual([plural, single]);
  });

  it('folds the plural s of acronyms only', () => {
    expect(singular('LLMs')).toBe('LLM');
    expect(singular('ViTs')).toBe('ViT');
    expect(singular('LoRAs')).toBe('LoRA');
    expect(singular('GPUs')).toBe('GPU');
    expect(singular('3DGS')).toBe('3DGS');
    expect(singular('MoE')).toBe('MoE');
    expect(singular('GS')).toBe('GS');
  });

  it('works on lower case without acronym knowledge', () => {
    expect(singularLower('llms')).toBe('llm');
    expect(singularLower('queries')).toBe('query');
    expect(singularLower('constructor')).toBe('constructor');
  });
});

describe('acronym shapes', () => {
  it('recognizes acronyms and their plurals', () => {
    expect(isAcronymLike('MoE')).toBe(true);
    expect(isAcronymLike('GPT-4')).toBe(true);
    expect(isAcronymLike('Transformer')).toBe(false);
    expect(isAcronymLike('A')).toBe(false);
    expect(isPluralAcronym('LLMs')).toBe(true);
    expect(isPluralAcronym('NeRFs')).toBe(true);
    expect(isPluralAcronym('Models')).toBe(false);
    expect(isPluralAcronym('GS')).toBe(false);
  });
});

describe('names', () => {
  it('keeps camel-case names as written', () => {
    expect(singular('nuScenes')).toBe('nuScenes');
    expect(singular('ImageNet')).toBe('ImageNet');
  });
});
