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
