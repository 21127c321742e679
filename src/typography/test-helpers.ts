/** Shorthands of the typography tests: the two public functions and the HTML of a link and of an unknown macro. */
import { plainText, renderText } from './index';

/** `renderText` with links on (or off). */
export const R = (s: string, links = true): string => renderText(s, { links });
/** `plainText`. */
export const P = plainText;
/** A no-break space. */
export const NBSP = '\u00a0';
/** The HTML of a link as `renderText` writes it. */
export const link = (href: string, text = href): string => `<a href="${href}" rel="nofollow noopener">${text}</a>`;
/** The HTML of an unknown macro as `renderText` writes it. */
export const macro = (name: string): string => `<span class="macro">${name}</span>`;
