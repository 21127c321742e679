/**
 * Pagefind excerpts are HTML: the page text with entities encoded, plus `<mark>` around the matched words.
 * Rather than trusting that string as innerHTML, it is split into text runs and marked runs here,
 * and the page builds DOM nodes from them (text nodes only), so nothing in an excerpt can ever become markup.
 */

/** A run of excerpt text; `mark` is true for the words that matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind emits (`&amp;`, `&lt;`, `&#39;`, `&#x27;`…); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into plain and marked runs; any tag other than `<mark>`/`</mark>` is kept as literal text. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') {
      mark = true;
    } else if (tag === '</mark>') {
      mark = false;
    } else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}
