/**
 * Latent semantic analysis in typed arrays: a truncated SVD of a sparse document-feature matrix by the
 * randomized range finder of Halko, Martinsson & Tropp (seeded Gaussian test matrix, a few power iterations,
 * Gram-Schmidt re-orthonormalisation), giving each document a short dense vector in which papers that use
 * related but different words come close. Deterministic for a given seed.
 */
import { DEFAULT_SEED, mulberry32 } from './random';

/** A sparse matrix in compressed-row form: row r's entries are at [indptr[r], indptr[r + 1]). */
export interface CsrMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

/** Options of {@link truncatedSvd}. */
export interface SvdOptions {
  /** Extra random directions beyond the wanted rank (default 10). */
  oversample?: number;
  /** Power iterations (default 3): more sharpen the subspace for a slowly decaying spectrum. */
  iterations?: number;
  seed?: number;
}

/** A truncated SVD's document side: `embedding` (rows × rank, row-major) = U · Σ, and the singular values. */
export interface Svd {
  rank: number;
  embedding: Float64Array;
  values: Float64Array;
}

/** Standard normal numbers from a seeded generator (Box-Muller). */
function gaussian(count: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** X · M for a dense M (X.cols × width, row-major): X.rows × width, row-major. */
export function multiply(x: CsrMatrix, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(x.rows * width);
  for (let r = 0; r < x.rows; r += 1) {
    const base = r * width;
    for (let e = x.indptr[r] as number; e < (x.indptr[r + 1] as number); e += 1) {
      const v = x.data[e] as number;
      const from = (x.indices[e] as number) * width;
      for (let j = 0; j < width; j += 1) out[base + j] = (out[base + j] as number) + v * (m[from + j] as number);
    }
  }
  return out;
}

/** Xᵀ · M for a dense M (X.rows × width, row-major): X.cols × width, row-major. */
export function multiplyTransposed(x: CsrMatrix, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(x.cols * width);
  for (let r = 0; r < x.rows; r += 1) {
    const from = r * width;
    for (let e = x.indptr[r] as number; e < (x.indptr[r + 1] as number); e += 1) {
      const v = x.data[e] as number;
      const base = (x.indices[e] as number) * width;
      for (let j = 0; j < width; j += 1) out[base + j] = (out[base + j] as number) + v * (m[from + j] as number);
    }
  }
  return out;
}

/** Orthonormalises the columns of a rows × width row-major matrix in place (modified Gram-Schmidt; a column that vanishes becomes 0). */
function orthonormalize(a: Float64Array, rows: number, width: number): void {
  // Column-major copy, so each column is contiguous.
  const cols = new Float64Array(rows * width);
  for (let r = 0; r < rows; r += 1) for (let j = 0; j < width; j += 1) cols[j * rows + r] = a[r * width + j] as number;
  for (let j = 0; j < width; j += 1) {
    const cj = j * rows;
    for (let pass = 0; pass < 2; pass += 1) {
      for (let i = 0; i < j; i += 1) {
        const ci = i * rows;
        let d = 0;
        for (let r = 0; r < rows; r += 1) d += (cols[ci + r] as number) * (cols[cj + r] as number);
        if (d !== 0) for (let r = 0; r < rows; r += 1) cols[cj + r] = (cols[cj + r] as number) - d * (cols[ci + r] as number);
      }
    }
    let norm = 0;
    for (let r = 0; r < rows; r += 1) norm += (cols[cj + r] as number) ** 2;
    norm = Math.sqrt(norm);
    const inv = norm > 1e-10 ? 1 / norm : 0;
    for (let r = 0; r < rows; r += 1) cols[cj + r] = (cols[cj + r] as number) * inv;
  }
  for (let r = 0; r < rows; r += 1) for (let j = 0; j < width; j += 1) a[r * width + j] = cols[j * rows + r] as number;
}

/** Eigen-decomposition of a symmetric size × size matrix (row-major) by cyclic Jacobi rotations: values descending, vectors as columns. */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < size; i += 1) {
      diag += (a[i * size + i] as number) ** 2;
      for (let j = i + 1; j < size; j += 1) off += (a[i * size + j] as number) ** 2;
    }
    if (off <= 1e-24 * diag || off === 0) break;
    for (let p = 0; p < size; p += 1) {
      for (let q = p + 1; q < size; q += 1) {
        const apq = a[p * size + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * size + p] as number;
        const aqq = a[q * size + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k += 1) {
          const akp = a[k * size + p] as number;
          const akq = a[k * size + q] as number;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k += 1) {
          const apk = a[p * size + k] as number;
          const aqk = a[q * size + k] as number;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k += 1) {
          const vkp = v[k * size + p] as number;
          const vkq = v[k * size + q] as number;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((x, y) => (a[y * size + y] as number) - (a[x * size + x] as number) || x - y);
  const values = Float64Array.from(order, (i) => a[i * size + i] as number);
  const vectors = new Float64Array(size * size);
  order.forEach((from, to) => {
    // Sign: the largest component of each vector positive, so the result does not depend on rotation order.
    let big = 0;
    for (let k = 0; k < size; k += 1) if (Math.abs(v[k * size + from] as number) > Math.abs(big)) big = v[k * size + from] as number;
    const sign = big < 0 ? -1 : 1;
    for (let k = 0; k < size; k += 1) vectors[k * size + to] = sign * (v[k * size + from] as number);
  });
  return { values, vectors };
}

/**
 * The rank-`rank` truncated SVD of X (document side: X ≈ U Σ Vᵀ, returned as U · Σ = X · V), by a randomized
 * range finder: Y = (X Xᵀ)^q X Ω for a Gaussian Ω with rank + oversample columns, Q = orth(Y), then the exact
 * SVD of the small Qᵀ X through the eigen-decomposition of Qᵀ X Xᵀ Q.
 */
export function truncatedSvd(x: CsrMatrix, rank: number, options: SvdOptions = {}): Svd {
  const r = Math.max(0, Math.min(rank, x.rows, x.cols));
  const width = Math.min(r + (options.oversample ?? 10), x.rows, x.cols);
  if (r === 0) return { rank: 0, embedding: new Float64Array(0), values: new Float64Array(0) };
  let q = multiply(x, gaussian(x.cols * width, options.seed ?? DEFAULT_SEED), width);
  orthonormalize(q, x.rows, width);
  for (let i = 0; i < (options.iterations ?? 3); i += 1) {
    q = multiply(x, multiplyTransposed(x, q, width), width);
    orthonormalize(q, x.rows, width);
  }
  // W = X Xᵀ Q; G = Qᵀ W = (Qᵀ X)(Qᵀ X)ᵀ, whose eigenvectors are B's left singular vectors.
  const w = multiply(x, multiplyTransposed(x, q, width), width);
  const g = new Float64Array(width * width);
  for (let row = 0; row < x.rows; row += 1) {
    const base = row * width;
    for (let i = 0; i < width; i += 1) {
      const qi = q[base + i] as number;
      if (qi === 0) continue;
      for (let j = 0; j < width; j += 1) g[i * width + j] = (g[i * width + j] as number) + qi * (w[base + j] as number);
    }
  }
  for (let i = 0; i < width; i += 1) {
    for (let j = i + 1; j < width; j += 1) {
      const mean = ((g[i * width + j] as number) + (g[j * width + i] as number)) / 2;
      g[i * width + j] = mean;
      g[j * width + i] = mean;
    }
  }
  const { values, vectors } = symmetricEigen(g, width);
  const singular = Float64Array.from(values.subarray(0, r), (e) => Math.sqrt(Math.max(0, e)));
  // U Σ = Q · Ub · Σ.
  const embedding = new Float64Array(x.rows * r);
  for (let row = 0; row < x.rows; row += 1) {
    const base = row * width;
    for (let i = 0; i < width; i += 1) {
      const qi = q[base + i] as number;
      if (qi === 0) continue;
      for (let j = 0; j < r; j += 1) embedding[row * r + j] = (embedding[row * r + j] as number) + qi * (vectors[i * width + j] as number);
    }
    for (let j = 0; j < r; j += 1) embedding[row * r + j] = (embedding[row * r + j] as number) * (singular[j] as number);
  }
  return { rank: r, embedding, values: singular };
}

/** Scales each row of a rows × width row-major matrix to unit length in place (zero rows stay zero). */
export function normalizeRows(m: Float64Array, rows: number, width: number): Float64Array {
  for (let r = 0; r < rows; r += 1) {
    let norm = 0;
    for (let j = 0; j < width; j += 1) norm += (m[r * width + j] as number) ** 2;
    if (norm === 0) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < width; j += 1) m[r * width + j] = (m[r * width + j] as number) * inv;
  }
  return m;
}
