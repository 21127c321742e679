/**
 * The whole analysis, once per build: parse results → merge → key terms → paper vectors → topics
 * (with ids that persist across builds) → related papers → term co-occurrence → maps → what each
 * digest brought. With the previous build's lists, each paper keeps its related papers and key terms unless the
 * change is clear (carried-lists.ts). Pure and deterministic: plain data in, plain data out.
 */
import { digestNames } from './digest-names';
import { mergeDigests } from './merge';
import { DEFAULT_POLICY, type AnalysisPolicy } from './policy';
import type { AfterPass, PerPaperPass } from './paper-pass';
import { extractTerms, type TermExtraction } from './terms';
import { blendedKnnGraph, lsaVectors, type DenseVectors } from './semantic';
import { lsaInput, paperVectors, relatedPapers } from './related';
import { rareTitleWords } from './title-words';
import { wordEmbeddingVectors } from './word-embedding';
import { buildTopics, type KnnEdge } from './topics';
import { canUpdate, updateOptions, updateTopics } from './topic-update';
import { assignTopicIds, topicRedirects, type TopicState } from './topic-ids';
import { corpusMap, topicMap } from './term-map';
import { paperLayout } from './paper-layout';
import type { AnalysedDigest, AnalysedPaper, AnalysedTerm, SiteData } from './site-data';
import type { Corpus, ParsedDigest, Term, TermMap, Topic } from './types';
import { analyseAreas } from './area-stage';
import { CANDIDATE_FACTOR, carryRelated, carryTerms, listStateOf, type ListState } from './carried-lists';

export type { AnalysedDigest, AnalysedPaper, AnalysedTerm, AnalysedTopic, CorpusSummary, SiteData } from './site-data';

/** Options of {@link analyze}; `R`: what the per-paper pass gives (nothing, or a promise). */
export interface AnalyzeOptions<R extends void | Promise<void> = void | Promise<void>> {
  /** The topic-id memory of the previous build (null: number topics afresh). */
  previousTopics?: TopicState | null;
  /**
   * The related papers and key terms the previous build showed per paper (carried-lists.ts): papers keep them
   * unless the change is clear; null or absent: fresh lists.
   */
  previousLists?: ListState | null;
  /** Wraps each stage, e.g. to time it; must call `run` and return its result (the per-paper pass's may be a promise). */
  stage?: <T>(name: string, run: () => T) => T;
  /**
   * Runs the per-paper pass (tagging every title and abstract: most of a cold analysis); default: on this
   * thread, tokenizing every text (`inProcessPass()`; give `inProcessPass(memo)` to reuse tokens of earlier
   * builds). A pass that gives a promise (worker processes) makes the analysis give one. The output is the same
   * whichever pass runs.
   */
  perPaper?: PerPaperPass<R>;
  /** How much of each list is kept and which terms get a page (default {@link DEFAULT_POLICY}). */
  policy?: AnalysisPolicy;
  /**
   * With a previous state: `update` (default) keeps its topics and places new papers (topic-update.ts), `recluster`
   * clusters the whole corpus afresh and only carries ids and labels across (for comparisons).
   */
  topics?: 'update' | 'recluster';
}

/** Neighbours per paper in the similarity graph that topics are clustered on. */
const KNN = 8;
/** How many times the policy's `labelTerms` an updated topic's label terms may rank within for the label to stay. */
const UPDATED_LABEL_WINDOW = 4;
/** Key terms per paper (extractTerms' default). */
const PAPER_TERMS = 12;
/** Most terms on the corpus map: its page stays within its weight budget whatever the corpus size. */
const CORPUS_MAP_NODES = 280;

const identity = <T>(_name: string, run: () => T): T => run();

/** Runs every stage of the analysis on parsed digests (given in arrival order); a promise when the per-paper pass gives one. */
export function analyze<R extends void | Promise<void> = void>(parsed: readonly ParsedDigest[], options?: AnalyzeOptions<R>): AfterPass<R, SiteData>;
export function analyze(parsed: readonly ParsedDigest[], options: AnalyzeOptions = {}): SiteData | Promise<SiteData> {
  const stage = options.stage ?? identity;
  const corpus = stage('merge', () => mergeDigests(parsed));
  const pairs = parsed.reduce((n, d) => n + d.entries.length, 0);
  // With previous lists, each paper's key terms get spare candidates, so a kept term that ranks a little lower stays.
  const spareTerms = options.previousLists ? PAPER_TERMS * (CANDIDATE_FACTOR - 1) : 0;
  const extraction = extractTerms<void | Promise<void>>(corpus.papers, { perPaper: options.perPaper, stage, maxPaperTerms: PAPER_TERMS, spareTerms });
  const rest = (terms: TermExtraction): SiteData => analyzeTerms(corpus, pairs, terms, options);
  return extraction instanceof Promise ? extraction.then(rest) : rest(extraction);
}

/** Every stage after the term extraction: vectors, topics, related papers, maps, term pages, digest news. */
function analyzeTerms(corpus: Corpus, pairs: number, extraction: TermExtraction, options: AnalyzeOptions): SiteData {
  const stage = options.stage ?? identity;
  const policy = options.policy ?? DEFAULT_POLICY;
  const vectors = stage('vectors', () => paperVectors(extraction));
  const semantic = stage('lsa', () => lsaVectors(lsaInput(extraction)));
  // Corpus-trained word embeddings: in the similarity graph (topics) and in related papers' score.
  const embedding = stage('word-embedding', () => wordEmbeddingVectors(vectors));
  const knn = stage('knn', () => blendedKnnGraph(vectors, semantic, KNN, embedding));
  const previous = options.previousTopics ?? null;
  const groups =
    previous !== null && options.topics !== 'recluster'
      ? stage('topic-update', () => updatedGroups(extraction.paperIds, knn, semantic, previous))
      : undefined;
  const clustered = stage('topics', () =>
    buildTopics({
      ...(groups === undefined ? {} : { groups }),
      dense: semantic,
      paperIds: extraction.paperIds,
      paperTermIds: extraction.paperIds.map((id) => extraction.occurrences[id] ?? []),
      knn,
      terms: extraction.terms,
      shownTermIds: extraction.paperIds.map((id) => (extraction.paperTerms[id] ?? []).map((t) => t.term)),
    }),
  );
  // Every name of a term (a topic's label stays while its terms are among its strongest, whichever name it used).
  const termNames = new Map(extraction.terms.map((t) => [t.id, [t.label, t.acronym, t.longForm].filter((n): n is string => n !== undefined)]));
  // Updated topics (not re-clustered) keep their label while its terms stay within four times the window: a topic that
  // only gained a few papers keeps its name and URL. Areas, kept with the topics (area-keep.ts), likewise.
  const keepWithin = groups === undefined ? policy.labelTerms : UPDATED_LABEL_WINDOW * policy.labelTerms;
  const labelTerms = clustered.rankings.map((ranking) => ranking.slice(0, keepWithin).flatMap((t) => termNames.get(t.term) ?? [t.term]));
  const named = stage('topic-ids', () => persistTopicIds(clustered.topics, clustered.paperTopic, labelTerms, options.previousTopics ?? null));
  const areas = stage('areas', () => analyseAreas({ topics: named.topics, extraction, vectors, previous: options.previousTopics ?? null, labelTerms: keepWithin }));
  const previousLists = options.previousLists ?? null;
  const related = stage('related', () => {
    const byId = new Map(corpus.papers.map((p) => [p.id, p]));
    const titleWords = rareTitleWords(extraction.paperIds.map((id) => byId.get(id) ?? { title: '', abstract: '' }));
    // Fresh lists with no previous ones; else more candidates, and each paper keeps its list unless the change is clear.
    if (previousLists === null) return relatedPapers(extraction, vectors, policy.relatedPapers, { semantic, titleWords, embedding });
    const candidates = relatedPapers(extraction, vectors, CANDIDATE_FACTOR * policy.relatedPapers, { semantic, titleWords, embedding });
    return carryRelated(candidates, previousLists, policy.relatedPapers);
  });
  const paperTerms =
    previousLists === null || extraction.paperTermCandidates === undefined
      ? extraction.paperTerms
      : stage('paper-terms', () => carryTerms(extraction.paperTermCandidates ?? {}, previousLists, PAPER_TERMS));
  const termLabel = labeller(extraction);
  const scores = new Map(extraction.terms.map((t) => [t.id, t.score]));
  const termScore = (id: string) => scores.get(id);
  const maps = stage('maps', () => topicMaps(named.topics, clustered.rankings, extraction, termLabel, termScore));
  // The corpus map's regions are the areas (a few broad groups, not dozens of topics), with the same node budget at any size.
  const overview = stage('corpus-map', () =>
    corpusMap(
      areas.areas.map((a, i) => ({ id: a.id, label: a.label, ranking: areas.rankings[i] ?? [] })),
      extraction.paperIds.map((id) => extraction.occurrences[id] ?? []),
      termLabel,
      { termScore, maxNodes: CORPUS_MAP_NODES, perTopic: [6, 40] },
    ),
  );
  const previousPlaces = options.previousTopics?.mapPlaces ? { topics: options.previousTopics.topics, places: options.previousTopics.mapPlaces } : null;
  const areaOf = new Map(areas.areas.flatMap((a) => a.topics.map((t) => [t, a.id] as const)));
  const paperMap = stage('paper-map', () =>
    paperLayout(
      extraction.paperIds,
      knn,
      named.topics.map((t) => ({ id: t.id, papers: t.papers, area: areaOf.get(t.id) })),
      { previous: previousPlaces },
    ),
  );
  const terms = stage('term-pages', () => termPages(extraction, policy));
  const paperTopic = new Map(extraction.paperIds.map((id, i) => [id, named.paperTopic[i] ?? '']));
  const papers = corpus.papers.map<AnalysedPaper>((p) => ({
    ...p,
    topic: paperTopic.get(p.id) ?? '',
    terms: (paperTerms[p.id] ?? []).map((t) => ({ ...t, label: termLabel(t.term) })),
    related: related[p.id] ?? [],
  }));
  const digests = stage('digest-news', () => digestNews(corpus, paperTopic, terms));
  return {
    papers,
    digests,
    topics: named.topics.map((t, i) => ({ ...t, map: maps[i] as TermMap })),
    terms,
    corpus: {
      digests: corpus.digests.length,
      pairs,
      papers: corpus.papers.length,
      duplicates: corpus.duplicates,
      problems: corpus.problems,
      map: overview,
      paperMap,
      areas: areas.areas,
    },
    topicState: { ...named.state, areas: areas.state, mapPlaces: discPlaces(paperMap.topics) },
    listState: listStateOf(papers),
    redirects: topicRedirects(named.state),
  };
}

/** The previous topics updated with this corpus (topic-update.ts), or undefined when the state covers too little of it to update. */
function updatedGroups(paperIds: readonly string[], knn: readonly KnnEdge[], semantic: DenseVectors, previous: TopicState): number[][] | undefined {
  const papers = previous.topics.map((t) => t.papers);
  if (!canUpdate(paperIds, papers)) return undefined;
  return updateTopics({ paperIds, knn, dense: semantic, previous: papers }, updateOptions(paperIds.length)).groups;
}

/** Where each topic's disc sits on the paper map (topic id → [x, y]; '' for the papers of no topic), for the next build to start from. */
function discPlaces(discs: readonly { topic: string; x: number; y: number }[]): Record<string, [number, number]> {
  return Object.fromEntries(discs.map((d) => [d.topic, [d.x, d.y]]));
}

/** Display label of a term id: the corpus term's label, or the id itself for a single-paper term. */
function labeller(extraction: TermExtraction): (id: string) => string {
  const labels = new Map(extraction.terms.map((t) => [t.id, t.label]));
  return (id) => labels.get(id) ?? id;
}

/** Gives the clusters their persistent ids, slugs and labels, and rewrites paper and neighbour references. */
function persistTopicIds(topics: readonly Topic[], paperTopic: readonly string[], labelTerms: readonly string[][], previous: TopicState | null) {
  const assignment = assignTopicIds(
    previous,
    topics.map((t, i) => ({ papers: t.papers, label: t.label, slug: t.slug, labelTerms: labelTerms[i] ?? [] })),
  );
  const rename = new Map(topics.map((t, i) => [t.id, assignment.ids[i] ?? t.id]));
  const renamed = topics.map<Topic>((t, i) => ({
    ...t,
    id: assignment.ids[i] ?? t.id,
    slug: assignment.slugs[i] ?? t.slug,
    label: assignment.labels[i] ?? t.label,
    nearest: t.nearest.map((id) => rename.get(id) ?? id),
  }));
  return {
    topics: renamed,
    paperTopic: paperTopic.map((id) => rename.get(id) ?? id),
    state: assignment.state,
  };
}

/** The term map of every topic, in the order of `topics`. */
function topicMaps(
  topics: readonly Topic[],
  rankings: TopicsRankings,
  extraction: TermExtraction,
  label: (id: string) => string,
  termScore: (id: string) => number | undefined,
): TermMap[] {
  return topics.map((topic, i) =>
    topicMap(
      topic.papers.map((id) => extraction.occurrences[id] ?? []),
      rankings[i] ?? [],
      label,
      { termScore },
    ),
  );
}
type TopicsRankings = ReturnType<typeof buildTopics>['rankings'];

/** Terms used by the policy's `termPageMinPapers` papers or more, each with the terms (with pages) it shares most papers with. */
function termPages(extraction: TermExtraction, policy: AnalysisPolicy): AnalysedTerm[] {
  const withPage = extraction.terms.filter((term) => term.papers.length >= policy.termPageMinPapers);
  // Terms with a page by index, and each paper's page terms as indices: the counts below run over every
  // (term, paper, other term) triple, so they use arrays, not maps keyed by strings.
  const index = new Map(withPage.map((term, i) => [term.id, i]));
  const pageTermsOf = new Map<string, Int32Array>();
  for (const [paper, ids] of Object.entries(extraction.occurrences)) {
    const found: number[] = [];
    for (const id of ids) {
      const i = index.get(id);
      if (i !== undefined) found.push(i);
    }
    pageTermsOf.set(paper, Int32Array.from(found));
  }
  // Each term's place in code-unit order of the ids: ties in count are broken by comparing these, not the strings.
  const idRank = new Int32Array(withPage.length);
  withPage
    .map((term, i) => ({ id: term.id, i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ i }, rank) => (idRank[i] = rank));
  const counts = new Int32Array(withPage.length);
  return withPage.map((term, self) => {
    const touched: number[] = [];
    for (const paper of term.papers) {
      for (const other of pageTermsOf.get(paper) ?? []) {
        if (other === self) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other] = (counts[other] as number) + 1;
      }
    }
    const minCount = term.papers.length < 4 ? 1 : 2;
    const kept = touched.filter((other) => (counts[other] as number) >= minCount);
    kept.sort((a, b) => (counts[b] as number) - (counts[a] as number) || (idRank[a] as number) - (idRank[b] as number));
    const cooccurring = kept.slice(0, policy.cooccurringTerms).map((other) => ({ term: (withPage[other] as Term).id, count: counts[other] as number }));
    for (const other of touched) counts[other] = 0;
    return { ...term, cooccurring };
  });
}

/** What each digest brought: papers first seen there, topics that gained them, terms first used there. */
function digestNews(corpus: Corpus, paperTopic: ReadonlyMap<string, string>, terms: readonly Term[]): AnalysedDigest[] {
  const order = new Map(corpus.digests.map((d) => [d.id, d.order]));
  const firstDigest = new Map<string, string>();
  for (const p of corpus.papers) {
    const first = p.appearances[0];
    if (first) firstDigest.set(p.id, first.digest);
  }
  const termsByDigest = new Map<string, string[]>();
  for (const term of terms) {
    let first: string | undefined;
    for (const paper of term.papers) {
      const d = firstDigest.get(paper);
      if (d !== undefined && (first === undefined || (order.get(d) ?? 0) < (order.get(first) ?? 0))) first = d;
    }
    if (first === undefined) continue;
    // Appended in place: copying the list for every term made this quadratic in the terms of one digest.
    const list = termsByDigest.get(first);
    if (list) list.push(term.id);
    else termsByDigest.set(first, [term.id]);
  }
  const names = digestNames(corpus.digests);
  return corpus.digests.map((d, i) => {
    const newPapers = d.papers.filter((id) => firstDigest.get(id) === d.id);
    const grown = new Map<string, number>();
    for (const id of newPapers) {
      const topic = paperTopic.get(id);
      if (topic) grown.set(topic, (grown.get(topic) ?? 0) + 1);
    }
    return {
      ...d,
      name: names[i] ?? d.id,
      newPapers,
      grownTopics: [...grown]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([topic, added]) => ({ topic, added })),
      // Terms arrive in score order (extractTerms sorts by score), so the most telling come first.
      newTerms: d.order === 0 ? [] : (termsByDigest.get(d.id) ?? []),
    };
  });
}
