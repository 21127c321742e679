/**
 * Exact nearest neighbours by cosine for the quality benchmark's anchors (no candidate cut-off, unlike the
 * site's search): over the rows of an L2-normalised sparse matrix, or of a dense row-major matrix.
 * Best first, ties by lower index.
 */
import type { CsrMatrix } from '../pipeline/lsa';

/** The k best (score, then lower index) of `scores` over 0..n-1 except `self`. */
function topK(scores: Float64Array, self: number, k: number): number[] {
  const best: number[] = [];
  for (let q = 0; q < scores.length; q += 1) {
    if (q === self) continue;
    const s = scores[q] as number;
    if (best.length === k && s <= (scores[best[k - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && (scores[best[at - 1] as number] as number) < s) at -= 1;
    best.splice(at, 0, q);
    if (best.length > k) best.pop();
  }
  return best;
}

/** The k nearest rows of every row of an L2-normalised sparse matrix (exact cosine through an inverted index). */
export function sparseNeighbors(x: CsrMatrix, k: number): number[][] {
  // Column postings.
  const start = new Int32Array(x.cols + 1);
  for (let e = 0; e < x.indices.length; e += 1) start[(x.indices[e] as number) + 1] = (start[(x.indices[e] as number) + 1] as number) + 1;
  for (let f = 0; f < x.cols; f += 1) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const fill = start.slice(0, x.cols);
  const docs = new Int32Array(x.indices.length);
  const values = new Float64Array(x.indices.length);
  for (let r = 0; r < x.rows; r += 1) {
    for (let e = x.indptr[r] as number; e < (x.indptr[r + 1] as number); e += 1) {
      const f = x.indices[e] as number;
      const at = fill[f] as number;
      docs[at] = r;
      values[at] = x.data[e] as number;
      fill[f] = at + 1;
    }
  }
  const scores = new Float64Array(x.rows);
  const out: number[][] = [];
  for (let r = 0; r < x.rows; r += 1) {
    scores.fill(0);
    for (let e = x.indptr[r] as number; e < (x.indptr[r + 1] as number); e += 1) {
      const f = x.indices[e] as number;
      const v = x.data[e] as number;
      for (let b = start[f] as number; b < (start[f + 1] as number); b += 1) scores[docs[b] as number] = (scores[docs[b] as number] as number) + v * (values[b] as number);
    }
    out.push(topK(scores, r, k));
  }
  return out;
}

/** The k nearest rows of every row of a dense rows × width matrix whose rows are unit length (exact cosine). */
export function denseNeighbors(m: Float64Array, rows: number, width: number, k: number): number[][] {
  const scores = new Float64Array(rows);
  const out: number[][] = [];
  for (let r = 0; r < rows; r += 1) {
    const a = r * width;
    for (let q = 0; q < rows; q += 1) {
      const b = q * width;
      let s = 0;
      for (let j = 0; j < width; j += 1) s += (m[a + j] as number) * (m[b + j] as number);
      scores[q] = s;
    }
    out.push(topK(scores, r, k));
  }
  return out;
}
