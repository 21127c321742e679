/**
 * Pure: the index chunks that every search shard shares (see shard-vocabulary.ts). Pagefind splits an index's sorted
 * words into chunks and a search loads, for each query word, only the chunks whose range holds it; within them it takes
 * the words that extend the (stemmed) query word, or, when none does, the longest word that is a prefix of it. Shards
 * whose chunks hold the same words over the same ranges as one index would therefore match exactly the pages that one
 * index matches. These functions are Pagefind 1.6's own chunking (pagefind/src/index/mod.rs: `chunk_index`,
 * `chunk_meta`, `get_prefixes`) applied to the words of all shards.
 */

/** A word and its share of a chunk in Pagefind's sizing. */
export interface SizedWord {
  word: string;
  size: number;
}

/** The range of words a chunk covers, as the meta file lists it (shortened where it meets its neighbours). */
export interface ChunkRange {
  from: string;
  to: string;
}

/** Pagefind's default chunk size (`index_chunk_size`), which `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` overrides. */
export const DEFAULT_CHUNK_SIZE = 20_000;

/** The chunk size the Pagefind binary uses given its environment. */
export function pagefindChunkSize(env: Record<string, string | undefined>): number {
  const value = Number(env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_CHUNK_SIZE;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Rust's order of strings (by UTF-8 bytes, which is code point order), which Pagefind sorts words and compares chunk
 * ranges by. JavaScript's `<` compares UTF-16 units, which differs only for characters above U+FFFF.
 */
export function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The words of several indexes, each once, in Rust's order, with their sizes summed: the words one index of all their pages would hold. */
export function unionWords(indexes: readonly (readonly SizedWord[])[]): SizedWord[] {
  const sizes = new Map<string, number>();
  for (const words of indexes) for (const { word, size } of words) sizes.set(word, (sizes.get(word) ?? 0) + size);
  return [...sizes].map(([word, size]) => ({ word, size })).sort((a, b) => compareWords(a.word, b.word));
}

/** Pagefind's `chunk_index`: sorted words cut into chunks, each closed as soon as its sizes add up to `chunkSize`. */
export function chunkWords(words: readonly SizedWord[], chunkSize: number): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const word of words) {
    size += word.size;
    chunk.push(word.word);
    if (size >= chunkSize) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Pagefind's `get_prefixes`: both words cut one character past their common prefix (counted in code points). */
function prefixes(a: string, b: string): [string, string] {
  const x = [...a];
  const y = [...b];
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common += 1;
  return [x.slice(0, common + 1).join(''), y.slice(0, common + 1).join('')];
}

/** Pagefind's `chunk_meta`: each chunk's first and last word, shortened where two chunks meet to what tells them apart. */
export function chunkRanges(chunks: readonly (readonly string[])[]): ChunkRange[] {
  const ranges = chunks.map((words) => ({ from: words[0] ?? '', to: words[words.length - 1] ?? '' }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    const left = ranges[i];
    const right = ranges[i + 1];
    if (!left || !right) continue;
    const [to, from] = prefixes(left.to, right.from);
    // Pagefind shortens `to` only where that keeps the range valid (to ≥ from).
    if (compareWords(to, left.from) >= 0) left.to = to;
    right.from = from;
  }
  return ranges;
}
