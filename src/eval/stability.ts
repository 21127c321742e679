/**
 * How stable the topics stay when digests arrive: compares a build's topics with the state of the build before
 * (paper → topic id, and each topic's id, label and slug). Pure.
 */
import type { TopicState } from '../pipeline/topic-ids';

/** A build's topics as {@link topicStability} reads them (a SiteData fits). */
export interface BuiltTopics {
  topics: readonly { id: string; slug: string; label: string; papers: readonly string[] }[];
}

/** What changed between the previous state and a build. */
export interface TopicStability {
  /** Papers of the previous topics that are still in the corpus. */
  existing: number;
  /** Of those, the share now in a topic with another id. */
  movedShare: number;
  /** Topics of the previous state. */
  previousTopics: number;
  /** Topics of the build. */
  topics: number;
  /** Share of the previous topics that keep their id, label and slug (so their URL). */
  keptShare: number;
}

/** Compares a build's topics with the previous state (see {@link TopicStability}). */
export function topicStability(previous: TopicState, built: BuiltTopics): TopicStability {
  const now = new Map<string, string>();
  for (const t of built.topics) for (const p of t.papers) now.set(p, t.id);
  let existing = 0;
  let moved = 0;
  for (const t of previous.topics) {
    for (const p of t.papers) {
      const id = now.get(p);
      if (id === undefined) continue;
      existing += 1;
      if (id !== t.id) moved += 1;
    }
  }
  const byId = new Map(built.topics.map((t) => [t.id, t]));
  const kept = previous.topics.filter((t) => byId.get(t.id)?.label === t.label && byId.get(t.id)?.slug === t.slug).length;
  return {
    existing,
    movedShare: existing === 0 ? 0 : moved / existing,
    previousTopics: previous.topics.length,
    topics: built.topics.length,
    keptShare: previous.topics.length === 0 ? 1 : kept / previous.topics.length,
  };
}

/** How the topics changed from one build's state to the next (one digest step of a long run). */
export interface TopicChanges {
  /** New ids whose papers mostly were already in the corpus: parts split off existing topics. */
  split: number;
  /** New ids whose papers mostly are new to the corpus: topics created from new papers. */
  created: number;
  /** Previous ids that are gone while most of their papers are still in the corpus (merged into others). */
  merged: number;
  /** Previous ids that continue with another label or slug. */
  relabelled: number;
}

/** Classifies what changed between two states (see {@link TopicChanges}); pure. */
export function topicChanges(previous: TopicState, built: BuiltTopics): TopicChanges {
  const before = new Set(previous.topics.flatMap((t) => t.papers));
  const now = new Set(built.topics.flatMap((t) => t.papers));
  const oldById = new Map(previous.topics.map((t) => [t.id, t]));
  const newIds = new Set(built.topics.map((t) => t.id));
  let split = 0;
  let created = 0;
  let relabelled = 0;
  for (const t of built.topics) {
    const old = oldById.get(t.id);
    if (old !== undefined) {
      if (old.label !== t.label || old.slug !== t.slug) relabelled += 1;
      continue;
    }
    const existing = t.papers.filter((p) => before.has(p)).length;
    if (2 * existing > t.papers.length) split += 1;
    else created += 1;
  }
  const merged = previous.topics.filter((t) => !newIds.has(t.id) && 2 * t.papers.filter((p) => now.has(p)).length > t.papers.length).length;
  return { split, created, merged, relabelled };
}

/** Topic sizes summarised against the wanted leaf range (the roughly 20–300 papers). */
export interface SizeSummary {
  topics: number;
  smallest: number;
  largest: number;
  median: number;
  /** Share of the papers in topics over `range[1]`. */
  overShare: number;
  /** Share of the papers in topics under `range[0]`. */
  underShare: number;
}

/** Summarises topic sizes against a [smallest, largest] range; pure. */
export function sizeSummary(sizes: readonly number[], range: readonly [number, number]): SizeSummary {
  const sorted = [...sizes].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  const share = (keep: (x: number) => boolean): number => (total === 0 ? 0 : sorted.filter(keep).reduce((s, x) => s + x, 0) / total);
  const mid = sorted.length >> 1;
  return {
    topics: sorted.length,
    smallest: sorted[0] ?? 0,
    largest: sorted[sorted.length - 1] ?? 0,
    median: sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2,
    overShare: share((x) => x > range[1]),
    underShare: share((x) => x < range[0]),
  };
}
