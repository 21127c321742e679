/** Orders and rounding shared by the pipeline's stages, so that every stage sorts and rounds the same way. */

/** Code-unit string order, independent of the locale: the tie-break of every deterministic sort. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds to `digits` decimals, never giving -0 (short, stable JSON and SVG numbers). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Rounds to `digits` significant digits (weights whose scale varies, kept compact in JSON). */
export function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}
