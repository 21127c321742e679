/**
 * The areas stage of the analysis: groups the topics into areas ({@link buildAreas}), gives them persistent ids
 * ({@link assignAreaIds}) and draws each area's term map as topic maps are drawn. Pure.
 */
import { assignAreaIds } from './area-ids';
import { keptAreaGroups } from './area-keep';
import { buildAreas, type Area } from './areas';
import { topicMap } from './term-map';
import type { AreaState, TopicState } from './topic-ids';
import type { ClassTerm } from './topic-labels';
import type { TermExtraction } from './terms';
import type { TermMap, Topic } from './types';
import type { SparseVector } from './vectors';

/** An area with its persistent id and its term map. */
export interface AnalysedArea extends Area {
  map: TermMap;
}

/** Input of {@link analyseAreas}. */
export interface AreaStageInput {
  /** Topics with their persistent ids. */
  topics: readonly Topic[];
  extraction: TermExtraction;
  /** Paper vectors in `extraction.paperIds` order. */
  vectors: readonly SparseVector[];
  /** The state of the previous build (its topics and areas). */
  previous: TopicState | null;
  /** An area keeps its label while its terms are among its this many strongest. */
  labelTerms: number;
}

/** Areas with persistent ids, slugs and labels and their maps, their c-TF-IDF rankings, and the area state to keep. */
export function analyseAreas(input: AreaStageInput): { areas: AnalysedArea[]; rankings: ClassTerm[][]; state: AreaState } {
  const { extraction } = input;
  const paperTermIds = extraction.paperIds.map((id) => extraction.occurrences[id] ?? []);
  const keep = keptAreaGroups(input.previous, input.topics);
  const grouped = buildAreas(
    { topics: input.topics, paperIds: extraction.paperIds, vectors: input.vectors, paperTermIds, terms: extraction.terms },
    keep === null ? {} : { keep },
  );
  const termInfo = new Map(extraction.terms.map((t) => [t.id, t]));
  const names = (id: string) => {
    const t = termInfo.get(id);
    return t ? [t.label, t.acronym, t.longForm].filter((n): n is string => n !== undefined) : [id];
  };
  const assignment = assignAreaIds(
    input.previous,
    grouped.areas.map((area, a) => ({
      topics: area.topics,
      papers: (grouped.papers[a] ?? []).map((p) => extraction.paperIds[p] ?? ''),
      label: area.label,
      slug: area.slug,
      labelTerms: (grouped.rankings[a] ?? []).slice(0, input.labelTerms).flatMap((t) => names(t.term)),
    })),
  );
  const rename = new Map(grouped.areas.map((area, a) => [area.id, assignment.ids[a] ?? area.id]));
  const scores = new Map(extraction.terms.map((t) => [t.id, t.score]));
  const label = (id: string) => termInfo.get(id)?.label ?? id;
  const areas = grouped.areas.map<AnalysedArea>((area, a) => ({
    ...area,
    id: assignment.ids[a] ?? area.id,
    slug: assignment.slugs[a] ?? area.slug,
    label: assignment.labels[a] ?? area.label,
    nearest: area.nearest.map((id) => rename.get(id) ?? id),
    map: topicMap(
      (grouped.papers[a] ?? []).map((p) => paperTermIds[p] ?? []),
      grouped.rankings[a] ?? [],
      label,
      { termScore: (id) => scores.get(id) },
    ),
  }));
  return { areas, rankings: grouped.rankings, state: assignment.state };
}
