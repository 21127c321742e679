/**
 * Seeded pseudo-random numbers, so that randomised algorithms (Louvain's visiting order,
 * d3-force's jiggle) give the same output for the same input on every build.
 */

/** The fixed seed used by the analysis stages unless a caller gives another. */
export const DEFAULT_SEED = 0x5eed_2024;

/** Returns a mulberry32 generator: a deterministic function yielding floats in [0, 1) for a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
