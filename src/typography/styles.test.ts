/** Style macros and declarations (`\textbf{}`, `{\em }`, `\color`). */
import { describe, expect, test } from 'vitest';
import { R } from './test-helpers';

describe('styles', () => {
  test.each([
    ['\\emph{x}', '<em>x</em>'],
    ['\\textit{x y}', '<em>x y</em>'],
    ['{\\it target similarity} and', '<em>target similarity</em> and'],
    ['\\textbf{x}', '<strong>x</strong>'],
    ['{\\bf x} y', '<strong>x</strong> y'],
    ['\\texttt{x_y}', '<code>x_y</code>'],
    ['\\texttt{--flag}', '<code>--flag</code>'],
    ['\\textsc{Name}', 'Name'],
    ['\\text{x}', 'x'],
    ['\\mathrm{x}', 'x'],
    ['\\underline{\\textbf{Fed}}erated', '<u><strong>Fed</strong></u>erated'],
    ['\\textbf{\\underline{P}}ersona', '<strong><u>P</u></strong>ersona'],
    ['\\emph{\\textcolor{magenta}{GitHub}}', '<em>GitHub</em>'],
    ['\\textbf{\\color{ddt}D}ecoupled', '<strong>D</strong>ecoupled'],
    ['{\\color{blue}there is} no', 'there is no'],
    ['\\emph{}', ''],
  ])('%s', (input, html) => {
    expect(R(input)).toBe(html);
  });
});
