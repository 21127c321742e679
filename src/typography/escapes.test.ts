/** What follows a backslash: escaped specials and the escapes of programming text. */
import { describe, expect, test } from 'vitest';
import { P, R } from './test-helpers';

describe('escapes', () => {
  test('escaped specials', () => {
    expect(R('\\% \\& \\$ \\# \\_ \\{ \\}')).toBe('% &amp; $ # _ { }');
    expect(P('\\% \\& \\$ \\# \\_ \\{ \\}')).toBe('% & $ # _ { }');
  });

  test('programming escapes stay literal', () => {
    expect(P('delimiters like "\\n\\n", serving')).toBe('delimiters like "\\n\\n", serving');
    expect(P('the regex \\d+ matches')).toBe('the regex \\d+ matches');
    expect(P('caf\\u00e9')).toBe('café');
  });
});
