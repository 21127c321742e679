/**
 * Why pages change between two builds: compares the views (what each page renders, so its incremental cache key)
 * of the same routes in two builds and names, per page, the fields that differ. Pure.
 */

/** One page's view, keyed by route, grouped by page kind (`papers`, `terms`, …). */
export type ViewsByKind = Map<string, Map<string, unknown>>;

/** The change figures of one page kind. */
export interface KindDiff {
  kind: string;
  /** Pages in the second build. */
  pages: number;
  /** Pages new in the second build (no view in the first). */
  added: number;
  /** Pages of both builds whose view differs. */
  changed: number;
  /** Reason → pages it applies to (a page may have several reasons). */
  reasons: Map<string, number>;
  /** Reason → pages for which it is the only reason. */
  sole: Map<string, number>;
}

/** The identity of an array element: its url, else its label, else its id, else its JSON. */
function identity(x: unknown): string {
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    for (const key of ['url', 'label', 'id', 'term']) if (typeof o[key] === 'string') return o[key] as string;
  }
  return JSON.stringify(x);
}

/**
 * The reasons two values of a view field differ: `<field>` for a plain value; for a list, `<field>: members` (what
 * is listed), `<field>: order` (same members, other order) or `<field>: details` (same members and order, something
 * each shows); for an object, its differing sub-fields (`<field>.<sub>`), one level down.
 */
export function fieldReasons(field: string, a: unknown, b: unknown, depth = 1): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const ia = a.map(identity);
    const ib = b.map(identity);
    const sa = [...ia].sort().join('\u0000');
    const sb = [...ib].sort().join('\u0000');
    if (sa !== sb) return [`${field}: members`];
    if (ia.join('\u0000') !== ib.join('\u0000')) return [`${field}: order`];
    return [`${field}: details`];
  }
  if (depth > 0 && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const oa = a as Record<string, unknown>;
    const ob = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort();
    return keys.flatMap((k) => fieldReasons(`${field}.${k}`, oa[k], ob[k], depth - 1));
  }
  return [field];
}

/** Compares the views of two builds, kind by kind (kinds of the second build, in its order). */
export function diffViews(before: ViewsByKind, after: ViewsByKind): KindDiff[] {
  return [...after].map(([kind, pages]) => {
    const old = before.get(kind) ?? new Map<string, unknown>();
    const diff: KindDiff = { kind, pages: pages.size, added: 0, changed: 0, reasons: new Map(), sole: new Map() };
    for (const [route, view] of pages) {
      if (!old.has(route)) {
        diff.added += 1;
        continue;
      }
      const a = old.get(route) as Record<string, unknown>;
      const b = view as Record<string, unknown>;
      const reasons = fieldReasons('', a, b, 2).map((r) => r.replace(/^\./, ''));
      if (reasons.length === 0) continue;
      diff.changed += 1;
      for (const r of reasons) diff.reasons.set(r, (diff.reasons.get(r) ?? 0) + 1);
      if (reasons.length === 1) diff.sole.set(reasons[0] as string, (diff.sole.get(reasons[0] as string) ?? 0) + 1);
    }
    return diff;
  });
}

/** The figures as a printable table: one row per kind, then its reasons (pages with it, and pages with it alone). */
export function formatViewDiff(diffs: readonly KindDiff[]): string {
  const lines = ['| page kind / reason | pages | re-rendered | only this reason |', '| --- | ---: | ---: | ---: |'];
  let pages = 0;
  let rendered = 0;
  for (const d of diffs) {
    pages += d.pages;
    rendered += d.added + d.changed;
    lines.push(`| **${d.kind}** | ${d.pages} | ${d.added + d.changed} (${d.added} new) | |`);
    const reasons = [...d.reasons].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    for (const [r, n] of reasons) lines.push(`| · ${r} | | ${n} | ${d.sole.get(r) ?? 0} |`);
  }
  lines.push(`| **all** | ${pages} | ${rendered} (${((100 * rendered) / Math.max(1, pages)).toFixed(1)} %) | |`);
  return lines.join('\n');
}
