import { describe, expect, test } from 'vitest';
import { compareText, roundSignificant, roundTo } from './order';

describe('order helpers', () => {
  test('compareText orders by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'e'].sort(compareText)).toEqual(['B', 'a', 'b', 'e', 'é']);
    expect(compareText('x', 'x')).toBe(0);
  });

  test('roundTo rounds to decimals without -0; roundSignificant to significant digits', () => {
    expect(roundTo(1.26, 1)).toBe(1.3);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(roundSignificant(123.456, 4)).toBe(123.5);
    expect(roundSignificant(0.000123456, 2)).toBe(0.00012);
  });
});
