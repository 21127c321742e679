/**
 * Makes sharded search match what one index would. Pagefind extends each query word to the indexed words that start
 * with it and, where an index holds none, falls back to the longest indexed word that is a prefix of it (or, for a
 * word with neither, leaves the word out of the query). A shard missing a rare word that another shard holds thus
 * added loose matches (`subconstraint` found `sub…` pages in the two shards without it). After the shards are built,
 * this rewrites every shard's word index to hold the words of all shards, a word it has no page for with an empty page
 * list, cut into the chunks one index of all the pages would have: each shard then loads the same range of words for
 * a query word and picks the same words, so the merged results are the pages one index would match (the scores
 * still come from each shard's own statistics). Each shard's pages, positions and files other than its word index and
 * meta file are untouched; the rewritten files are named by their content's hash, as Pagefind names them.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  chunkName,
  emptyWordEntry,
  metaName,
  packFile,
  readIndexWords,
  readMetaChunks,
  replaceMetaChunks,
  unpackFile,
  writeIndexChunk,
  type IndexWord,
  type MetaChunk,
} from './pagefind-format.ts';
import { chunkRanges, chunkWords, unionWords } from './shard-chunks.ts';

/** What sharing the vocabulary did. */
export interface SharedVocabulary {
  /** Words of all shards together, which every shard now holds. */
  words: number;
  /** Index chunks per shard. */
  chunks: number;
  /** Per shard, the words it holds without a page (those only other shards have pages for). */
  empty: number[];
}

/** A bundle's word index as read: its language, meta file, chunks and words. */
interface BundleIndex {
  dir: string;
  entry: { languages: Record<string, { hash: string }> };
  language: string;
  metaFile: string;
  meta: Uint8Array;
  chunkFiles: string[];
  words: Map<string, IndexWord>;
}

async function readBundle(dir: string): Promise<BundleIndex> {
  const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as BundleIndex['entry'];
  const languages = Object.keys(entry.languages);
  const language = languages[0];
  if (languages.length !== 1 || language === undefined) throw new Error(`${dir}: expected one language in pagefind-entry.json, found ${languages.length}`);
  const metaFile = `pagefind.${entry.languages[language]?.hash ?? ''}.pf_meta`;
  const meta = unpackFile(await readFile(path.join(dir, metaFile)), metaFile);
  const words = new Map<string, IndexWord>();
  const chunkFiles: string[] = [];
  for (const chunk of readMetaChunks(meta)) {
    const file = path.join('index', `${chunk.hash}.pf_index`);
    chunkFiles.push(file);
    for (const word of readIndexWords(unpackFile(await readFile(path.join(dir, file)), file))) words.set(word.word, word);
  }
  return { dir, entry, language, metaFile, meta, chunkFiles, words };
}

/**
 * Rewrites the word index of each Pagefind bundle in `dirs` (the primary and its shards, each with one language) so
 * that all hold the same words in the same chunks: the chunks one index of all their pages would have, cut at
 * `chunkSize` (Pagefind's `index_chunk_size`).
 */
export async function shareVocabulary(dirs: readonly string[], chunkSize: number): Promise<SharedVocabulary> {
  const bundles: BundleIndex[] = [];
  for (const dir of dirs) bundles.push(await readBundle(dir));
  const chunks = chunkWords(unionWords(bundles.map((b) => [...b.words.values()])), chunkSize);
  const ranges = chunkRanges(chunks);
  const empty: number[] = [];
  for (const bundle of bundles) {
    const { dir, language, words } = bundle;
    const written = new Set<string>();
    const listed: MetaChunk[] = [];
    let missing = 0;
    for (const [i, chunk] of chunks.entries()) {
      const entries = chunk.map((word) => {
        const own = words.get(word);
        if (own) return own.entry;
        missing += 1;
        return emptyWordEntry(word);
      });
      const cbor = writeIndexChunk(entries);
      const hash = chunkName(language, cbor, written);
      written.add(hash);
      await writeFile(path.join(dir, 'index', `${hash}.pf_index`), packFile(cbor));
      const range = ranges[i] ?? { from: '', to: '' };
      listed.push({ ...range, hash });
    }
    const meta = replaceMetaChunks(bundle.meta, listed);
    const metaHash = metaName(language, meta);
    const metaFile = `pagefind.${metaHash}.pf_meta`;
    await writeFile(path.join(dir, metaFile), packFile(meta));
    bundle.entry.languages[language] = { ...bundle.entry.languages[language], hash: metaHash };
    await writeFile(path.join(dir, 'pagefind-entry.json'), JSON.stringify(bundle.entry));
    for (const file of bundle.chunkFiles) if (!written.has(path.basename(file, '.pf_index'))) await rm(path.join(dir, file));
    if (bundle.metaFile !== metaFile) await rm(path.join(dir, bundle.metaFile));
    empty.push(missing);
  }
  return { words: chunks.reduce((n, c) => n + c.length, 0), chunks: chunks.length, empty };
}
