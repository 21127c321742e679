/**
 * The two kinds of file in a Pagefind 1.6 bundle that the search shards rewrite (see shard-vocabulary.ts): index
 * chunks (`index/<hash>.pf_index`, the words of a range of the alphabet with the pages and positions of each) and the
 * meta file (`pagefind.<hash>.pf_meta`, which lists the chunks). Both are CBOR behind a `pagefind_dcd` signature,
 * gzipped, and named by a SHA-1 of their CBOR. cborg decodes and re-encodes Pagefind's CBOR byte for byte (checked on
 * every chunk and meta file of a 75,000-paper index), so a word's entry is carried over as Pagefind wrote it.
 * Layouts as Pagefind's own decoder reads them (pagefind_web/src/index.rs, metadata.rs).
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, decodeFirst, encode } from 'cborg';

/** Bytes every Pagefind index file starts with once unzipped. */
export const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** The CBOR inside a Pagefind file: unzipped (Pagefind also reads a file that was never zipped) and without its signature. */
export function unpackFile(bytes: Uint8Array, name: string): Uint8Array {
  const hasSignature = (b: Uint8Array) => SIGNATURE.every((byte, i) => b[i] === byte);
  const raw = hasSignature(bytes) ? bytes : new Uint8Array(gunzipSync(bytes));
  if (!hasSignature(raw)) throw new Error(`${name}: not a Pagefind file (no pagefind_dcd signature)`);
  return raw.subarray(SIGNATURE.length);
}

/** A Pagefind file's bytes for its CBOR: signature, then gzip (deterministic: no name or time in the header). */
export function packFile(cbor: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 6 });
}

/** Pagefind's `full_hash`: the SHA-1 of the bytes in hex, each byte without a leading zero (`format!("{:x?}")`). */
export function pagefindHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((b) => b.toString(16)).join('');
}

/**
 * Pagefind's name for an index chunk: `<language>_` and the first 7 characters of its hash, one more while the name
 * is taken by another chunk of the same bundle (as Pagefind resolves collisions, in chunk order).
 */
export function chunkName(language: string, cbor: Uint8Array, taken: ReadonlySet<string>): string {
  const full = `${language}_${pagefindHash(cbor)}`;
  let length = language.length + 8;
  while (taken.has(full.slice(0, length)) && length < full.length) length += 1;
  return full.slice(0, length);
}

/** Pagefind's name for a meta file's hash: `<language>_` and the first `language.length + 8` characters of its hash. */
export function metaName(language: string, cbor: Uint8Array): string {
  return `${language}_${pagefindHash(cbor).slice(0, language.length + 8)}`;
}

/** One word of an index chunk: the stemmed word, its CBOR entry as Pagefind wrote it, and its weight in Pagefind's chunk sizing. */
export interface IndexWord {
  word: string;
  entry: Uint8Array;
  /**
   * Pagefind's measure of a word's share of a chunk: per page (its own and its spelling variants'), the positions
   * (with weight markers) and metadata positions, plus one; and one per variant. Read off the chunks Pagefind 1.6
   * writes: with it, chunkWords (shard-chunks.ts) cuts each of three 75,000-paper shards exactly where Pagefind did.
   */
  size: number;
}

type PageEntry = [number, number[], number[]?];

/** Pagefind's size of a list of pages in a chunk. */
const pagesSize = (pages: readonly PageEntry[]) => pages.reduce((sum, page) => sum + page[1].length + (page[2]?.length ?? 0) + 1, 0);

/** CBOR header of a definite-length array of `n` items (major type 4, shortest form, as minicbor and cborg write it). */
export function arrayHeader(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`arrayHeader: bad length ${n}`);
  if (n < 24) return Uint8Array.of(0x80 + n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** Reads a definite-length array header at `at`; returns the length and where the items start. */
function readArrayHeader(bytes: Uint8Array, at: number): { length: number; next: number } {
  const first = bytes[at] ?? -1;
  if (first >= 0x80 && first < 0x98) return { length: first - 0x80, next: at + 1 };
  const width = { 0x98: 1, 0x99: 2, 0x9a: 4 }[first];
  if (width === undefined) throw new Error(`index chunk: expected an array at byte ${at}`);
  let length = 0;
  for (let i = 1; i <= width; i++) length = length * 256 + (bytes[at + i] ?? 0);
  return { length, next: at + 1 + width };
}

/** The words of an index chunk's CBOR (`[[word, pages, variants], …]` inside a one-item array), in the chunk's order. */
export function readIndexWords(cbor: Uint8Array): IndexWord[] {
  const outer = readArrayHeader(cbor, 0);
  if (outer.length !== 1) throw new Error('index chunk: expected a one-item array');
  const list = readArrayHeader(cbor, outer.next);
  const words: IndexWord[] = [];
  let rest = cbor.subarray(list.next);
  for (let i = 0; i < list.length; i++) {
    const [value, remainder] = decodeFirst(rest) as [unknown, Uint8Array];
    const [word, pages, variants = []] = (Array.isArray(value) ? value : []) as [string?, PageEntry[]?, [string, PageEntry[]][]?];
    if (typeof word !== 'string' || !Array.isArray(pages)) throw new Error(`index chunk: word ${i} is not [word, pages, …]`);
    const size = pagesSize(pages) + variants.reduce((sum, [, variantPages]) => sum + pagesSize(variantPages) + 1, 0);
    words.push({ word, entry: rest.subarray(0, rest.length - remainder.length), size });
    rest = remainder;
  }
  if (rest.length > 0) throw new Error('index chunk: bytes after the word list');
  return words;
}

/** An index chunk's CBOR from its word entries, in order. */
export function writeIndexChunk(entries: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat([arrayHeader(1), arrayHeader(entries.length), ...entries]);
}

/** The entry of a word no page of this index holds: found by Pagefind's prefix search, it matches nothing. */
export function emptyWordEntry(word: string): Uint8Array {
  return encode([word, [], []]);
}

/** A chunk as the meta file lists it: the range of words it covers (shortened at its ends) and its file's hash. */
export interface MetaChunk {
  from: string;
  to: string;
  hash: string;
}

/** The meta file's CBOR: `[version, pages, chunks, filter chunks, sorts, …]`; only the chunk list is read or replaced. */
export function readMetaChunks(cbor: Uint8Array): MetaChunk[] {
  const meta = decode(cbor) as unknown[];
  const chunks = meta[2];
  if (!Array.isArray(meta) || typeof meta[0] !== 'string' || !Array.isArray(chunks)) throw new Error('meta file: unexpected layout');
  return chunks.map((c: unknown) => {
    const [from, to, hash] = c as [string, string, string];
    return { from, to, hash };
  });
}

/** The meta file's CBOR with its chunk list replaced. */
export function replaceMetaChunks(cbor: Uint8Array, chunks: readonly MetaChunk[]): Uint8Array {
  const meta = decode(cbor) as unknown[];
  meta[2] = chunks.map((c) => [c.from, c.to, c.hash]);
  return encode(meta);
}
