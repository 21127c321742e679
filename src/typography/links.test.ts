/** Bare URLs, `\url{}` and `\href{}{}`: link targets, escaping, links off, and plain text. */
import { describe, expect, test } from 'vitest';
import { link, P, R } from './test-helpers';

describe('links', () => {
  test.each([
    ['see https://a.org/x, and', `see ${link('https://a.org/x')}, and`],
    ['(https://github.com/PaddlePaddle/PaddleOCR)', `(${link('https://github.com/PaddlePaddle/PaddleOCR')})`],
    ['https://en.wikipedia.org/wiki/Foo_(bar).', `${link('https://en.wikipedia.org/wiki/Foo_(bar)')}.`],
    ['[https://a.org/x]', `[${link('https://a.org/x')}]`],
    ['at https://a.org/x; or https://b.org/y: or http://c.org/z!', `at ${link('https://a.org/x')}; or ${link('https://b.org/y')}: or ${link('http://c.org/z')}!`],
    ['https://github.com/13204942/SSL\\_Cervical\\_Segmentation.', `${link('https://github.com/13204942/SSL_Cervical_Segmentation')}.`],
    ['https://www.robots.ox.ac.uk/~vgg/research/', link('https://www.robots.ox.ac.uk/~vgg/research/')],
    ['code at github.com/edwardjhu/TP4.', `code at ${link('https://github.com/edwardjhu/TP4', 'github.com/edwardjhu/TP4')}.`],
    ['at www.github.com.', `at ${link('https://www.github.com', 'www.github.com')}.`],
    ['\\url{https://x.y/z}.', `${link('https://x.y/z')}.`],
    ['\\href{https://a.org}{here}.', `${link('https://a.org', 'here')}.`],
    ['\\href{https://a.org}{\\textbf{link}}', link('https://a.org', '<strong>link</strong>')],
    ['\\href{https://a.org}{https://b.org}', link('https://a.org', 'https://b.org')],
    ['\\href{this link}{http://a.org/c/}', link('http://a.org/c/', 'this link')],
    ['see \\href{https://a.org/x.', `see ${link('https://a.org/x')}.`],
  ])('%s', (input, html) => {
    expect(R(input)).toBe(html);
  });

  test('hrefs are escaped and only http(s) links are made', () => {
    expect(R('https://a.org/?a=1&b="2"')).toBe(`${link('https://a.org/?a=1&amp;b=')}&quot;2&quot;`);
    expect(R("https://a.org/x'onmouseover=alert(1)")).toBe(link('https://a.org/x&#39;onmouseover=alert(1)'));
    expect(R('javascript:alert(1) and http:// and https://')).toBe('javascript:alert(1) and http:// and https://');
    expect(R('\\href{javascript:alert(1)}{click}')).toBe('click');
    expect(R('\\url{javascript:alert(1)}')).toBe('javascript:alert(1)');
    expect(R('xhttps://a.org')).toBe('xhttps://a.org');
  });

  test('links: false keeps the text', () => {
    expect(R('see https://a.org/x. and \\href{https://a.org}{here}', false)).toBe('see https://a.org/x. and here');
  });

  test('plain text keeps the target of a named link', () => {
    expect(P('Code is \\href{https://a.org/x}{here}.')).toBe('Code is here (https://a.org/x).');
    expect(P('Code: \\url{https://a.org/x}.')).toBe('Code: https://a.org/x.');
  });
});
