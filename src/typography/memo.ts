/** A string-to-string memo for the public functions, for short texts (titles), cleared when full. */

/** Entries kept: more than the titles of a 75,000-paper site, so that a large site's lists do not parse them again. */
const MEMO_MAX = 200_000;
/** Longer texts (abstracts) are not kept: each is rendered on its paper page once, and keeping them cost heap. */
const MEMO_MAX_LENGTH = 600;

/**
 * fn with a memo: a build renders the same title on many pages (a paper is listed on the pages of its terms,
 * topic and digests), and parsing is the costly part. Abstracts stay out, so they cannot fill the memo up and
 * clear the titles from it.
 */
export function memoized(fn: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (text.length > MEMO_MAX_LENGTH) return fn(text);
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= MEMO_MAX) memo.clear();
      out = fn(text);
      memo.set(text, out);
    }
    return out;
  };
}
