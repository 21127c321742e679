import { gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import {
  SIGNATURE,
  arrayHeader,
  chunkName,
  emptyWordEntry,
  metaName,
  packFile,
  pagefindHash,
  readIndexWords,
  readMetaChunks,
  replaceMetaChunks,
  unpackFile,
  writeIndexChunk,
} from './pagefind-format';

/**
 * A chunk as Pagefind 1.6 lays it out: "graph" on two pages (page numbers delta-coded; positions with a weight
 * marker; metadata positions), "graphic" on no page of its own but with an accented spelling on one.
 */
const chunk = encode([
  [
    ['graph', [[3, [1, 5], [-2, 0]], [2, [-11, 0, 4]]], []],
    ['graphic', [], [['graphíc', [[1, [4], []]]]]],
  ],
]);

describe('readIndexWords / writeIndexChunk', () => {
  it("reads each word's entry and Pagefind's size of it, and writes the same bytes back", () => {
    const words = readIndexWords(chunk);
    expect(words.map((w) => w.word)).toEqual(['graph', 'graphic']);
    // graph: (2 positions + 2 metadata + 1) + (3 + 0 + 1); graphic: its variant's page (1 + 0 + 1), plus one for the variant.
    expect(words.map((w) => w.size)).toEqual([9, 3]);
    expect(decode(words[1]?.entry ?? new Uint8Array())).toEqual(['graphic', [], [['graphíc', [[1, [4], []]]]]]);
    expect(Buffer.from(writeIndexChunk(words.map((w) => w.entry)))).toEqual(Buffer.from(chunk));
  });

  it('writes a chunk of added empty words that Pagefind (and cborg) read as such', () => {
    const written = writeIndexChunk([emptyWordEntry('zebra'), ...readIndexWords(chunk).map((w) => w.entry)]);
    expect((decode(written) as unknown[][])[0]?.[0]).toEqual(['zebra', [], []]);
    expect(readIndexWords(written).map((w) => [w.word, w.size])).toEqual([
      ['zebra', 0],
      ['graph', 9],
      ['graphic', 3],
    ]);
  });

  it('rejects what is not a word list', () => {
    expect(() => readIndexWords(encode([[1, 2]]))).toThrow(/word 0/);
    expect(() => readIndexWords(encode(['a', 'b']))).toThrow(/one-item array/);
  });
});

describe('arrayHeader', () => {
  it("is the head of cborg's encoding of an array of that length, at every width", () => {
    for (const n of [0, 1, 23, 24, 255, 256, 65_535, 65_536]) {
      const header = arrayHeader(n);
      expect(Buffer.from(encode(new Array<number>(n).fill(0)).subarray(0, header.length)), `length ${n}`).toEqual(Buffer.from(header));
    }
    expect(() => arrayHeader(-1)).toThrow();
  });
});

describe('packFile / unpackFile', () => {
  it('puts the signature in front and zips, and reads zipped and unzipped files', () => {
    const packed = packFile(chunk);
    expect(Buffer.from(unpackFile(packed, 'x'))).toEqual(Buffer.from(chunk));
    expect(Buffer.from(unpackFile(Buffer.concat([SIGNATURE, chunk]), 'x'))).toEqual(Buffer.from(chunk));
    expect(Buffer.from(packFile(chunk))).toEqual(Buffer.from(packed));
    expect(() => unpackFile(gzipSync(Buffer.from('not pagefind')), 'bad.pf_index')).toThrow(/bad\.pf_index/);
  });
});

describe('names', () => {
  it("hashes as Pagefind's full_hash does: SHA-1 in hex, no leading zero per byte", () => {
    // SHA-1 of "abc" is a9993e36 4706816a …: its byte 06 is written "6".
    expect(pagefindHash(new TextEncoder().encode('abc'))).toBe('a9993e36476816aba3e25717850c26c9cd0d89d');
  });

  it('names a chunk by 7 characters of its hash, one more on a collision, and a meta file by 10', () => {
    const abc = new TextEncoder().encode('abc');
    expect(chunkName('en', abc, new Set())).toBe('en_a9993e3');
    expect(chunkName('en', abc, new Set(['en_a9993e3']))).toBe('en_a9993e36');
    expect(metaName('en', abc)).toBe('en_a9993e3647');
  });
});

describe('readMetaChunks / replaceMetaChunks', () => {
  it('reads and replaces the chunk list, leaving the rest of the meta file as it was', () => {
    const meta = encode(['1.6.0', [['en_1a2b3c4', 120]], [['a', 'm', 'en_1'], ['n', 'zebra', 'en_2']], [['topic', 'en_f']], [['order', [0]]], [['title']]]);
    expect(readMetaChunks(meta)).toEqual([
      { from: 'a', to: 'm', hash: 'en_1' },
      { from: 'n', to: 'zebra', hash: 'en_2' },
    ]);
    const replaced = replaceMetaChunks(meta, [{ from: 'a', to: 'zebra', hash: 'en_3' }]);
    expect(decode(replaced)).toEqual(['1.6.0', [['en_1a2b3c4', 120]], [['a', 'zebra', 'en_3']], [['topic', 'en_f']], [['order', [0]]], [['title']]]);
    expect(Buffer.from(replaceMetaChunks(replaced, readMetaChunks(meta)))).toEqual(Buffer.from(meta));
  });
});
