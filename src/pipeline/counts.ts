/** Small helpers of the term extraction's counting: count maps and the code-unit order every ranking breaks ties by. */

/** Adds `by` to a count map entry. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Adds `by` (default 1) to `value`'s count in the count map of `key` (made when missing). */
export function bumpIn(maps: Map<string, Map<string, number>>, key: string, value: string, by = 1): void {
  let counts = maps.get(key);
  if (counts === undefined) {
    counts = new Map();
    maps.set(key, counts);
  }
  bump(counts, value, by);
}

