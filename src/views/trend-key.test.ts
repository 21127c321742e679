import { describe, expect, it } from 'vitest';
import { termTrendKey } from './trend-key';
import type { TrendSource } from './trends';

const source = (digests: number): TrendSource => ({
  digests: Array.from({ length: digests }, (_, i) => ({ id: `d${i}`, data: { name: `Day ${i}` } })),
  papers: [
    { id: 'p1', data: { appearances: [{ digest: 'd0' }] } },
    { id: 'p2', data: { appearances: [{ digest: 'd1' }] } },
  ],
  terms: [{ id: 't', data: { slug: 't', label: 'T', papers: ['p1', 'p2'] } }],
  topics: [],
});

describe('termTrendKey', () => {
  it('is the same for the same data and changes when a digest arrives (the chart gains a bar)', () => {
    expect(JSON.stringify(termTrendKey(source(2), 't'))).toBe(JSON.stringify(termTrendKey(source(2), 't')));
    expect(JSON.stringify(termTrendKey(source(3), 't'))).not.toBe(JSON.stringify(termTrendKey(source(2), 't')));
    expect(termTrendKey(source(2), 'missing')).toBeNull();
  });
});
