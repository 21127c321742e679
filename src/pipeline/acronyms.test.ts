import { describe, expect, it } from 'vitest';
import { findDefinitions, matchLongForm } from './acronyms';

/** `ACRONYM <- long form` for every definition in a text. */
function definitions(text: string): string[] {
  return findDefinitions(text).map((d) => `${d.short} <- ${d.long}`);
}

describe('matchLongForm (Schwartz–Hearst)', () => {
  it('finds the shortest long form whose words spell the acronym', () => {
    expect(matchLongForm('MoE', 'we use a sparse Mixture-of-Experts')).toEqual({ long: 'Mixture-of-Experts', initials: 3 });
    expect(matchLongForm('DPO', 'Direct Preference Optimization')).toEqual({ long: 'Direct Preference Optimization', initials: 3 });
    expect(matchLongForm('LLM', 'recent large language models')?.long).toBe('large language models');
    expect(matchLongForm('LoRA', 'with low-rank adaptation')?.long).toBe('low-rank adaptation');
    expect(matchLongForm('NeRF', 'existing Neural Radiance Fields')?.long).toBe('Neural Radiance Fields');
    expect(matchLongForm('T2I', 'for text-to-image')?.long).toBe('text-to-image');
  });

  it('fails when the letters are not there or the first one starts no word', () => {
    expect(matchLongForm('XYZ', 'large language models')).toBeNull();
    expect(matchLongForm('RM', 'the former')).toBeNull();
  });
});

describe('findDefinitions', () => {
  it('finds long form (ACRONYM) pairs, plural acronyms folded', () => {
    expect(
      definitions(
        'Mixture-of-Experts (MoE) models and large language models (LLMs) use low-rank adaptation (LoRA). ' +
          'Parameter-Efficient Fine-Tuning (PEFT) and reinforcement learning from human feedback (RLHF) help. ' +
          'Direct Preference Optimization (DPO; Rafailov) is simple.',
      ),
    ).toEqual([
      'MoE <- Mixture-of-Experts',
      'LLM <- large language models',
      'LoRA <- low-rank adaptation',
      'PEFT <- Parameter-Efficient Fine-Tuning',
      'RLHF <- reinforcement learning from human feedback',
      'DPO <- Direct Preference Optimization',
    ]);
  });

  it('accepts acronyms and long forms that start with a digit', () => {
    expect(definitions('Recently, 3D Gaussian Splatting (3DGS) has emerged.')).toEqual(['3DGS <- 3D Gaussian Splatting']);
  });

  it('needs half the letters at word starts', () => {
    expect(definitions('it plays a role in facilitating visible (RGB) images')).toEqual([]);
  });

  it('ignores parentheses that hold no acronym or no matching long form', () => {
    expect(definitions('We report results (Table 3) on GPT-4 (OpenAI) and the model (GPT-4).')).toEqual([]);
    expect(definitions('The approach works well (see XYZ).')).toEqual([]);
  });

  it('does not cross punctuation to find a long form', () => {
    expect(definitions('large language models, and the LLMs (LLMs)')).toEqual([]);
  });
});
