/**
 * Build-time helpers shared by the pages that feed Pagefind (paper pages) and the search page:
 * the filter values, the sort key and the hidden key-term line. Pure, so the paper page and the
 * search page always agree on the exact strings Pagefind stores.
 */

/** Something with a stable id and a display label (a topic or a digest). */
export interface Labelled {
  id: string;
  label: string;
}

/** Collapses whitespace the way Pagefind normalises filter values, so stored and requested values match. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

/** Filter values by id: the label, or `label (id)` for labels that more than one item shares. */
export function filterValues(items: readonly Labelled[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const item of items) {
    const label = normalizeLabel(item.label);
    uses.set(label, (uses.get(label) ?? 0) + 1);
  }
  return new Map(
    items.map((item) => {
      const label = normalizeLabel(item.label);
      return [item.id, (uses.get(label) ?? 0) > 1 ? `${label} (${item.id})` : label];
    }),
  );
}

/** Width of the zero-padded sort key: room for a million digests. */
const SORT_KEY_WIDTH = 6;

/** The `data-pagefind-sort` value of a paper: its first digest's arrival order, zero-padded (`000003`). */
export function sortKey(order: number): string {
  return String(Math.max(0, Math.trunc(order))).padStart(SORT_KEY_WIDTH, '0');
}

/** A key term as the hidden search line needs it. */
export interface TermForms {
  label: string;
  acronym?: string | undefined;
  /** The written-out form when the label is the acronym. */
  longForm?: string | undefined;
}

/**
 * The hidden, indexed line of a paper's key terms with both forms (`Key terms: mixture of experts (MoE); CLIP
 * (Contrastive Language-Image Pre-training).`), or `''` without terms.
 */
export function termsText(terms: readonly TermForms[]): string {
  const seen = new Set<string>();
  const forms: string[] = [];
  for (const t of terms) {
    const label = normalizeLabel(t.label);
    // The other form: the acronym of a written-out label, or the long form of an acronym label.
    const other = normalizeLabel(t.longForm ?? t.acronym ?? '');
    const text = other !== '' && other.toLowerCase() !== label.toLowerCase() ? `${label} (${other})` : label;
    const key = text.toLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    forms.push(text);
  }
  return forms.length === 0 ? '' : `Key terms: ${forms.join('; ')}.`;
}
