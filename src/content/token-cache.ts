/**
 * The token cache: tokenized titles and abstracts kept in a file in Astro's cache folder, so a rebuild
 * tokenizes only the texts it has not seen. Tokens depend on the text alone (`tokenize` in
 * `pipeline/tokenize.ts` reads every text as if it were the first), so cached tokens are exactly the tokens
 * tokenizing would give; the file is tied to the pipeline's source hash and ignored when it changed.
 *
 * The file holds the texts of the last build only (entries are keyed by a hash of the text, in the
 * compact form of `encodeTokens`), so it does not grow with texts that were removed.
 */
import { sha1 } from '../lib/sha1';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeTokens, encodeTokens, type EncodedTokens } from '../pipeline/token-codec';
import type { NlpToken } from '../pipeline/tokenize';
import type { TokenMemo } from '../pipeline/paper-pass';
import { writeAtomic } from './atomic-write';

/** Name of the cache file inside Astro's cache folder. */
export const TOKEN_CACHE_NAME = 'paper-explorer-tokens.json';

/** Version of the file layout (the token encoding itself is covered by the pipeline hash). */
const FORMAT = 1;

/** The file's content. */
interface TokenCacheFile {
  format: number;
  /** Source hash of the pipeline that wrote the file. */
  pipeline: string;
  /** Encoded tokens by text key (see {@link textKey}). */
  entries: Record<string, EncodedTokens>;
}

/** The key of a text: its SHA-1, base64url (27 characters). */
export function textKey(text: string): string {
  return sha1(text, 'base64url');
}

/** A {@link TokenMemo} backed by the cache file's entries, remembering which texts this build used. */
export class TokenCache implements TokenMemo {
  /** Texts found in the cache. */
  hits = 0;
  /** Texts tokenized (not in the cache, or an entry that does not decode). */
  misses = 0;
  /** Entries of the texts used by this build: what {@link saveTokenCache} writes. */
  private readonly used = new Map<string, EncodedTokens>();

  constructor(
    private readonly stored: Record<string, unknown> = Object.create(null) as Record<string, unknown>,
    /** Number of entries read from the file. */
    readonly loaded = 0,
  ) {}

  get(text: string): NlpToken[] | undefined {
    const key = textKey(text);
    const encoded = this.entry(text, key);
    const tokens = encoded === undefined ? undefined : decodeTokens(text, encoded);
    if (tokens === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.used.set(key, encoded as EncodedTokens);
    return tokens;
  }

  set(text: string, tokens: readonly NlpToken[]): void {
    const encoded = encodeTokens(text, tokens);
    if (encoded !== undefined) this.used.set(textKey(text), encoded);
  }

  /**
   * The stored entry of a text, not decoded (for a worker process to decode: it may still fail to, see
   * {@link record}), or undefined when there is none.
   */
  entry(text: string, key = textKey(text)): unknown {
    return Object.hasOwn(this.stored, key) ? this.stored[key] : undefined;
  }

  /**
   * Records what became of a text handled on another thread: `'stored'` when its stored {@link entry} gave
   * its tokens, else its tokens as just tokenized there, in the form {@link encodeTokens} gives (null when
   * that form cannot hold them: nothing is kept).
   */
  record(text: string, outcome: EncodedTokens | null | 'stored'): void {
    const key = textKey(text);
    if (outcome === 'stored') {
      this.hits += 1;
      this.used.set(key, this.stored[key] as EncodedTokens);
      return;
    }
    this.misses += 1;
    if (outcome !== null) this.used.set(key, outcome);
  }

  /** True when the file should be rewritten: a text was tokenized, or a stored one was not used. */
  get changed(): boolean {
    return this.misses > 0 || this.used.size !== this.loaded;
  }

  /** The entries to save. */
  entries(): Record<string, EncodedTokens> {
    return Object.fromEntries(this.used);
  }
}

/** Path of the cache file in Astro's cache folder. */
export function tokenCachePath(cacheDir: string): string {
  return path.join(cacheDir, TOKEN_CACHE_NAME);
}

/**
 * Reads the cache file. A missing, unreadable or malformed file, or one written by another version of
 * the pipeline, gives an empty cache.
 */
export async function loadTokenCache(file: string, pipeline: string): Promise<TokenCache> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new TokenCache();
  }
  try {
    const data = JSON.parse(text) as Partial<TokenCacheFile> | null;
    if (data?.format !== FORMAT || data.pipeline !== pipeline || typeof data.entries !== 'object' || data.entries === null) {
      return new TokenCache();
    }
    return new TokenCache(data.entries as Record<string, unknown>, Object.keys(data.entries).length);
  } catch {
    return new TokenCache();
  }
}

/** Writes the entries this build used, atomically (a temporary file renamed over the old one). */
export async function saveTokenCache(file: string, pipeline: string, cache: TokenCache): Promise<void> {
  const data: TokenCacheFile = { format: FORMAT, pipeline, entries: cache.entries() };
  await writeAtomic(file, JSON.stringify(data));
}
