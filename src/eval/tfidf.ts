/**
 * The plain tf-idf baseline of the quality benchmark, as scikit-learn's `TfidfVectorizer(ngram_range=(1, 2),
 * sublinear_tf=True, stop_words='english', min_df=2)` builds it: lower-cased tokens of two or more word
 * characters, stop words removed, unigrams and bigrams of the remaining tokens, 1 + ln(tf), smoothed idf,
 * rows L2-normalised.
 */
import type { CsrMatrix } from '../pipeline/lsa';
import { ENGLISH_STOP_WORDS } from './english-stop-words';

/** The tokens of a text: runs of two or more word characters, lower-cased, without stop words. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []).filter((t) => !ENGLISH_STOP_WORDS.has(t));
}

/** Unigrams and bigrams of a token list. */
export function ngrams(tokens: readonly string[]): string[] {
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i += 1) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** The tf-idf matrix of the texts (rows in text order; features in code-unit order) and its vocabulary. */
export function tfidfMatrix(texts: readonly string[], minDf = 2): { matrix: CsrMatrix; vocabulary: string[] } {
  const counts = texts.map((text) => {
    const m = new Map<string, number>();
    for (const g of ngrams(tokenize(text))) m.set(g, (m.get(g) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of counts) for (const g of m.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const vocabulary = [...df.keys()].filter((g) => (df.get(g) as number) >= minDf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(vocabulary.map((g, i) => [g, i]));
  const n = texts.length;
  const idf = vocabulary.map((g) => Math.log((1 + n) / (1 + (df.get(g) as number))) + 1);
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const data: number[] = [];
  counts.forEach((m, row) => {
    const entries: [number, number][] = [];
    for (const [g, tf] of m) {
      const f = index.get(g);
      if (f !== undefined) entries.push([f, (1 + Math.log(tf)) * (idf[f] as number)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0));
    for (const [f, v] of entries) {
      indices.push(f);
      data.push(norm > 0 ? v / norm : 0);
    }
    indptr[row + 1] = indices.length;
  });
  return { matrix: { rows: n, cols: vocabulary.length, indptr, indices: Int32Array.from(indices), data: Float64Array.from(data) }, vocabulary };
}
