/** Text cleaning before tokenizing: markup and LaTeX leftovers removed, Title Case titles lower-cased. */

/** Remove URLs, markup and LaTeX leftovers so they do not split words: `Nystr\"om` → `Nystrom`, `S^{2}FT` → `S2FT`. */
export function cleanText(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, (url) => (url.endsWith('.') ? ' .' : ' '))
    .replace(/\\["'`^~=.]\{?([A-Za-z])\}?/g, '$1')
    .replace(/\\(?:em|it|bf|textit|textbf|emph|mathrm|mathbf|text|rm|tt|sf|cal|mathcal)\b\s*/g, '')
    .replace(/\\([%&$#_])/g, '$1')
    .replace(/\\[A-Za-z]+/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s*\^\s*/g, '')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the title capitalizes most of its words (Title Case), so capitals carry no information there. */
function isTitleCase(words: readonly string[]): boolean {
  let cap = 0;
  let lower = 0;
  for (const w of words) {
    if (/^[A-Z][a-z]/.test(w)) cap += 1;
    else if (/^[a-z]{4,}/.test(w)) lower += 1;
  }
  return cap >= 2 && cap > lower;
}

/**
 * Lower-case the plainly capitalized words of a title (`Efficient`, `Side-Information`), keeping
 * acronyms and mixed-case names (`BERT`, `LoRA`, `Meta-Prod2Vec`), so the tagger reads it as prose.
 */
export function decapitalizeTitle(title: string): string {
  const words = title.split(/\s+/);
  const titleCase = isTitleCase(words);
  return words
    .map((w, i) => {
      if (!titleCase && i > 0) return w;
      const parts = w.split('-');
      const plain = parts.every((p) => /^[^A-Za-z]*[A-Z]?[a-z]*[^A-Za-z]*$/.test(p));
      return plain ? w.toLowerCase() : w;
    })
    .join(' ');
}
