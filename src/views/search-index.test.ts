import { describe, expect, it } from 'vitest';
import { filterValues, normalizeLabel, sortKey, termsText } from './search-index';

describe('filterValues', () => {
  it('uses the label when it is unique', () => {
    const values = filterValues([
      { id: 't1', label: 'diffusion · video' },
      { id: 't2', label: 'mixture  of experts ' },
    ]);
    expect(values.get('t1')).toBe('diffusion · video');
    expect(values.get('t2')).toBe('mixture of experts');
  });

  it('adds the id to labels that several items share', () => {
    const values = filterValues([
      { id: '000_a', label: 'Mar 14' },
      { id: '001_b', label: 'Mar 14' },
      { id: '002_c', label: 'Mar 15' },
    ]);
    expect([...values.values()]).toEqual(['Mar 14 (000_a)', 'Mar 14 (001_b)', 'Mar 15']);
  });
});

describe('sortKey', () => {
  it('zero-pads so text and number order agree', () => {
    expect(sortKey(3)).toBe('000003');
    expect(sortKey(43)).toBe('000043');
    expect([sortKey(10), sortKey(9)].sort()).toEqual([sortKey(9), sortKey(10)]);
    expect(sortKey(-1)).toBe('000000');
  });
});

describe('termsText', () => {
  it('lists terms with their acronyms', () => {
    expect(termsText([{ label: 'mixture of experts', acronym: 'MoE' }, { label: 'vision transformer' }])).toBe(
      'Key terms: mixture of experts (MoE); vision transformer.',
    );
  });

  it('gives the long form of a term named by its acronym', () => {
    expect(termsText([{ label: 'CLIP', acronym: 'CLIP', longForm: 'Contrastive Language-Image Pre-training' }])).toBe(
      'Key terms: CLIP (Contrastive Language-Image Pre-training).',
    );
  });

  it('skips duplicates and acronyms equal to the label', () => {
    expect(termsText([{ label: 'LoRA', acronym: 'lora' }, { label: 'lora' }, { label: ' ' }])).toBe('Key terms: LoRA.');
  });

  it('is empty without terms', () => {
    expect(termsText([])).toBe('');
  });

  it('normalizes whitespace', () => {
    expect(normalizeLabel('  a \n b ')).toBe('a b');
  });
});
