/**
 * Slugs, stable hashes and paper ids. Pure: no Node APIs (BigInt only).
 *
 * A paper's id and slug depend only on its own normalized key, never on which other papers
 * exist, so they stay put when digests are added or removed. `level` > 0 is the deterministic
 * fallback the merge uses only when two distinct keys collide.
 */

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** Default length of a paper slug before any hash suffix. */
export const SLUG_MAX_LENGTH = 80;
/** Hex length of a paper id at level 0; every fallback level adds 4. */
export const ID_HEX_LENGTH = 10;
/** Hex length of a slug's hash suffix at level 0; every fallback level adds 4. */
export const SLUG_HASH_LENGTH = 6;

/** FNV-1a 64 over the string's UTF-16 code units (low byte, then high byte), from the offset basis xor seed. */
function fnv1a64(s: string, seed: bigint): bigint {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    h = ((h ^ BigInt(unit & 0xff)) * FNV_PRIME) & MASK64;
    h = ((h ^ BigInt(unit >> 8)) * FNV_PRIME) & MASK64;
  }
  return h;
}

/** MurmurHash3's 64-bit finaliser: spreads every input bit over every output bit. */
function fmix64(input: bigint): bigint {
  let h = input;
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & MASK64;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & MASK64;
  h ^= h >> 33n;
  return h;
}

/** Stable lowercase-hex hash of a string (FNV-1a 64 over UTF-16 code units + fmix64, 16 hex per block), `hexLength` chars. */
export function hashString(s: string, hexLength = 16): string {
  if (!Number.isInteger(hexLength) || hexLength < 1) throw new RangeError(`hexLength must be a positive integer, got ${hexLength}`);
  let out = '';
  for (let block = 0n; out.length < hexLength; block++) {
    const h = fmix64(fnv1a64(s, (block * GOLDEN) & MASK64));
    out += h.toString(16).padStart(16, '0');
  }
  return out.slice(0, hexLength);
}

const ASCII_FOLD: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ȷ: 'j',
};

/** ASCII-fold text into `a-z0-9` words joined by `-` (diacritics stripped via NFKD), no length limit. */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıȷ]/g, (ch) => ASCII_FOLD[ch] ?? ch)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cut a slug to at most `maxLength` chars, at a `-` word boundary when there is one. */
function cutAtWord(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const head = slug.slice(0, maxLength + 1);
  const boundary = head.lastIndexOf('-');
  const cut = boundary > 0 ? head.slice(0, boundary) : slug.slice(0, maxLength);
  return cut.replace(/-+$/, '');
}

/** URL slug of any text: ASCII-folded lower-case words joined by `-`, cut at a word boundary to ≤ maxLength. */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  return cutAtWord(asciiSlug(text), Math.max(1, maxLength));
}

/**
 * Paper slug from its normalized key: the readable slug of the key, plus `-` and a hash of the key
 * when the slug lost information (cut, or characters that do not survive ASCII folding) or `level` > 0.
 */
export function paperSlug(key: string, level = 0): string {
  const full = asciiSlug(key);
  const base = cutAtWord(full, SLUG_MAX_LENGTH);
  const lossless = base !== '' && base === full && full.replace(/-/g, ' ') === key;
  if (lossless && level === 0) return base;
  const suffix = hashString(key, SLUG_HASH_LENGTH + 4 * level);
  return `${base === '' ? 'paper' : base}-${suffix}`;
}

/** Paper id from its normalized key: `10 + 4 × level` hex chars of `hashString(key)`. */
export function paperId(key: string, level = 0): string {
  return hashString(key, ID_HEX_LENGTH + 4 * level);
}
