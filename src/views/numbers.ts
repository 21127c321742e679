/** Numbers as the pages write them: counts with thousands separators (8,154), in English whatever the build's locale. */

/** A count with thousands separators: 8154 → "8,154". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count and its noun, singular for one: (1, 'topic') → "1 topic", (8154, 'paper') → "8,154 papers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
