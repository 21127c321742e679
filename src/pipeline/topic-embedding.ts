/**
 * A stable 2-D embedding of a small weighted graph (the topics): shortest-path distances, then classical
 * multidimensional scaling. Unlike a force layout from arbitrary starting points, the result changes little when
 * the graph changes little, so topic discs keep their places as digests arrive. Deterministic: fixed start
 * vectors for the power iteration and a sign convention for each axis.
 */

/** An undirected edge with a length (shorter: more similar). */
export interface LengthEdge {
  a: number;
  b: number;
  length: number;
}

/**
 * All-pairs shortest-path lengths (Floyd–Warshall; k is the number of topics, a few hundred at most), as a
 * row-major k×k matrix. Pairs in different components get 1.5 × the longest finite distance (1 when there is none).
 */
export function graphDistances(k: number, edges: readonly LengthEdge[]): Float64Array {
  const d = new Float64Array(k * k).fill(Infinity);
  for (let i = 0; i < k; i += 1) d[i * k + i] = 0;
  for (const { a, b, length } of edges) {
    if (length < (d[a * k + b] as number)) {
      d[a * k + b] = length;
      d[b * k + a] = length;
    }
  }
  for (let m = 0; m < k; m += 1) {
    for (let i = 0; i < k; i += 1) {
      const im = d[i * k + m] as number;
      if (im === Infinity) continue;
      for (let j = 0; j < k; j += 1) {
        const via = im + (d[m * k + j] as number);
        if (via < (d[i * k + j] as number)) d[i * k + j] = via;
      }
    }
  }
  let longest = 0;
  for (const v of d) if (v !== Infinity && v > longest) longest = v;
  const far = longest > 0 ? 1.5 * longest : 1;
  for (let i = 0; i < d.length; i += 1) if (d[i] === Infinity) d[i] = far;
  return d;
}

/**
 * Classical MDS of a k×k distance matrix into 2-D: the top two eigenvectors of the double-centred squared
 * distances (power iteration with deflation), each scaled by the root of its eigenvalue and signed so that its
 * weighted third moment is positive (weights: e.g. topic sizes). Returns [x0, y0, x1, y1, …].
 */
export function classicalMds(distances: Float64Array, k: number, weights: readonly number[], iterations = 300): Float64Array {
  const b = new Float64Array(k * k);
  const rowMean = new Float64Array(k);
  let mean = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const sq = (distances[i * k + j] as number) ** 2;
      b[i * k + j] = sq;
      rowMean[i] = (rowMean[i] as number) + sq / k;
      mean += sq / (k * k);
    }
  }
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) b[i * k + j] = -0.5 * ((b[i * k + j] as number) - (rowMean[i] as number) - (rowMean[j] as number) + mean);
  }
  const out = new Float64Array(2 * k);
  const found: Float64Array[] = [];
  for (let axis = 0; axis < 2; axis += 1) {
    let v = Float64Array.from({ length: k }, (_, i) => Math.cos(1 + i * (axis + 1.618)));
    let lambda = 0;
    for (let it = 0; it < iterations; it += 1) {
      for (const u of found) {
        const p = dotArrays(v, u);
        for (let i = 0; i < k; i += 1) v[i] = (v[i] as number) - p * (u[i] as number);
      }
      const next = new Float64Array(k);
      for (let i = 0; i < k; i += 1) {
        let s = 0;
        for (let j = 0; j < k; j += 1) s += (b[i * k + j] as number) * (v[j] as number);
        next[i] = s;
      }
      const norm = Math.sqrt(dotArrays(next, next));
      if (norm === 0) break;
      lambda = dotArrays(next, v);
      v = next.map((x) => x / norm);
    }
    const skew = v.reduce((s, x, i) => s + (weights[i] ?? 1) * x * x * x, 0);
    if (skew < 0) v = v.map((x) => -x);
    found.push(v);
    const scale = Math.sqrt(Math.max(0, lambda));
    for (let i = 0; i < k; i += 1) out[2 * i + axis] = (v[i] as number) * scale;
  }
  return out;
}

function dotArrays(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** FNV-1a hash of a string to 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Turns (and mirrors) an embedding so that its orientation follows the keys (topic ids) rather than the
 * eigenvectors, which swing round when two eigenvalues are close: each point gets two fixed pseudo-random
 * numbers in [-1, 1] from its key; the sum of the weighted points times the first is turned to point along +x,
 * and the picture mirrored so that the sum with the second has y ≥ 0. A point that keeps its key and place keeps
 * pulling the same way, so the orientation changes little from build to build. Works on [x0, y0, x1, y1, …] in place.
 */
export function orientByKeys(xy: Float64Array, keys: readonly string[], weights: readonly number[]): Float64Array {
  const k = keys.length;
  const s = keys.map((key) => (hash32(key) / 0x80000000) - 1);
  const t = keys.map((key) => (hash32(`${key}\u0000y`) / 0x80000000) - 1);
  let ux = 0;
  let uy = 0;
  for (let i = 0; i < k; i += 1) {
    const w = (weights[i] ?? 1) * (s[i] as number);
    ux += w * (xy[2 * i] as number);
    uy += w * (xy[2 * i + 1] as number);
  }
  const angle = Math.atan2(uy, ux);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  let vy = 0;
  for (let i = 0; i < k; i += 1) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    xy[2 * i] = x * cos - y * sin;
    xy[2 * i + 1] = x * sin + y * cos;
    vy += (weights[i] ?? 1) * (t[i] as number) * (xy[2 * i + 1] as number);
  }
  if (vy < 0) for (let i = 0; i < k; i += 1) xy[2 * i + 1] = -(xy[2 * i + 1] as number);
  return xy;
}
