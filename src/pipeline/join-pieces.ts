/**
 * Joining the pieces of a similarity graph that falls apart. Louvain never puts papers of two disconnected
 * parts of the kNN graph in one community, whatever the resolution, so a corpus whose graph splits into many small
 * components (groups of near-copies that are each other's only neighbours) gets far more topics than its size
 * calls for. This joins groups by the similarity of their centroids in the dense (LSA) space, smallest group first,
 * until the count is within bounds.
 */
import type { DenseVectors } from './semantic';

/** Sum of the rows of a group's papers (the centroid's direction; its norm is taken when comparing). */
function rowSum(group: readonly number[], dense: DenseVectors, rowOf: (member: number) => number): Float64Array {
  const sum = new Float64Array(dense.width);
  for (const member of group) {
    const offset = rowOf(member) * dense.width;
    for (let j = 0; j < dense.width; j += 1) sum[j] = (sum[j] ?? 0) + (dense.data[offset + j] ?? 0);
  }
  return sum;
}

/** Euclidean norm of a vector (1 for the zero vector, so that its cosines are 0). */
function norm(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return s > 0 ? Math.sqrt(s) : 1;
}

/**
 * Joins groups of members (papers; `rowOf` gives a member's row of `dense`, by default the member itself) until at most `most` remain: the smallest group (ties: lowest
 * first member) joins the group whose centroid is most similar by cosine among those it fits in with (combined size
 * ≤ maxSize), or the most similar of all when it fits nowhere. Deterministic; groups come back with members ascending,
 * largest first (ties: lowest first member). Returns the groups unchanged when there are at most `most`.
 */
export function joinByCentroid(
  groups: readonly (readonly number[])[],
  dense: DenseVectors,
  most: number,
  maxSize: number,
  rowOf: (member: number) => number = (member) => member,
): number[][] {
  const members = groups.map((g) => [...g]);
  if (members.length <= Math.max(1, most)) return members;
  const sums = members.map((g) => rowSum(g, dense, rowOf));
  const norms = sums.map(norm);
  const alive = members.map(() => true);
  let living = members.length;
  const firsts = members.map((g) => g.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY));
  while (living > Math.max(1, most)) {
    let small = -1;
    members.forEach((g, i) => {
      if (!alive[i]) return;
      const current = members[small];
      if (!current || g.length < current.length || (g.length === current.length && (firsts[i] as number) < (firsts[small] as number))) small = i;
    });
    const source = members[small] as number[];
    const s = sums[small] as Float64Array;
    let best = -1;
    let bestFits = false;
    let bestCos = Number.NEGATIVE_INFINITY;
    members.forEach((g, i) => {
      if (!alive[i] || i === small) return;
      const t = sums[i] as Float64Array;
      let dot = 0;
      for (let j = 0; j < s.length; j += 1) dot += (s[j] ?? 0) * (t[j] ?? 0);
      const cos = dot / ((norms[small] ?? 1) * (norms[i] ?? 1));
      const fits = g.length + source.length <= maxSize;
      if ((fits && !bestFits) || (fits === bestFits && cos > bestCos)) {
        best = i;
        bestFits = fits;
        bestCos = cos;
      }
    });
    const into = members[best] as number[];
    into.push(...source);
    const t = sums[best] as Float64Array;
    for (let j = 0; j < t.length; j += 1) t[j] = (t[j] ?? 0) + (s[j] ?? 0);
    norms[best] = norm(t);
    firsts[best] = Math.min(firsts[best] as number, firsts[small] as number);
    members[small] = [];
    alive[small] = false;
    living -= 1;
  }
  return members
    .filter((_, i) => alive[i])
    .map((g) => g.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}
