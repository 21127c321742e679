/**
 * Reference categories for the quality benchmark: a tab-separated file with one row per listed paper
 * (file, arXiv id, categories with the primary first, title as the digest writes it), matched to the
 * analysed papers by title. For evaluation only: the analysis never reads it.
 */

/** The arXiv categories of one paper, primary first. */
export interface TruthRow {
  arxivId: string;
  categories: string[];
  title: string;
}

/** Parses the truth file (header row first, tab-separated; columns found by name). */
export function parseTruth(text: string): TruthRow[] {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`truth file: no "${name}" column (header: ${header.join(', ')})`);
    return at;
  };
  const id = column('arxiv_id');
  const categories = column('categories');
  const title = column('title');
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      arxivId: (cells[id] ?? '').trim(),
      categories: (cells[categories] ?? '').trim().split(/\s+/u).filter((c) => c !== ''),
      title: (cells[title] ?? '').trim(),
    };
  });
}

/** A title as compared: whitespace collapsed, lower-cased. */
export function titleKey(title: string): string {
  return title.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The categories of each paper (by position in `titles`) whose title a truth row has, or null; where two rows
 * give one title different categories, the first row wins.
 */
export function matchTruth(titles: readonly string[], rows: readonly TruthRow[]): (string[] | null)[] {
  const byTitle = new Map<string, string[]>();
  for (const row of rows) {
    const key = titleKey(row.title);
    if (!byTitle.has(key) && row.categories.length > 0) byTitle.set(key, row.categories);
  }
  return titles.map((t) => byTitle.get(titleKey(t)) ?? null);
}
