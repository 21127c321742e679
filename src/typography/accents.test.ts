/** Accents (`\"o`, `\c{c}`), and escaped apostrophes, quotes and split Greek letters that are not accents. */
import { describe, expect, test } from 'vitest';
import { P, R } from './test-helpers';

describe('accents', () => {
  test.each([
    ['\\"o', 'ö'], ['\\"{o}', 'ö'], ['{\\"o}', 'ö'], ["\\'e", 'é'], ["\\'{E}rudit", 'Érudit'],
    ['\\`e', 'è'], ['M\\`imir', 'Mìmir'], ['\\^o', 'ô'], ['\\~n', 'ñ'], ['Do\\~nana', 'Doñana'],
    ['\\c{c}', 'ç'], ['\\c c', 'ç'], ['\\v{s}', 'š'], ['\\v s', 'š'], ['\\"{\\i}', 'ï'], ["\\'\\i", 'í'],
    ['\\H{o}', 'ő'], ['\\k{a}', 'ą'], ['\\r{a}', 'å'], ['\\u{g}', 'ğ'], ['\\={a}', 'ā'], ['\\.{z}', 'ż'],
    ['T\\"UV S\\"UD', 'TÜV SÜD'], ['Bj{\\o}ntegaard', 'Bjøntegaard'], ['Bokm{\\aa}l', 'Bokmål'],
    ['4-8 {\\AA}', '4-8 Å'], ['Stra\\ss e', 'Straß e'], ['Kac-Murdock-Szeg\\"{o}', 'Kac-Murdock-Szegő'.replace('ő', 'ö')],
  ])('%s → %s', (input, expected) => {
    expect(R(input)).toBe(expected);
    expect(P(input)).toBe(expected);
    expect(P(input)).toBe(expected.normalize('NFC'));
  });

  test('escaped apostrophes and cp1252 leftovers are not accents', () => {
    expect(P("the MLLM\\'s language")).toBe("the MLLM's language");
    expect(R("the MLLM\\'s language")).toBe('the MLLM&#39;s language');
    expect(P("we don\\'t")).toBe("we don't");
    expect(P("the Orin GPU\\'92s pipeline")).toBe('the Orin GPU’s pipeline');
    expect(P('He said \\"hello\\" twice')).toBe('He said "hello" twice');
    expect(P('a \\" quote')).toBe('a " quote');
  });

  test('Greek letters split by an accent macro', () => {
    expect(P('filtering (\\r{ho} = 0.34)')).toBe('filtering (ρ = 0.34)');
    expect(P('TCR \\b{eta}-chain')).toBe('TCR β-chain');
  });
});
