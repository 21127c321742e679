/**
 * Rare title words: words of a paper's title that only a handful of papers use anywhere (title or abstract).
 * Two papers whose titles share such a word (`Matryoshka`, `neuroblastoma`, `SoccerNet`) are about the same
 * narrow thing even when the rest of their texts differ, which neither the sparse nor the LSA cosine sees
 * (a word used by two or three papers weighs little in a long abstract). Related papers get a bonus for it.
 */

/** Most papers that may use a word for it to count as rare (titles and abstracts together). */
export const RARE_TITLE_MAX_PAPERS = 3;

/**
 * Added to the related-paper score of two papers whose titles share a rare word. Large enough to lift a paper that
 * shares the word into the top 5 (blended scores of a paper's 5th related paper are about 0.4–0.5); on 8,520 arXiv
 * papers (npm run bench:quality) it cost 0.001 in P@5 and less in Jaccard@5: the pairs it brings in share a subject more
 * often than an arXiv category.
 */
export const RARE_TITLE_BONUS = 0.25;

/** The words of a text: lower case, accents folded, runs of letters and digits of 3 characters or more with a letter. */
export function textWords(text: string): string[] {
  // Most texts are plain ASCII: split them without Unicode normalisation (the same words, several times faster).
  if (ASCII.test(text)) return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && /[a-z]/.test(w));
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && /\p{L}/u.test(w));
}

/** Only ASCII characters. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Each paper's rare title words (sorted, no repeats): words of its title that its abstract uses too (the paper's
 * subject, not a title's flourish such as `Unveiling` or `Rethinking`) and that 2 to `maxPapers` papers use,
 * counting every paper whose title or abstract has the word. A word of one paper only cannot be shared.
 */
export function rareTitleWords(papers: readonly { title: string; abstract: string }[], maxPapers = RARE_TITLE_MAX_PAPERS): string[][] {
  const df = new Map<string, number>();
  for (const p of papers) for (const w of new Set(textWords(`${p.title}\n${p.abstract}`))) df.set(w, (df.get(w) ?? 0) + 1);
  return papers.map((p) => {
    const rare = [...new Set(textWords(p.title))].filter((w) => {
      const d = df.get(w) ?? 0;
      return d >= 2 && d <= maxPapers;
    });
    // The abstract is split again only for the few papers with a rare title word.
    if (rare.length === 0) return rare;
    const abstract = new Set(textWords(p.abstract));
    return rare.filter((w) => abstract.has(w)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  });
}

/** A pair bonus for related papers: `bonus` when the two papers' rare title words (see {@link rareTitleWords}) meet, else 0. */
export function sharedWordBonus(words: readonly (readonly string[])[], bonus = RARE_TITLE_BONUS): (p: number, q: number) => number {
  const sets = words.map((w) => new Set(w));
  return (p, q) => {
    const mine = sets[p];
    const theirs = words[q];
    if (mine === undefined || theirs === undefined || mine.size === 0) return 0;
    return theirs.some((w) => mine.has(w)) ? bonus : 0;
  };
}
