/**
 * Display names of digests. A listing carries its date without a year (`Mar 14`), so after a year of digests two
 * listings can carry the same label; some carry none. Names must tell digests apart in lists, filters and feeds.
 */
import type { DigestInfo } from './types';

/** A digest's arrival number as names show it: `#3` for the third digest (order 2). */
export function arrivalNumber(order: number): string {
  return `#${order + 1}`;
}

/**
 * The name of each digest, in the order given: its date label (`Mar 14`); `Mar 14 (#370)`, with its arrival
 * number, when another digest has the same label; `Undated (#3)` for a listing without a date.
 */
export function digestNames(digests: readonly Pick<DigestInfo, 'date' | 'order'>[]): string[] {
  const uses = new Map<string, number>();
  for (const d of digests) if (d.date !== null) uses.set(d.date, (uses.get(d.date) ?? 0) + 1);
  return digests.map((d) => {
    const number = arrivalNumber(d.order);
    if (d.date === null) return `Undated (${number})`;
    return (uses.get(d.date) ?? 0) > 1 ? `${d.date} (${number})` : d.date;
  });
}
