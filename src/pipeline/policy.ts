/** What the analysis keeps for the pages: how much of each list is stored, and which terms get a page. */
export interface AnalysisPolicy {
  /**
   * Papers a term needs for a page of its own. Two-paper terms are 40 % of all terms and mostly incidental
   * phrases; their pages would make up a third of a large site's pages while listing just two papers each. They
   * still count for the analysis (vectors, topics, maps) and still show as chips on their papers' pages.
   */
  termPageMinPapers: number;
  /** Related papers stored (and shown) per paper. */
  relatedPapers: number;
  /** Co-occurring terms stored (and shown) per term page. */
  cooccurringTerms: number;
  /** A continuing topic keeps its label while the label's terms are among its this many strongest. */
  labelTerms: number;
}

/** The policy the site is built with unless its configuration says otherwise. */
export const DEFAULT_POLICY: Readonly<AnalysisPolicy> = { termPageMinPapers: 3, relatedPapers: 5, cooccurringTerms: 10, labelTerms: 8 };
