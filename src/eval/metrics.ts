/**
 * Quality measures of related papers, topics and topic labels against reference categories (arXiv's):
 * precision and Jaccard of the related lists, homogeneity and NMI of a partition, and how focused the
 * terms of topic labels are. Pure functions on plain arrays; papers without categories are left out.
 */

/** Related-paper scores: mean share of the k related papers sharing the paper's primary category, and mean Jaccard of category sets. */
export interface RelatedScore {
  precision: number;
  jaccard: number;
  /** Papers scored (those with categories). */
  papers: number;
}

/**
 * Scores related-paper lists (`related[p]`: indices of p's related papers, best first) against `categories`
 * (primary first; null: unknown). Each of the k slots counts: a missing or unknown related paper scores 0.
 */
export function relatedScore(related: readonly (readonly number[])[], categories: readonly (readonly string[] | null)[], k: number): RelatedScore {
  let precision = 0;
  let jaccard = 0;
  let papers = 0;
  related.forEach((list, p) => {
    const mine = categories[p];
    if (!mine || mine.length === 0) return;
    papers += 1;
    const mineSet = new Set(mine);
    let hits = 0;
    let overlap = 0;
    for (const q of list.slice(0, k)) {
      const theirs = categories[q];
      if (!theirs || theirs.length === 0) continue;
      if (theirs[0] === mine[0]) hits += 1;
      const theirSet = new Set(theirs);
      let shared = 0;
      for (const c of theirSet) if (mineSet.has(c)) shared += 1;
      overlap += shared / (mineSet.size + theirSet.size - shared);
    }
    precision += hits / k;
    jaccard += overlap / k;
  });
  return { precision: papers > 0 ? precision / papers : 0, jaccard: papers > 0 ? jaccard / papers : 0, papers };
}

/** Entropy (nats) of a distribution given by counts. */
function entropy(counts: Iterable<number>, total: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h;
}

/** Homogeneity and NMI (arithmetic normalisation, as scikit-learn's default) of a partition against classes. */
export interface PartitionScore {
  homogeneity: number;
  nmi: number;
  /** Papers scored (with a class and a cluster). */
  papers: number;
}

/** Scores `clusters[p]` (a cluster key, or null) against `classes[p]` (null: unknown); only papers with both count. */
export function partitionScore(clusters: readonly (string | null)[], classes: readonly (string | null)[]): PartitionScore {
  const joint = new Map<string, Map<string, number>>();
  const classCounts = new Map<string, number>();
  const clusterCounts = new Map<string, number>();
  let n = 0;
  clusters.forEach((k, p) => {
    const c = classes[p];
    if (k === null || c === null || c === undefined) return;
    n += 1;
    classCounts.set(c, (classCounts.get(c) ?? 0) + 1);
    clusterCounts.set(k, (clusterCounts.get(k) ?? 0) + 1);
    let row = joint.get(k);
    if (!row) joint.set(k, (row = new Map()));
    row.set(c, (row.get(c) ?? 0) + 1);
  });
  if (n === 0) return { homogeneity: 0, nmi: 0, papers: 0 };
  const hC = entropy(classCounts.values(), n);
  const hK = entropy(clusterCounts.values(), n);
  // Conditional entropy H(C | K) and mutual information I = H(C) - H(C | K).
  let hCgivenK = 0;
  for (const [k, row] of joint) {
    const size = clusterCounts.get(k) as number;
    for (const count of row.values()) hCgivenK -= (count / n) * Math.log(count / size);
  }
  const mi = hC - hCgivenK;
  const homogeneity = hC > 0 ? 1 - hCgivenK / hC : 1;
  const nmi = hC + hK > 0 ? (2 * mi) / (hC + hK) : 1;
  return { homogeneity, nmi, papers: n };
}

/** Share of the papers in the largest cluster. */
export function largestShare(clusters: readonly (string | null)[]): number {
  const counts = new Map<string, number>();
  for (const k of clusters) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  return clusters.length > 0 ? Math.max(0, ...counts.values()) / clusters.length : 0;
}

/** A topic's label terms and the papers in it, for {@link labelFocus}. */
export interface LabelledTopic {
  label: string;
  /** Term ids of the label. */
  terms: readonly string[];
  /** Paper indices in the topic. */
  papers: readonly number[];
}

/** Focus of the label terms of every topic, and the summary the benchmark reports. */
export interface LabelFocus {
  /** Share of topics with no label term of focus ≥ 0.5. */
  unfocusedTopics: number;
  /** Share of all label terms (over all topics) with focus < 0.05. */
  diffuseTerms: number;
  /** Per topic, its label and each label term's focus, in topic order. */
  topics: { label: string; focus: { term: string; focus: number }[] }[];
}

/**
 * The focus of a label term in its topic: the share of the papers showing the term (`paperTerms[p]`: the key
 * terms shown on paper p) that sit in the topic (0 when no paper shows it).
 */
export function labelFocus(topics: readonly LabelledTopic[], paperTerms: readonly (readonly string[])[]): LabelFocus {
  const showing = new Map<string, number[]>();
  paperTerms.forEach((terms, p) => {
    for (const t of new Set(terms)) {
      const list = showing.get(t);
      if (list) list.push(p);
      else showing.set(t, [p]);
    }
  });
  let unfocused = 0;
  let diffuse = 0;
  let labelTerms = 0;
  const perTopic = topics.map((topic) => {
    const members = new Set(topic.papers);
    const focus = topic.terms.map((term) => {
      const papers = showing.get(term) ?? [];
      const inside = papers.filter((p) => members.has(p)).length;
      return { term, focus: papers.length > 0 ? inside / papers.length : 0 };
    });
    if (!focus.some((f) => f.focus >= 0.5)) unfocused += 1;
    labelTerms += focus.length;
    diffuse += focus.filter((f) => f.focus < 0.05).length;
    return { label: topic.label, focus };
  });
  return {
    unfocusedTopics: topics.length > 0 ? unfocused / topics.length : 0,
    diffuseTerms: labelTerms > 0 ? diffuse / labelTerms : 0,
    topics: perTopic,
  };
}

/** The `count` topics whose best label term is least focused (ties: lower mean focus, then label). */
export function worstLabels(focus: LabelFocus, count: number): LabelFocus['topics'] {
  const best = (t: LabelFocus['topics'][number]): number => Math.max(0, ...t.focus.map((f) => f.focus));
  const mean = (t: LabelFocus['topics'][number]): number => (t.focus.length > 0 ? t.focus.reduce((s, f) => s + f.focus, 0) / t.focus.length : 0);
  return [...focus.topics]
    .sort((a, b) => best(a) - best(b) || mean(a) - mean(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, count);
}
