/**
 * Seeding the paper map from the previous build, so that a new digest does not throw the map around: every topic
 * disc whose papers had places before starts where those papers' discs were (the paper-weighted mean of the old disc
 * centres of its papers, so this works whether or not topic membership carried over), and the fresh MDS targets of
 * the other discs are turned, scaled and moved onto that old frame (a weighted Procrustes fit over the seeded discs).
 * The previous places are per topic: `{ topic id: [x, y] }`, kept in the topic state. Pure and deterministic.
 */

/** The previous build's topics as the seeding needs them: ids and paper ids. */
export interface SeedTopic {
  id: string;
  papers: readonly string[];
}

/** Where each disc was: per disc the mean old place of its papers and how many papers had one (0: a new disc). */
export function previousPlaces(
  groups: readonly (readonly string[])[],
  topics: readonly SeedTopic[],
  places: Readonly<Record<string, readonly [number, number]>>,
): { x: number; y: number; papers: number }[] {
  const before = new Map<string, readonly [number, number]>();
  for (const t of topics) {
    const place = places[t.id];
    if (place) for (const p of t.papers) before.set(p, place);
  }
  return groups.map((papers) => {
    let [x, y, n] = [0, 0, 0];
    let only: readonly [number, number] | undefined;
    let one = true;
    for (const p of papers) {
      const place = before.get(p);
      if (!place) continue;
      x += place[0];
      y += place[1];
      n += 1;
      only ??= place;
      one &&= place === only;
    }
    if (n === 0) return { x: 0, y: 0, papers: 0 };
    // Papers all from one old disc: exactly its place (a mean would round), so an unchanged map stays unchanged.
    return one && only ? { x: only[0], y: only[1], papers: n } : { x: x / n, y: y / n, papers: n };
  });
}

/** Whether a disc of `size` papers is seeded: at least half of its papers had a place. */
export function isSeeded(before: { papers: number } | undefined, size: number): boolean {
  return (before?.papers ?? 0) > 0 && (before?.papers ?? 0) * 2 >= size;
}

/**
 * The layout's targets seeded by the previous places: discs with at least half of their papers placed before go
 * where those papers were; the rest keep their targets mapped onto the old frame by the similarity transform
 * (rotation or reflection, scale, shift) that best fits the seeded discs' targets onto their old places, weighted by
 * their placed papers. Fewer than three seeded discs: the targets as given. Works on [x0, y0, x1, y1, …].
 */
export function seedTargets(targets: Float64Array, sizes: readonly number[], before: readonly { x: number; y: number; papers: number }[]): Float64Array {
  const k = sizes.length;
  const seeded = Array.from({ length: k }, (_, i) => isSeeded(before[i], sizes[i] ?? 0));
  const idx = seeded.flatMap((s, i) => (s ? [i] : []));
  if (idx.length < 3) return Float64Array.from(targets);
  const w = idx.map((i) => before[i]?.papers ?? 0);
  const total = w.reduce((s, v) => s + v, 0);
  const mean = (f: (i: number) => number) => idx.reduce((s, i, j) => s + (w[j] as number) * f(i), 0) / total;
  const [ax, ay] = [mean((i) => targets[2 * i] as number), mean((i) => targets[2 * i + 1] as number)];
  const [bx, by] = [mean((i) => before[i]?.x ?? 0), mean((i) => before[i]?.y ?? 0)];
  // Rotation (and scale) fit with and without mirroring the targets' y; keep the better.
  const fit = (mirror: number) => {
    let [dot, cross, norm] = [0, 0, 0];
    idx.forEach((i, j) => {
      const u = (targets[2 * i] as number) - ax;
      const v = mirror * ((targets[2 * i + 1] as number) - ay);
      const p = (before[i]?.x ?? 0) - bx;
      const q = (before[i]?.y ?? 0) - by;
      dot += (w[j] as number) * (u * p + v * q);
      cross += (w[j] as number) * (u * q - v * p);
      norm += (w[j] as number) * (u * u + v * v);
    });
    const strength = Math.hypot(dot, cross);
    return { mirror, strength, cos: strength > 0 ? dot / strength : 1, sin: strength > 0 ? cross / strength : 0, scale: norm > 0 ? strength / norm : 1 };
  };
  const plain = fit(1);
  const mirrored = fit(-1);
  const best = mirrored.strength > plain.strength ? mirrored : plain;
  const out = new Float64Array(2 * k);
  for (let i = 0; i < k; i += 1) {
    if (seeded[i]) {
      out[2 * i] = before[i]?.x ?? 0;
      out[2 * i + 1] = before[i]?.y ?? 0;
      continue;
    }
    const u = (targets[2 * i] as number) - ax;
    const v = best.mirror * ((targets[2 * i + 1] as number) - ay);
    out[2 * i] = bx + best.scale * (best.cos * u - best.sin * v);
    out[2 * i + 1] = by + best.scale * (best.sin * u + best.cos * v);
  }
  return out;
}
