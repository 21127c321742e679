/**
 * Areas: the broad level above topics. The topics are grouped into about 8–20 areas whatever the corpus size by
 * Ward's agglomeration of their centroids (the mean of their papers' vectors), with a cap on an area's share of
 * the papers (2.5 / areas, at most a quarter) so that areas of generic topics cannot swallow the rest. Each area is labelled
 * by class-based TF-IDF over its papers weighted by focus, like a topic, preferring terms its own topics' labels do
 * not use and terms that few other areas rank high. Pure
 * and deterministic: ties go to the lower index, and nothing depends on iteration order of a hash map.
 */
import { slugify } from './slug';
import { classTfIdf, LABEL_SEPARATOR, termFocus, topicLabels, type ClassTerm, type TermLabelInfo } from './topic-labels';
import { uniqueSlugs } from './topics';
import { dot, sparseVector, type SparseVector } from './vectors';
import type { WeightedTerm } from './types';

/** An area of the corpus: a group of topics. */
export interface Area {
  /** Provisional id (`a01`, … by size, largest first) until {@link assignAreaIds} persists it. */
  id: string;
  slug: string;
  /** 2–3 distinct key terms joined by " · ". */
  label: string;
  /** Ids of its topics, largest first (ties by id). */
  topics: string[];
  /** Number of papers in its topics. */
  size: number;
  /** Top terms with c-TF-IDF weights over areas, best first. */
  terms: WeightedTerm[];
  /** Its most central papers (cosine to the area's centroid), best first. */
  central: string[];
  /** Ids of the nearest areas (centroid cosine), nearest first. */
  nearest: string[];
}

/** A topic as {@link buildAreas} needs it. */
export interface AreaTopic {
  id: string;
  label: string;
  /** Paper ids. */
  papers: readonly string[];
}

/** Input of {@link buildAreas}. */
export interface AreasInput {
  topics: readonly AreaTopic[];
  /** Paper ids by paper index (the numbering of `vectors` and `paperTermIds`). */
  paperIds: readonly string[];
  /** Each paper's vector (L2-normalised), by paper index. */
  vectors: readonly SparseVector[];
  /** Term ids of each paper, by paper index. */
  paperTermIds: readonly (readonly string[])[];
  /** Display information of the terms. */
  terms: readonly TermLabelInfo[];
}

/** Options of {@link buildAreas}. */
export interface AreasOptions {
  /** Number of areas wanted (default {@link areaCount} of the topic count). */
  count?: number;
  /**
   * Most papers an area may hold as a share of all (default 2.5 / count, at most 0.25: at 20 areas 12.5 %; never
   * below the largest topic). Without it, a few areas of generic topics grow to hold most papers at large sizes.
   */
  maxShare?: number;
  /**
   * A grouping to keep instead of grouping afresh (`area-keep.ts`): topic ids per area. Topics in none of them join
   * the area whose centroid is most similar to theirs.
   */
  keep?: readonly (readonly string[])[];
  /** Central papers kept per area (default 20). */
  central?: number;
  /** Nearest areas kept per area (default 4). */
  nearest?: number;
  /** Weighted terms kept per area (default 10). */
  topTerms?: number;
}

/** The result of {@link buildAreas}. */
export interface AreasResult {
  /** Areas, largest first (ties by their first topic's id). */
  areas: Area[];
  /** Full c-TF-IDF ranking of every area, in `areas` order (for its term map). */
  rankings: ClassTerm[][];
  /** Paper indices of every area, in `areas` order. */
  papers: number[][];
}

/** Most papers an area of a fresh grouping may hold, as a share of all: 2.5 / count, at most a quarter. */
export function areaShareCap(count: number): number {
  return Math.min(0.25, 2.5 / count);
}

/** How many areas for `topics` topics: 1.5·√topics, at least 8 and at most 20, and never more than the topics. */
export function areaCount(topics: number): number {
  return Math.min(topics, Math.max(8, Math.min(20, Math.round(1.5 * Math.sqrt(topics)))));
}

/** The sum of the given topics' vector sums (feature → value). */
function summed(topicIndices: readonly number[], sums: readonly Map<number, number>[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const t of topicIndices) for (const [f, v] of sums[t] ?? []) sum.set(f, (sum.get(f) ?? 0) + v);
  return sum;
}

/**
 * A kept grouping as topic indices (topics numbered as `ids`): the kept groups' topics that still exist, and every
 * other topic in the group whose centroid is most similar to its own (ties: the earlier group), in index order.
 */
function keptGroups(keep: readonly (readonly string[])[], ids: readonly string[], sums: readonly Map<number, number>[]): number[][] {
  const index = new Map(ids.map((id, t) => [id, t]));
  const groups = keep.map((g) => g.flatMap((id) => (index.has(id) ? [index.get(id) as number] : []))).filter((g) => g.length > 0);
  const placed = new Set(groups.flat());
  const centroids = groups.map((g) => sparseVector(summed(g, sums)));
  ids.forEach((_, t) => {
    if (placed.has(t) || groups.length === 0) return;
    const own = sparseVector(sums[t] ?? []);
    let best = 0;
    let bestScore = -Infinity;
    centroids.forEach((centroid, g) => {
      const score = dot(own, centroid);
      if (score > bestScore) [best, bestScore] = [g, score];
    });
    groups[best]?.push(t);
  });
  return groups.length > 0 ? groups.map((g) => [...g].sort((a, b) => a - b)) : [ids.map((_, t) => t)];
}

/** The unnormalised sum of the papers' vectors of every group (feature → value). */
export function vectorSums(groups: readonly (readonly number[])[], vectors: readonly SparseVector[]): Map<number, number>[] {
  return groups.map((group) => {
    const sum = new Map<number, number>();
    for (const p of group) {
      const v = vectors[p];
      if (!v) continue;
      v.indices.forEach((f, k) => sum.set(f, (sum.get(f) ?? 0) + (v.values[k] as number)));
    }
    return sum;
  });
}

/**
 * Ward's merge cost of every pair of groups (`k`·`k`, row-major): 2·|A|·|B| / (|A| + |B|) · ‖mean A − mean B‖², the
 * squared Ward distance, from each group's size and vector sum.
 */
export function wardDistances(sums: readonly Map<number, number>[], sizes: readonly number[]): Float64Array {
  const vectors = sums.map((sum) => sparseVector(sum, false));
  const k = sums.length;
  const self = vectors.map((v) => dot(v, v));
  const distance = new Float64Array(k * k);
  // Row a's vector spread out, so each of its k dot products reads b's entries only: the k² products were most
  // of the areas stage with hundreds of topics. b's entries come in feature order, as in `dot`, and a product
  // with a missing feature adds +0 (the sums are finite), so every dot product is the same number to the bit.
  let width = 0;
  for (const v of vectors) width = Math.max(width, (v.indices[v.indices.length - 1] ?? -1) + 1);
  const row = new Float64Array(width);
  for (let a = 0; a < k; a += 1) {
    const va = vectors[a] as SparseVector;
    for (let i = 0; i < va.indices.length; i += 1) row[va.indices[i] as number] = va.values[i] as number;
    for (let b = a + 1; b < k; b += 1) {
      const vb = vectors[b] as SparseVector;
      let ab = 0;
      for (let j = 0; j < vb.indices.length; j += 1) ab += (row[vb.indices[j] as number] as number) * (vb.values[j] as number);
      const sa = sizes[a] || 1;
      const sb = sizes[b] || 1;
      const means = (self[a] as number) / (sa * sa) + (self[b] as number) / (sb * sb) - (2 * ab) / (sa * sb);
      const d = ((2 * sa * sb) / (sa + sb)) * Math.max(0, means);
      distance[a * k + b] = d;
      distance[b * k + a] = d;
    }
    for (let i = 0; i < va.indices.length; i += 1) row[va.indices[i] as number] = 0;
  }
  return distance;
}

/**
 * Groups `sizes.length` items into `target` groups by Ward's agglomeration on `distance` (squared Ward distances,
 * row-major, see {@link wardDistances}), updated by the Lance–Williams formula: the two groups whose merge costs
 * least merge while their joint size stays within `cap` (when no pair fits, the cheapest pair merges anyway).
 * Ward's criterion grows the areas evenly, so small outlying topics join an area rather than stand alone. Ties go
 * to the lower indices. Returns the groups as item indices, ascending, in order of their smallest item.
 */
export function wardGroups(distance: Float64Array, sizes: readonly number[], target: number, cap = Number.POSITIVE_INFINITY): number[][] {
  const k = sizes.length;
  const d = Float64Array.from(distance);
  const members: (number[] | null)[] = sizes.map((_, i) => [i]);
  const size = [...sizes];
  let live = k;
  while (live > Math.max(1, target)) {
    let best: [number, number] | null = null;
    let bestFit: [number, number] | null = null;
    for (let a = 0; a < k; a += 1) {
      if (members[a] === null) continue;
      for (let b = a + 1; b < k; b += 1) {
        if (members[b] === null) continue;
        const cost = d[a * k + b] as number;
        if (best === null || cost < (d[best[0] * k + best[1]] as number)) best = [a, b];
        if ((size[a] as number) + (size[b] as number) <= cap && (bestFit === null || cost < (d[bestFit[0] * k + bestFit[1]] as number))) bestFit = [a, b];
      }
    }
    const [a, b] = bestFit ?? best ?? [0, 0];
    if (a === b) break;
    const sa = size[a] as number;
    const sb = size[b] as number;
    const dab = d[a * k + b] as number;
    for (let c = 0; c < k; c += 1) {
      if (c === a || c === b || members[c] === null) continue;
      const sc = size[c] as number;
      const merged = ((sa + sc) * (d[a * k + c] as number) + (sb + sc) * (d[b * k + c] as number) - sc * dab) / (sa + sb + sc || 1);
      d[a * k + c] = merged;
      d[c * k + a] = merged;
    }
    members[a] = [...(members[a] ?? []), ...(members[b] ?? [])].sort((x, y) => x - y);
    members[b] = null;
    size[a] = sa + sb;
    live -= 1;
  }
  return members.filter((m): m is number[] => m !== null);
}

/** Rounds a weight to 4 significant digits for stable, compact JSON. */
const roundWeight = (w: number): number => Number(w.toPrecision(4));

/** Code-unit string comparison. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Groups the topics into areas and describes each: label, topics, top terms, central papers, nearest areas. */
export function buildAreas(input: AreasInput, options: AreasOptions = {}): AreasResult {
  const { topics, paperIds, vectors, paperTermIds } = input;
  if (topics.length === 0) return { areas: [], rankings: [], papers: [] };
  const index = new Map(paperIds.map((id, i) => [id, i]));
  // Topics in id order, so the grouping does not depend on the order given.
  const order = topics.map((_, i) => i).sort((a, b) => cmp(topics[a]?.id ?? '', topics[b]?.id ?? '') || a - b);
  const topicPapers = order.map((t) => (topics[t]?.papers ?? []).flatMap((id) => (index.has(id) ? [index.get(id) as number] : [])));
  const sizes = topicPapers.map((p) => p.length);
  const total = sizes.reduce((s, n) => s + n, 0);
  const sums = vectorSums(topicPapers, vectors);
  const count = options.count ?? areaCount(topics.length);
  const cap = Math.max(Math.max(...sizes), Math.ceil((options.maxShare ?? areaShareCap(count)) * total));
  const grouping = options.keep === undefined ? wardGroups(wardDistances(sums, sizes), sizes, count, cap) : keptGroups(options.keep, order.map((t) => topics[t]?.id ?? ''), sums);
  const groups = grouping
    .map((g) => ({ topics: g, size: g.reduce((s, t) => s + (sizes[t] as number), 0) }))
    .sort((x, y) => y.size - x.size || (x.topics[0] as number) - (y.topics[0] as number));

  const areaPapers = groups.map((g) => g.topics.flatMap((t) => topicPapers[t] ?? []));
  // Terms in the labels of an area's own topics weigh half, so an area is not named after one of its topics.
  const labelIds = new Map(input.terms.map((t) => [t.label, t.id]));
  // A term among the ten strongest of several areas (`large language model`) tells them apart poorly: its weight is
  // divided by the number of such areas.
  const raw = classTfIdf(areaPapers, paperTermIds);
  const spread = new Map<string, number>();
  for (const ranking of raw) for (const t of ranking.slice(0, 10)) spread.set(t.term, (spread.get(t.term) ?? 0) + 1);
  const rankings = raw.map((ranking, a) => {
    const own = new Set((groups[a]?.topics ?? []).flatMap((t) => (topics[order[t] as number]?.label ?? '').split(LABEL_SEPARATOR).map((part) => labelIds.get(part) ?? part)));
    return ranking
      .map((term) => ({ ...term, weight: term.weight / (own.has(term.term) ? 2 : 1) / (spread.get(term.term) ?? 1) }))
      .sort((x, y) => y.weight - x.weight || y.count - x.count || cmp(x.term, y.term));
  });
  // Weighted by focus² (the share of a term's papers that sit in the area), as topic labels are, so that an area is
  // named by terms that set it apart ("object detection · remote sensing"), not by ones every area uses ("deep learning").
  const focus = termFocus(areaPapers, paperTermIds);
  const labels = topicLabels(rankings, groups.map((g) => g.size), new Map(input.terms.map((t) => [t.id, t])), {}, focus);
  const slugs = uniqueSlugs(labels.map((l) => slugify(l.label, 60) || 'area'));

  // Area centroids (sums of their topics' sums), their cosines, and each paper's cosine to its area's centroid.
  const centroids = groups.map((g) => sparseVector(summed(g.topics, sums)));
  const ids = groups.map((_, a) => `a${String(a + 1).padStart(2, '0')}`);
  const areas = groups.map<Area>((g, a) => {
    const centroid = centroids[a] as SparseVector;
    const central = (areaPapers[a] ?? [])
      .map((p) => ({ p, score: vectors[p] ? dot(vectors[p], centroid) : 0 }))
      .sort((x, y) => y.score - x.score || cmp(paperIds[x.p] ?? '', paperIds[y.p] ?? ''))
      .slice(0, options.central ?? 20)
      .map(({ p }) => paperIds[p] ?? '');
    const nearest = centroids
      .map((other, b) => ({ b, score: b === a ? -Infinity : dot(centroid, other) }))
      .filter(({ b }) => b !== a)
      .sort((x, y) => y.score - x.score || x.b - y.b)
      .slice(0, options.nearest ?? 4)
      .map(({ b }) => ids[b] ?? '');
    const members = g.topics
      .map((t) => ({ id: topics[order[t] as number]?.id ?? '', size: sizes[t] as number }))
      .sort((x, y) => y.size - x.size || cmp(x.id, y.id));
    return {
      id: ids[a] ?? '',
      slug: slugs[a] ?? '',
      label: labels[a]?.label ?? '',
      topics: members.map((m) => m.id),
      size: g.size,
      terms: (rankings[a] ?? []).slice(0, options.topTerms ?? 10).map((t) => ({ term: t.term, weight: roundWeight(t.weight) })),
      central,
      nearest,
    };
  });
  return { areas, rankings, papers: areaPapers };
}
