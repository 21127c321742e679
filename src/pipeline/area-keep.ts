/**
 * Areas that hold still when a digest arrives. With the previous build's areas at hand, each topic stays in the area
 * it was in; a topic the update split off or created joins the area that held most of its papers' previous topics
 * (one with none of its papers seen before is left to the nearest area centroid, in `buildAreas`). The areas are
 * grouped afresh only when the kept grouping no longer fits the corpus: too few or too many areas for the topic
 * count, one area past the share cap, or topics that kept their previous id holding under half the papers (the
 * topics were clustered afresh). Pure and deterministic.
 */
import { areaCount, areaShareCap, type AreaTopic } from './areas';
import type { TopicState } from './topic-ids';

/** The kept grouping may drift this far from {@link areaCount} (as a ratio either way) before the areas are regrouped. */
export const AREA_COUNT_SLACK = 1.34;

/** An area may grow to this multiple of the share cap of a fresh grouping before the areas are regrouped. */
export const AREA_SHARE_SLACK = 1.5;

/**
 * The previous build's areas as groups of the current topic ids (areas in the previous state's order, topics in the
 * given order), or null when the areas should be grouped afresh (see the module comment). Topics with no paper in a
 * previous area are left out of every group.
 */
export function keptAreaGroups(previous: TopicState | null, topics: readonly AreaTopic[]): string[][] | null {
  const areas = previous?.areas?.areas;
  if (areas === undefined || areas.length === 0 || topics.length === 0) return null;
  const areaOfTopic = new Map(areas.flatMap((a, i) => a.topics.map((t) => [t, i] as const)));
  const areaOfPaper = new Map<string, number>();
  for (const t of previous?.topics ?? []) {
    const area = areaOfTopic.get(t.id);
    if (area !== undefined) for (const p of t.papers) areaOfPaper.set(p, area);
  }
  const groups: string[][] = areas.map(() => []);
  const sizes = areas.map(() => 0);
  let covered = 0;
  let total = 0;
  for (const topic of topics) {
    total += topic.papers.length;
    // Its own area if it had one, else the area most of its papers were in (ties: the earlier area).
    let area = areaOfTopic.get(topic.id);
    if (area === undefined) {
      const votes = areas.map(() => 0);
      for (const p of topic.papers) {
        const a = areaOfPaper.get(p);
        if (a !== undefined) votes[a] = (votes[a] as number) + 1;
      }
      const best = Math.max(...votes);
      area = best > 0 ? votes.indexOf(best) : undefined;
    }
    if (areaOfTopic.has(topic.id)) covered += topic.papers.length;
    if (area === undefined) continue;
    groups[area]?.push(topic.id);
    sizes[area] = (sizes[area] as number) + topic.papers.length;
  }
  const kept = groups.filter((g) => g.length > 0);
  const count = areaCount(topics.length);
  if (covered * 2 < total) return null;
  if (kept.length * AREA_COUNT_SLACK < count || kept.length > count * AREA_COUNT_SLACK) return null;
  if (Math.max(...sizes) > AREA_SHARE_SLACK * areaShareCap(count) * total) return null;
  return kept;
}
