/**
 * Stable area ids and URLs across rebuilds, by the same matching as topics (src/pipeline/topic-ids.ts): an area
 * continues the old area whose papers it mostly holds (or which mostly went to it), keeps its label while the
 * label's terms are still among its strongest, and every slug it ever had answers with a redirect page.
 * Areas are remembered by their topics' ids; their papers are read from the topics of the same state.
 */
import { assignTopicIds, topicRedirects, TOPIC_STATE_VERSION, type AreaState, type TopicRedirect, type TopicState } from './topic-ids.ts';

/** An area to name: its topics' ids, its papers and its freshly computed label and slug. */
export interface AreaCluster {
  topics: readonly string[];
  papers: readonly string[];
  label: string;
  slug: string;
  /** Names of the area's strongest terms (see `TopicCluster.labelTerms`). */
  labelTerms?: readonly string[];
}

/** The result of {@link assignAreaIds}: id, slug and label of each area in the order given, and the state to keep. */
export interface AreaIdAssignment {
  ids: string[];
  slugs: string[];
  labels: string[];
  state: AreaState;
}

/**
 * Names areas with stable ids (`a01`, …). `previous` is the whole previous state: its areas' papers are the
 * papers its topics had then.
 */
export function assignAreaIds(previous: TopicState | null, areas: readonly AreaCluster[]): AreaIdAssignment {
  const oldPapers = new Map((previous?.topics ?? []).map((t) => [t.id, t.papers]));
  const before: TopicState | null =
    previous?.areas === undefined
      ? null
      : {
          version: TOPIC_STATE_VERSION,
          topics: previous.areas.areas.map((a) => ({
            id: a.id,
            slug: a.slug,
            label: a.label,
            papers: a.topics.flatMap((t) => oldPapers.get(t) ?? []),
            ...(a.aliases ? { aliases: a.aliases } : {}),
          })),
          retired: previous.areas.retired,
        };
  const result = assignTopicIds(
    before,
    areas.map((a) => ({ papers: a.papers, label: a.label, slug: a.slug, ...(a.labelTerms ? { labelTerms: a.labelTerms } : {}) })),
    { prefix: 'a' },
  );
  const topicsOf = new Map(result.ids.map((id, i) => [id, [...(areas[i]?.topics ?? [])].sort()]));
  return {
    ids: result.ids,
    slugs: result.slugs,
    labels: result.labels,
    state: {
      areas: result.state.topics.map(({ papers: _papers, ...a }) => ({ ...a, topics: topicsOf.get(a.id) ?? [] })),
      retired: result.state.retired,
    },
  };
}

/** Every old area slug that answers with a redirect page (see {@link topicRedirects}); none without area state. */
export function areaRedirects(state: TopicState): TopicRedirect[] {
  if (state.areas === undefined) return [];
  return topicRedirects({
    version: TOPIC_STATE_VERSION,
    topics: state.areas.areas.map((a) => ({ ...a, papers: [] })),
    retired: state.areas.retired,
  });
}
