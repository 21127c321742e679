/**
 * Seeded k-means (k-means++ start, Lloyd iterations) on dense row-major vectors: the clustering anchor of the
 * quality benchmark (LSA vectors, k = the site's topic count). Deterministic for a given seed.
 */
import { mulberry32 } from '../pipeline/random';

/** Options of {@link kmeans}. */
export interface KMeansOptions {
  seed?: number;
  /** Most Lloyd iterations (default 100); stops earlier when no point changes cluster. */
  iterations?: number;
}

/** Squared Euclidean distance between row a of `m` and row b of `c` (both `width` wide). */
function distance(m: Float64Array, a: number, c: Float64Array, b: number, width: number): number {
  let d = 0;
  for (let j = 0; j < width; j += 1) {
    const x = (m[a * width + j] as number) - (c[b * width + j] as number);
    d += x * x;
  }
  return d;
}

/** The cluster (0..k-1) of every row of a rows × width matrix. */
export function kmeans(m: Float64Array, rows: number, width: number, k: number, options: KMeansOptions = {}): Int32Array {
  const clusters = Math.max(1, Math.min(k, rows));
  const random = mulberry32(options.seed ?? 1);
  const centres = new Float64Array(clusters * width);
  // k-means++: each next centre drawn with probability proportional to the squared distance to the nearest one.
  const nearest = new Float64Array(rows).fill(Infinity);
  let pick = Math.floor(random() * rows);
  for (let c = 0; c < clusters; c += 1) {
    centres.set(m.subarray(pick * width, (pick + 1) * width), c * width);
    let total = 0;
    for (let r = 0; r < rows; r += 1) {
      const d = distance(m, r, centres, c, width);
      if (d < (nearest[r] as number)) nearest[r] = d;
      total += nearest[r] as number;
    }
    let target = random() * total;
    pick = rows - 1;
    for (let r = 0; r < rows; r += 1) {
      target -= nearest[r] as number;
      if (target < 0) {
        pick = r;
        break;
      }
    }
  }
  const assignment = new Int32Array(rows).fill(-1);
  for (let it = 0; it < (options.iterations ?? 100); it += 1) {
    let changed = 0;
    for (let r = 0; r < rows; r += 1) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < clusters; c += 1) {
        const d = distance(m, r, centres, c, width);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (assignment[r] !== best) {
        assignment[r] = best;
        changed += 1;
      }
    }
    if (changed === 0) break;
    centres.fill(0);
    const sizes = new Int32Array(clusters);
    for (let r = 0; r < rows; r += 1) {
      const c = assignment[r] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let j = 0; j < width; j += 1) centres[c * width + j] = (centres[c * width + j] as number) + (m[r * width + j] as number);
    }
    for (let c = 0; c < clusters; c += 1) {
      const size = sizes[c] as number;
      if (size > 0) for (let j = 0; j < width; j += 1) centres[c * width + j] = (centres[c * width + j] as number) / size;
    }
    for (let c = 0; c < clusters; c += 1) {
      if ((sizes[c] as number) > 0) continue;
      // An empty cluster restarts at the point farthest from its centre.
      let far = 0;
      let farD = -1;
      for (let r = 0; r < rows; r += 1) {
        const d = distance(m, r, centres, assignment[r] as number, width);
        if (d > farD) {
          farD = d;
          far = r;
        }
      }
      centres.set(m.subarray(far * width, (far + 1) * width), c * width);
      assignment[far] = c;
    }
  }
  return assignment;
}
