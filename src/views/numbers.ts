/** Numbers as the pages write them: counts with thousands separators (8,154), in English whatever the build's locale. */

/** A count with thousands separators: 8154 → "8,154". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count and its noun, singular for one: (1, 'topic') → "1 topic", (8154, 'paper') → "8,154 papers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** An area's size as its pages and lists write it: (8154, 56) → "8,154 papers in 56 topics". */
export function papersInTopics(papers: number, topics: number): string {
  return `${plural(papers, 'paper')} in ${plural(topics, 'topic')}`;
}
