/** Math words that lost their backslash (`20times`, `sim50%`), and prose that must stay as typed. */
import { describe, expect, test } from 'vitest';
import { R } from './test-helpers';

describe('lost backslashes', () => {
  test('words that lost their backslash, only in mathematical company', () => {
    expect(R('a 20times speedup, Mixtral-8times7B, 64{times}64 images')).toBe('a 20× speedup, Mixtral-8×7B, 64×64 images');
    expect(R('saving sim4.4 million hours, sim2K clips')).toBe('saving ∼4.4 million hours, ∼2K clips');
    expect(R('3.2pm0.1 s')).toBe('3.2±0.1 s');
    expect(R('when D{to}infty and N{+}D, D{=}1')).toBe('when D→infty and N+D, D=1');
    expect(R('a {to} b and {in}')).toBe('a to b and in');
    expect(R('approx50 runs')).toBe('≈50 runs');
    const prose = 'Sim2Real and sim2real transfer, a simulation, approximately 5, approx. 5, sometimes 3 times, at 3pm, in 2 times';
    expect(R(prose)).toBe(prose);
  });
});
