/**
 * Stable topic ids across rebuilds. Pure: no I/O; the caller reads and writes the state file.
 *
 * Clustering is redone from scratch on every build, so without memory a topic's id (and URL)
 * would depend on how many topics are bigger than it. This module matches the new clusters to
 * the topics of the previous build by shared papers and keeps ids (and URLs) where a topic
 * continues, retires topics that dissolved (recording where their papers went), and remembers
 * every slug ever used so old URLs can keep answering with a redirect page.
 *
 * Matching rule. A new cluster C and an old topic P are a candidate pair when they share papers
 * and either most of C comes from P (|C ∩ P| / |C| > 0.5) or most of P's papers (of those still
 * in the corpus) went to C (|C ∩ P| / |P'| > 0.5). Pairs are taken greedily by overlap size
 * (ties: the older id, i.e. the lower number, then the earlier cluster), each cluster and each
 * old topic at most once. So a split keeps the id on the part with more of the old papers and a
 * merge keeps the id of the old topic that contributed most (ties: the older one). Unmatched
 * clusters get new ids that continue the numbering, in the order given; ids are never reused.
 */
// Named with its .ts extension: astro.config.mjs loads this module (through topic-state-file.ts) with Node's own
// type stripping, which resolves no extensionless import.
import { LABEL_SEPARATOR } from './topic-labels.ts';
import { compareText, roundTo } from './order.ts';

/** Version of the state file format written by {@link assignTopicIds}. */
export const TOPIC_STATE_VERSION = 1;

/** A live topic as remembered between builds. */
export interface TopicStateTopic {
  /** Stable id, `t01`, `t02`, …. */
  id: string;
  /** Current URL slug (`/topics/<slug>/`). */
  slug: string;
  /** Current label. */
  label: string;
  /** Paper ids, sorted. */
  papers: string[];
  /** Earlier slugs of this topic; their URLs redirect to the current one. Omitted when empty. */
  aliases?: string[];
}

/** Where a retired topic's papers went: a topic id and the share of the retired topic's papers. */
export interface MovedTo {
  id: string;
  /** Share of the retired topic's papers now in `id`, 0–1, rounded to 2 decimals. */
  share: number;
}

/** A topic that no longer exists; its slug(s) answer with a page pointing to `movedTo`. */
export interface RetiredTopic {
  id: string;
  /** Slug at retirement. */
  slug: string;
  /** Label at retirement. */
  label: string;
  /** Earlier slugs of the topic. Omitted when empty. */
  aliases?: string[];
  /** Topics that received its papers, largest share first (ties by id); empty when its papers left the corpus. */
  movedTo: MovedTo[];
}

/** A live area (a group of topics, see src/pipeline/areas.ts) as remembered between builds. */
export interface AreaStateArea {
  /** Stable id, `a01`, `a02`, …. */
  id: string;
  /** Current URL slug (`/areas/<slug>/`). */
  slug: string;
  /** Current label. */
  label: string;
  /** Ids of its topics, sorted. */
  topics: string[];
  /** Earlier slugs of this area. Omitted when empty. */
  aliases?: string[];
}

/** The persisted memory of area ids: live areas and retired ones (whose `movedTo` names areas). */
export interface AreaState {
  /** Live areas, in id order. */
  areas: AreaStateArea[];
  /** Retired areas, in id order. */
  retired: RetiredTopic[];
}

/** The persisted memory of topic ids (the content of `topics.json`). */
export interface TopicState {
  version: typeof TOPIC_STATE_VERSION;
  /** Live topics, in id order. */
  topics: TopicStateTopic[];
  /** Retired topics, in id order. */
  retired: RetiredTopic[];
  /** The areas the topics are grouped in (absent in files written before areas existed). */
  areas?: AreaState;
  /** Where each topic's disc sat on the paper map (topic id → [x, y]), so the next build's map starts from there (absent before). */
  mapPlaces?: Record<string, [number, number]>;
}

/** A new cluster to name: its paper ids and, optionally, its freshly computed label and slug. */
export interface TopicCluster {
  papers: readonly string[];
  /** Label computed this build (stored in the state; defaults to the id). */
  label?: string;
  /** Slug computed from that label this build (defaults to the id). */
  slug?: string;
  /**
   * Names of the cluster's strongest terms (labels and acronyms). A continuing topic keeps its old label
   * (and so its URL) while every part of that label is still among them: a topic's name does not change
   * with every digest. Without it the label follows `label`.
   */
  labelTerms?: readonly string[];
}

/** Options of {@link assignTopicIds}. */
export interface AssignTopicIdsOptions {
  /**
   * `follow-label` (default): a continuing topic takes the slug of its new label and its old slug
   * becomes an alias (a redirect page). `keep`: a continuing topic keeps its old slug.
   */
  slugs?: 'follow-label' | 'keep';
  /** Letter that starts new ids (default `t`; areas use `a`). */
  prefix?: string;
}

/** The result of {@link assignTopicIds}. */
export interface TopicIdAssignment {
  /** Id of each cluster, in the order given. */
  ids: string[];
  /** Final, unique slug of each cluster, in the order given (never a slug another topic ever had). */
  slugs: string[];
  /** Final label of each cluster, in the order given: the old one kept (see {@link TopicCluster.labelTerms}) or the new one. */
  labels: string[];
  /** For each cluster, the old id it continues, or null for a new topic. */
  continues: (string | null)[];
  /** The state to persist. */
  state: TopicState;
  /** Topics retired by this assignment (also appended to `state.retired`). */
  retired: RetiredTopic[];
}

/** Id prefix of topics; the number after it has at least two digits (`t01`, `t99`, `t100`). */
const PREFIX = 't';

/** The number of an id like `t07` or `a03` (NaN for anything else). */
function idNumber(id: string): number {
  const match = /^[a-z](\d+)$/.exec(id);
  return match ? Number(match[1]) : Number.NaN;
}

/** Formats id number n as `t01`, … (or with another prefix). */
function formatId(n: number, prefix = PREFIX): string {
  return `${prefix}${String(n).padStart(2, '0')}`;
}

/** Orders ids by number (ids that are not `t<number>` after, by text). */
function compareIds(a: string, b: string): number {
  const na = idNumber(a);
  const nb = idNumber(b);
  if (Number.isNaN(na) || Number.isNaN(nb)) {
    if (!Number.isNaN(na)) return -1;
    if (!Number.isNaN(nb)) return 1;
    return compareText(a, b);
  }
  return na - nb || compareText(a, b);
}


/** An empty state (no topics known yet). */
export function emptyTopicState(): TopicState {
  return { version: TOPIC_STATE_VERSION, topics: [], retired: [] };
}

/** Names clusters with stable ids: continues old topics by maximum paper overlap, retires the rest, numbers new ones. */
export function assignTopicIds(
  previous: TopicState | null,
  clusters: readonly TopicCluster[],
  options: AssignTopicIdsOptions = {},
): TopicIdAssignment {
  const prev = previous ?? emptyTopicState();
  const slugPolicy = options.slugs ?? 'follow-label';
  const old = [...prev.topics].sort((a, b) => compareIds(a.id, b.id));
  const present = new Set(clusters.flatMap((c) => c.papers));
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => c.papers.forEach((p) => clusterOf.set(p, i)));

  // Overlaps between every old topic and the clusters its papers are in now.
  interface Pair {
    cluster: number;
    old: number;
    overlap: number;
  }
  const pairs: Pair[] = [];
  const overlapsOf: Map<number, number>[] = old.map((topic, j) => {
    const counts = new Map<number, number>();
    for (const paper of new Set(topic.papers)) {
      const i = clusterOf.get(paper);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const stillPresent = topic.papers.filter((p) => present.has(p)).length;
    for (const [i, overlap] of counts) {
      const clusterSize = new Set(clusters[i]?.papers ?? []).size;
      if (overlap / clusterSize > 0.5 || overlap / stillPresent > 0.5) pairs.push({ cluster: i, old: j, overlap });
    }
    return counts;
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.old - b.old || a.cluster - b.cluster);

  const continues: (string | null)[] = clusters.map(() => null);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (continues[pair.cluster] !== null || taken.has(pair.old)) continue;
    continues[pair.cluster] = old[pair.old]?.id ?? null;
    taken.add(pair.old);
  }

  // New ids continue after every id ever used (live or retired).
  let highest = 0;
  for (const id of [...prev.topics.map((t) => t.id), ...prev.retired.map((t) => t.id)]) {
    const n = idNumber(id);
    if (!Number.isNaN(n)) highest = Math.max(highest, n);
  }
  const ids = continues.map((id) => id ?? formatId(++highest, options.prefix));

  // Labels: a continuing topic keeps its old label while the label's terms still rank among its strongest
  // and no other topic of this build is called that.
  const oldLabel = new Map(old.map((t) => [t.id, t.label]));
  const proposed = clusters.map((c, i) => c.label ?? ids[i] ?? '');
  const labels = clusters.map((cluster, i) => {
    const before = continues[i] === null ? undefined : oldLabel.get(continues[i] as string);
    if (before === undefined || before === proposed[i] || cluster.labelTerms === undefined) return proposed[i] ?? '';
    // Compared without case: a term whose display form changed case ("diffusion transformer" → "Diffusion Transformer") is the same term.
    const names = new Set(cluster.labelTerms.map((name) => name.toLowerCase()));
    const stillFits = before.split(LABEL_SEPARATOR).every((part) => names.has(part.toLowerCase()));
    const clash = proposed.some((label, j) => j !== i && label === before);
    return stillFits && !clash ? before : (proposed[i] ?? '');
  });
  const keptLabel = labels.map((label, i) => label !== proposed[i]);

  // Slugs: every slug ever used belongs to its topic forever; others get `-2`, `-3`, ….
  const owner = new Map<string, string>();
  for (const t of [...prev.topics, ...prev.retired]) {
    for (const slug of [t.slug, ...(t.aliases ?? [])]) if (!owner.has(slug)) owner.set(slug, t.id);
  }
  const oldById = new Map(old.map((t) => [t.id, t]));
  const used = new Set<string>();
  const slugs = clusters.map((cluster, i) => {
    const id = ids[i] ?? '';
    const before = oldById.get(id);
    const wanted = (slugPolicy === 'keep' || keptLabel[i]) && before ? before.slug : (cluster.slug ?? id);
    let candidate = wanted;
    for (let n = 2; used.has(candidate) || (owner.get(candidate) ?? id) !== id; n += 1) candidate = `${wanted}-${n}`;
    used.add(candidate);
    return candidate;
  });

  const topics: TopicStateTopic[] = clusters.map((cluster, i) => {
    const id = ids[i] ?? '';
    const slug = slugs[i] ?? id;
    const before = oldById.get(id);
    const aliases = before ? [...(before.aliases ?? []), before.slug].filter((s, k, all) => s !== slug && all.indexOf(s) === k) : [];
    const topic: TopicStateTopic = { id, slug, label: labels[i] ?? id, papers: [...new Set(cluster.papers)].sort() };
    if (aliases.length > 0) topic.aliases = aliases;
    return topic;
  });

  const retired: RetiredTopic[] = [];
  old.forEach((topic, j) => {
    if (taken.has(j)) return;
    const size = new Set(topic.papers).size;
    const movedTo = [...(overlapsOf[j] ?? new Map<number, number>())]
      .map(([i, overlap]) => ({ id: ids[i] ?? '', share: roundTo(overlap / size, 2) }))
      .sort((a, b) => b.share - a.share || compareIds(a.id, b.id));
    const entry: RetiredTopic = { id: topic.id, slug: topic.slug, label: topic.label, movedTo };
    if (topic.aliases && topic.aliases.length > 0) entry.aliases = [...topic.aliases];
    retired.push(entry);
  });

  const state: TopicState = {
    version: TOPIC_STATE_VERSION,
    topics: [...topics].sort((a, b) => compareIds(a.id, b.id)),
    retired: [...prev.retired, ...retired].sort((a, b) => compareIds(a.id, b.id)),
  };
  return { ids, slugs, labels, continues, state, retired };
}

/** One old URL (`/topics/<slug>/`) that now answers with a redirect page. */
export interface TopicRedirect {
  /** The old slug. */
  slug: string;
  /** `renamed`: the same topic lives on under a new slug; `retired`: the topic dissolved. */
  reason: 'renamed' | 'retired';
  /** The topic's label when it lived at this slug (for a renamed topic: its current label). */
  label: string;
  /** Live topics that hold its papers now, largest share first; the first is the redirect target. */
  targets: { id: string; slug: string; label: string; share: number }[];
}

/**
 * Every old topic slug that should answer with a redirect page: the aliases of live topics, and
 * the slugs (and aliases) of retired topics with their `movedTo` followed through later
 * retirements to live topics (shares multiplied and summed). Slugs of live topics are never
 * included. Sorted by slug.
 */
export function topicRedirects(state: TopicState): TopicRedirect[] {
  const live = new Map(state.topics.map((t) => [t.id, t]));
  const retiredById = new Map(state.retired.map((t) => [t.id, t]));
  const liveSlugs = new Set(state.topics.map((t) => t.slug));

  /** Live destinations of a retired topic, as id → share (following chains, ignoring cycles). */
  const destinations = (id: string, weight: number, seen: Set<string>, into: Map<string, number>): void => {
    if (live.has(id)) {
      into.set(id, (into.get(id) ?? 0) + weight);
      return;
    }
    const gone = retiredById.get(id);
    if (!gone || seen.has(id)) return;
    seen.add(id);
    for (const m of gone.movedTo) destinations(m.id, weight * m.share, seen, into);
    seen.delete(id);
  };

  const out = new Map<string, TopicRedirect>();
  const add = (redirect: TopicRedirect): void => {
    if (!liveSlugs.has(redirect.slug) && !out.has(redirect.slug)) out.set(redirect.slug, redirect);
  };
  for (const topic of state.topics) {
    for (const slug of topic.aliases ?? []) {
      add({ slug, reason: 'renamed', label: topic.label, targets: [{ id: topic.id, slug: topic.slug, label: topic.label, share: 1 }] });
    }
  }
  for (const gone of [...state.retired].sort((a, b) => compareIds(a.id, b.id))) {
    const shares = new Map<string, number>();
    destinations(gone.id, 1, new Set(), shares);
    const targets = [...shares]
      .map(([id, share]) => {
        const t = live.get(id);
        return { id, slug: t?.slug ?? '', label: t?.label ?? '', share: roundTo(share, 2) };
      })
      .filter((t) => t.share > 0)
      .sort((a, b) => b.share - a.share || compareIds(a.id, b.id));
    for (const slug of [gone.slug, ...(gone.aliases ?? [])]) add({ slug, reason: 'retired', label: gone.label, targets });
  }
  return [...out.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Why a parsed state file is unusable, or null when it is a valid {@link TopicState}. */
function stateError(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const v = value as Record<string, unknown>;
  if (v.version !== TOPIC_STATE_VERSION) return `its "version" is ${JSON.stringify(v.version)}, expected ${TOPIC_STATE_VERSION}`;
  const isStrings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const base = (t: Record<string, unknown>): boolean =>
    typeof t.id === 'string' && typeof t.slug === 'string' && typeof t.label === 'string' && (t.aliases === undefined || isStrings(t.aliases));
  if (!Array.isArray(v.topics)) return '"topics" is not a list';
  for (const [k, t] of v.topics.entries()) {
    if (typeof t !== 'object' || t === null || !base(t as Record<string, unknown>) || !isStrings((t as Record<string, unknown>).papers)) {
      return `topics[${k}] needs string "id", "slug", "label" and a list of paper ids "papers"`;
    }
  }
  if (!Array.isArray(v.retired)) return '"retired" is not a list';
  for (const [k, t] of v.retired.entries()) {
    const r = t as Record<string, unknown>;
    const moved = r?.movedTo;
    const okMoved = Array.isArray(moved) && moved.every((m) => typeof m?.id === 'string' && typeof m?.share === 'number');
    if (typeof t !== 'object' || t === null || !base(r) || !okMoved) {
      return `retired[${k}] needs string "id", "slug", "label" and a list "movedTo" of { "id", "share" }`;
    }
  }
  const ids = [...v.topics, ...v.retired].map((t) => (t as { id: string }).id);
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup !== undefined) return `the id "${dup}" is used twice`;
  if (v.areas !== undefined) {
    const a = v.areas as Record<string, unknown> | null;
    const okAreas =
      typeof a === 'object' &&
      a !== null &&
      Array.isArray(a.areas) &&
      a.areas.every((t) => typeof t === 'object' && t !== null && base(t as Record<string, unknown>) && isStrings((t as Record<string, unknown>).topics)) &&
      Array.isArray(a.retired) &&
      a.retired.every((t) => typeof t === 'object' && t !== null && base(t as Record<string, unknown>) && Array.isArray((t as Record<string, unknown>).movedTo));
    if (!okAreas) return '"areas" needs lists "areas" (with string "id", "slug", "label" and "topics") and "retired"';
  }
  if (v.mapPlaces !== undefined) {
    const m = v.mapPlaces as Record<string, unknown> | null;
    const ok = typeof m === 'object' && m !== null && !Array.isArray(m) && Object.values(m).every((xy) => Array.isArray(xy) && xy.length === 2 && xy.every((c) => typeof c === 'number'));
    if (!ok) return '"mapPlaces" needs an object of topic id → [x, y]';
  }
  return null;
}

/** Parses the text of a state file; throws an Error saying what is wrong when it is not a valid state. */
export function parseTopicState(text: string, source = 'topics.json'): TopicState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message}); fix or delete the file (deleting it renumbers the topics)`);
  }
  const problem = stateError(value);
  if (problem !== null) throw new Error(`${source}: not a topic state file: ${problem}; fix or delete the file (deleting it renumbers the topics)`);
  return value as TopicState;
}

/** The state as readable, diff-friendly JSON text (2-space indent, one paper id per line, final newline). */
export function serializeTopicState(state: TopicState): string {
  const clean: TopicState = {
    version: state.version,
    topics: state.topics.map((t) => ({ id: t.id, slug: t.slug, label: t.label, ...(t.aliases?.length ? { aliases: t.aliases } : {}), papers: t.papers })),
    retired: state.retired.map(retiredEntry),
  };
  if (state.areas !== undefined) {
    clean.areas = {
      areas: state.areas.areas.map((a) => ({ id: a.id, slug: a.slug, label: a.label, ...(a.aliases?.length ? { aliases: a.aliases } : {}), topics: a.topics })),
      retired: state.areas.retired.map(retiredEntry),
    };
  }
  if (state.mapPlaces !== undefined) clean.mapPlaces = state.mapPlaces;
  // Places on one line each ("t01": [x, y]) rather than four.
  return `${JSON.stringify(clean, null, 2).replace(/\[\n\s+(-?[\d.e+-]+),\n\s+(-?[\d.e+-]+)\n\s+\]/g, '[$1, $2]')}\n`;
}

/** A retired topic or area with its fields in file order. */
function retiredEntry(t: RetiredTopic): RetiredTopic {
  return { id: t.id, slug: t.slug, label: t.label, ...(t.aliases?.length ? { aliases: t.aliases } : {}), movedTo: t.movedTo };
}
