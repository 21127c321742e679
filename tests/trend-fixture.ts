/** Builders of the small trend sources the trend tests share: four digests, eight papers first seen 2, 1, 2, 3 per digest. */
import type { TrendSource } from '../src/views/trends';

/** A digest entry with its display name. */
export const digest = (id: string, name: string) => ({ id, data: { name } });
/** A paper entry that appeared in the given digests. */
export const paper = (id: string, ...digests: string[]) => ({ id, data: { appearances: digests.map((digest) => ({ digest })) } });
/** A term or topic entry holding the given papers (slug = id, label = id in capitals). */
export const item = (id: string, papers: string[]) => ({ id, data: { slug: id, label: id.toUpperCase(), papers } });

/** The four digests and eight papers of the trend tests; papers first seen per digest: 2, 1, 2, 3. */
export function trendSource(rest: Pick<TrendSource, 'terms' | 'topics' | 'areas'>): TrendSource {
  return {
    digests: [digest('a', 'Mar 1'), digest('b', 'Mar 2'), digest('c', 'Mar 3'), digest('d', 'Mar 4')],
    papers: [paper('p1', 'a'), paper('p2', 'a', 'b'), paper('p3', 'b'), paper('p4', 'c', 'd'), paper('p5', 'd'), paper('p6', 'd'), paper('p7', 'c'), paper('p8', 'd')],
    ...rest,
  };
}
