/** A string-to-string memo for the public functions, cleared when full. */

const MEMO_MAX = 50_000;

/**
 * fn with a memo: a build renders the same title or abstract on many pages (a paper is listed on the pages of
 * its terms, topic and digests), and parsing is the costly part.
 */
export function memoized(fn: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= MEMO_MAX) memo.clear();
      out = fn(text);
      memo.set(text, out);
    }
    return out;
  };
}
