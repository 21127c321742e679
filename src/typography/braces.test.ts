/** Brace groups: dropped around words, kept for sets and strays. */
import { describe, expect, test } from 'vitest';
import { R } from './test-helpers';

describe('braces', () => {
  test('grouping braces around plain words are removed; sets and strays are kept', () => {
    expect(R('on {GSM8K}, better than {GPT-3.5-Turbo}.')).toBe('on GSM8K, better than GPT-3.5-Turbo.');
    expect(R('the set {Austin, Dallas, Houston}, one')).toBe('the set {Austin, Dallas, Houston}, one');
    expect(R('we used 5{,}000 prompts')).toBe('we used 5,000 prompts');
    expect(R('imo_1962_p2}, and { open')).toBe('imo_1962_p2}, and { open');
  });
});
