/**
 * Paper vectors and related papers. A paper's vector joins its content words and its key terms
 * (multi-word terms weigh three times single-word ones, which only repeat a content word), each
 * weighted by sublinear tf × smoothed idf^0.5, L2-normalised. Related papers are the nearest by
 * cosine, or by a blend of it with the cosine of LSA vectors (see `semantic.ts`), found through an inverted
 * index (no all-pairs loop), with the shared key terms that contribute most to the sparse similarity.
 */
import { containsWords, type TermExtraction } from './terms';
import { blendedNeighbors, type DenseVectors } from './semantic';
import { sharedWordBonus } from './title-words';
import { nearestNeighbors, smoothIdf, sublinearTf, type NeighborOptions, type SparseVector } from './vectors';
import type { RelatedPaper } from './types';

/** Options of {@link paperVectors}. */
export interface VectorOptions {
  /** Weight factor of multi-word key terms (default 0.75; their words count as content words too). */
  phraseBoost?: number;
  /** Weight factor of single-word key terms, which repeat a content word (default 0.25). */
  wordTermBoost?: number;
  /**
   * Power of the idf (default 0.5): below 1 keeps a shared rare word from outweighing the rest of the two texts.
   * On 8,520 arXiv papers (npm run bench:quality) 0.5 put more related papers in the paper's own category than 1.25.
   */
  idfPower?: number;
}

/** Options of {@link relatedPapers}. */
export interface RelatedOptions extends NeighborOptions {
  /** Shared key terms listed per related paper (default 5). */
  maxShared?: number;
  /** LSA vectors of the papers: when given, papers are ranked by a blend of the sparse and the LSA cosine. */
  semantic?: DenseVectors;
  /** Weight of the LSA cosine in that blend (default {@link RELATED_SEMANTIC_WEIGHT}). */
  semanticWeight?: number;
  /**
   * Each paper's rare title words (by paper index, see `title-words.ts`): with `semantic`, two papers whose titles
   * share one get `RARE_TITLE_BONUS` added to their blended score.
   */
  titleWords?: readonly (readonly string[])[];
  /** Paper embeddings from corpus-trained word vectors (`word-embedding.ts`): with `semantic`, blended in at {@link RELATED_EMBEDDING_WEIGHT}. */
  embedding?: DenseVectors;
}

/**
 * Weight of the LSA cosine when ranking related papers. Measured on 8,520 arXiv papers against their categories
 * (npm run bench:quality): the blend puts more related papers in the paper's own category than either cosine alone.
 */
export const RELATED_SEMANTIC_WEIGHT = 0.4;

/**
 * Weight of the word-embedding cosine (`word-embedding.ts`) in related papers' score, the sparse–LSA blend taking
 * the rest. Measured on 8,520 arXiv papers and both halves of them (npm run bench:quality): more related papers
 * share the paper's categories.
 */
export const RELATED_EMBEDDING_WEIGHT = 0.5;

/**
 * Power of the idf in the vectors that LSA reduces (see {@link lsaInput}): the textbook tf-idf, where related papers'
 * sparse cosine keeps idf^0.5. On 8,520 arXiv papers (npm run bench:quality) the SVD of the full-idf matrix gave
 * topics more in line with the papers' categories over several clustering seeds, and related papers no worse.
 */
export const LSA_IDF_POWER = 1;

/** The vectors the papers' LSA vectors are reduced from: {@link paperVectors} with the full idf ({@link LSA_IDF_POWER}). */
export function lsaInput(extraction: TermExtraction, options: VectorOptions = {}): SparseVector[] {
  return paperVectors(extraction, { ...options, idfPower: LSA_IDF_POWER });
}

/** Defaults of {@link VectorOptions}. */
const PHRASE_BOOST = 0.75;
const WORD_TERM_BOOST = 0.25;
const IDF_POWER = 0.5;

/** Weight factor of a key term in paper vectors. */
function termBoost(id: string, options: VectorOptions): number {
  return id.includes(' ') ? (options.phraseBoost ?? PHRASE_BOOST) : (options.wordTermBoost ?? WORD_TERM_BOOST);
}

/**
 * One sparse vector per paper (by `extraction.paperIds` index): key terms and content words,
 * sublinear tf × smoothed idf (terms boosted, see {@link VectorOptions}), L2-normalised over all
 * features; features used by a single paper are then dropped (they cannot match anything).
 */
export function paperVectors(extraction: TermExtraction, options: VectorOptions = {}): SparseVector[] {
  const n = extraction.paperIds.length;
  const idfPower = options.idfPower ?? IDF_POWER;
  // Terms and words are numbered apart (terms first), each in code-unit order of their keys,
  // so vectors do not depend on first-use order.
  const termDf = documentFrequencies(extraction.termCounts);
  const wordDf = documentFrequencies(extraction.wordCounts);
  const termIndex = numbering(termDf, 0);
  const wordIndex = numbering(wordDf, termIndex.size);
  const termBoosts = new Map([...termDf.keys()].map((id) => [id, termBoost(id, options)]));
  return extraction.paperIds.map((_, p) => {
    const entries: [number, number][] = [];
    let norm = 0;
    const add = (counts: ReadonlyMap<string, number> | undefined, df: ReadonlyMap<string, number>, index: ReadonlyMap<string, number>, terms: boolean): void => {
      for (const [key, tf] of counts ?? []) {
        const d = df.get(key) ?? 1;
        const boost = terms ? (termBoosts.get(key) ?? 1) : 1;
        const w = boost * sublinearTf(tf) * smoothIdf(d, n) ** idfPower;
        norm += w * w;
        if (d >= 2 && w > 0) entries.push([index.get(key) as number, w]);
      }
    };
    add(extraction.termCounts[p], termDf, termIndex, true);
    add(extraction.wordCounts[p], wordDf, wordIndex, false);
    entries.sort((a, b) => a[0] - b[0]);
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return {
      indices: Int32Array.from(entries, (e) => e[0]),
      values: Float64Array.from(entries, (e) => e[1] * inv),
    };
  });
}

/** Number of papers using each key of the per-paper counts. */
function documentFrequencies(counts: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of counts) for (const key of m.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}

/** Feature numbers from `offset` on, in code-unit order of the keys (only keys used by two papers or more get one). */
function numbering(df: ReadonlyMap<string, number>, offset: number): Map<string, number> {
  const keys = [...df.keys()].filter((k) => (df.get(k) ?? 0) >= 2).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(keys.map((k, i) => [k, offset + i]));
}

/**
 * The k most related papers of every paper (paper id → best first, ties by id), each with its
 * cosine similarity (4 significant digits) and the shared key terms that add most to it.
 */
export function relatedPapers(
  extraction: TermExtraction,
  vectors: readonly SparseVector[],
  k = 5,
  options: RelatedOptions & VectorOptions = {},
): Record<string, RelatedPaper[]> {
  const maxShared = options.maxShared ?? 5;
  const neighbors =
    options.semantic === undefined
      ? nearestNeighbors(vectors, k, options)
      : blendedNeighbors(vectors, options.semantic, k, {
          weight: options.semanticWeight ?? RELATED_SEMANTIC_WEIGHT,
          maxPostings: options.maxPostings,
          ...(options.titleWords === undefined ? {} : { bonus: sharedWordBonus(options.titleWords) }),
          ...(options.embedding === undefined ? {} : { embedding: options.embedding, embeddingWeight: RELATED_EMBEDDING_WEIGHT }),
        });
  const df = new Map(extraction.terms.map((t) => [t.id, t.papers.length]));
  const n = extraction.paperIds.length;
  const out: Record<string, RelatedPaper[]> = {};
  extraction.paperIds.forEach((id, p) => {
    const mine = extraction.termCounts[p] ?? new Map<string, number>();
    out[id] = (neighbors[p] ?? []).map(({ index: q, similarity }) => {
      const theirs = extraction.termCounts[q] ?? new Map<string, number>();
      const shared: { term: string; weight: number }[] = [];
      for (const [term, tf] of mine) {
        const other = theirs.get(term);
        if (other === undefined) continue;
        const idf = smoothIdf(df.get(term) ?? 1, n) ** (options.idfPower ?? IDF_POWER);
        const boost = termBoost(term, options);
        shared.push({ term, weight: boost * boost * idf * idf * sublinearTf(tf) * sublinearTf(other) });
      }
      shared.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      const kept: string[] = [];
      for (const s of shared) {
        if (kept.length >= maxShared) break;
        if (kept.some((t) => containsWords(t, s.term))) continue;
        kept.push(s.term);
      }
      return { id: extraction.paperIds[q] as string, score: Number(similarity.toPrecision(4)), shared: kept };
    });
  });
  return out;
}
