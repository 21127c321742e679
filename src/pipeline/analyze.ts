/**
 * The whole analysis, once per build: parse results → merge → key terms → paper vectors → topics
 * (with ids that persist across builds) → related papers → term co-occurrence → maps → what each
 * digest brought. Pure and deterministic: plain data in, plain data out.
 */
import { digestNames } from './digest-names';
import { mergeDigests } from './merge';
import { findPaperPhrases, finishTerms, prepareTerms, type PhraseTally, type TermExtraction, type TermPlan, type TokenMemo } from './terms';
import { knnGraph } from './vectors';
import { paperVectors, relatedPapers } from './related';
import { buildTopics } from './topics';
import { assignTopicIds, topicRedirects, type TopicRedirect, type TopicState } from './topic-ids';
import { corpusMap, topicMap, type CorpusMap } from './term-map';
import { analyseAreas, type AnalysedArea } from './area-stage';
import type { Corpus, DigestInfo, ParsedDigest, Paper, PaperAnalysis, Problem, Term, TermMap, Topic, WeightedTerm } from './types';

/** A paper with everything its page shows. */
export interface AnalysedPaper extends Omit<Paper, 'id'>, Omit<PaperAnalysis, 'terms'> {
  id: string;
  terms: (WeightedTerm & { label: string })[];
}

/** A digest with what it brought. */
export interface AnalysedDigest extends DigestInfo {
  /** Display name (see {@link digestNames}): the date label, made unique. */
  name: string;
  newPapers: string[];
  grownTopics: { topic: string; added: number }[];
  newTerms: string[];
}

/** A term with a page, and the terms most often used with it. */
export interface AnalysedTerm extends Term {
  cooccurring: { term: string; count: number }[];
}

/** A topic with its term map. */
export interface AnalysedTopic extends Topic {
  map: TermMap;
}

/** Corpus-wide facts and the corpus map. */
export interface CorpusSummary {
  digests: number;
  pairs: number;
  papers: number;
  duplicates: number;
  problems: Problem[];
  map: CorpusMap;
  /** The areas the topics are grouped in, largest first. */
  areas: AnalysedArea[];
}

/** Everything the site shows, as plain data. */
export interface SiteData {
  papers: AnalysedPaper[];
  digests: AnalysedDigest[];
  topics: AnalysedTopic[];
  terms: AnalysedTerm[];
  corpus: CorpusSummary;
  /** The topic-id memory to persist for the next build. */
  topicState: TopicState;
  /** Old topic URLs that now answer with a redirect page. */
  redirects: TopicRedirect[];
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** The topic-id memory of the previous build (null: number topics afresh). */
  previousTopics?: TopicState | null;
  /** Wraps each stage, e.g. to time it; must call `run` and return its result. */
  stage?: <T>(name: string, run: () => T) => T;
  /** Tokens of texts tokenized in earlier builds (see {@link TokenMemo}); the output is the same with or without it. */
  tokenMemo?: TokenMemo;
}

/** Neighbours per paper in the similarity graph that topics are clustered on. */
const KNN = 12;
/** Related papers shown per paper. */
const RELATED = 5;
/** A continuing topic keeps its label while the label's terms are among its this many strongest. */
const LABEL_TERMS = 8;
/** Most terms on the corpus map: its page stays within its weight budget whatever the corpus size. */
const CORPUS_MAP_NODES = 280;
/** Co-occurring terms listed on a term page. */
const COOCCURRING = 10;
/**
 * Papers a term needs for a page of its own. Two-paper terms are 40 % of all terms and mostly incidental
 * phrases; their pages would make up a third of a large site's pages while listing just two papers each. They
 * still count for the analysis (vectors, topics, maps) and still show as chips on their papers' pages.
 */
export const TERM_PAGE_MIN_PAPERS = 3;

const identity = <T>(_name: string, run: () => T): T => run();

/** Runs every stage of the analysis on parsed digests (given in arrival order). */
export function analyze(parsed: readonly ParsedDigest[], options: AnalyzeOptions = {}): SiteData {
  const start = beginAnalysis(parsed, options);
  const phrases = (options.stage ?? identity)('phrases', () => findPaperPhrases(start.plan, options.tokenMemo));
  return finishAnalysis(start, phrases, options);
}

/** The analysis up to its per-paper pass: the merged corpus and the corpus-wide part of the term extraction. */
export interface AnalysisStart {
  corpus: Corpus;
  /** Title/abstract pairs read (before merging). */
  pairs: number;
  /** What the per-paper pass needs ({@link TermPlan.setup}, {@link TermPlan.jobs}) and what the rest goes on with. */
  plan: TermPlan;
}

/**
 * The stages before the per-paper pass (tagging every title and abstract: most of the analysis). That pass
 * ({@link findPaperPhrases}, or `phraseFinder` per paper on other threads) gives what {@link finishAnalysis} needs.
 */
export function beginAnalysis(parsed: readonly ParsedDigest[], options: Pick<AnalyzeOptions, 'stage'> = {}): AnalysisStart {
  const stage = options.stage ?? identity;
  const corpus = stage('merge', () => mergeDigests(parsed));
  const plan = stage('term-forms', () => prepareTerms(corpus.papers));
  return { corpus, pairs: parsed.reduce((n, d) => n + d.entries.length, 0), plan };
}

/** Every stage after the per-paper pass: `phrases` has counted its result for every one of `start.plan.jobs`. */
export function finishAnalysis(start: AnalysisStart, phrases: PhraseTally, options: Omit<AnalyzeOptions, 'tokenMemo'> = {}): SiteData {
  const stage = options.stage ?? identity;
  const { corpus } = start;
  const extraction = stage('terms', () => finishTerms(start.plan, phrases));
  const vectors = stage('vectors', () => paperVectors(extraction));
  const knn = stage('knn', () => knnGraph(vectors, KNN));
  const clustered = stage('topics', () =>
    buildTopics({
      paperIds: extraction.paperIds,
      paperTermIds: extraction.paperIds.map((id) => extraction.occurrences[id] ?? []),
      knn,
      terms: extraction.terms,
    }),
  );
  // Every name of a term (a topic's label stays while its terms are among its strongest, whichever name it used).
  const termNames = new Map(extraction.terms.map((t) => [t.id, [t.label, t.acronym, t.longForm].filter((n): n is string => n !== undefined)]));
  const labelTerms = clustered.rankings.map((ranking) => ranking.slice(0, LABEL_TERMS).flatMap((t) => termNames.get(t.term) ?? [t.term]));
  const named = stage('topic-ids', () => persistTopicIds(clustered.topics, clustered.paperTopic, labelTerms, options.previousTopics ?? null));
  const areas = stage('areas', () => analyseAreas({ topics: named.topics, extraction, vectors, previous: options.previousTopics ?? null, labelTerms: LABEL_TERMS }));
  const related = stage('related', () => relatedPapers(extraction, vectors, RELATED));
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
  const terms = stage('term-pages', () => termPages(extraction));
  const paperTopic = new Map(extraction.paperIds.map((id, i) => [id, named.paperTopic[i] ?? '']));
  const papers = corpus.papers.map<AnalysedPaper>((p) => ({
    ...p,
    topic: paperTopic.get(p.id) ?? '',
    terms: (extraction.paperTerms[p.id] ?? []).map((t) => ({ ...t, label: termLabel(t.term) })),
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
      pairs: start.pairs,
      papers: corpus.papers.length,
      duplicates: corpus.duplicates,
      problems: corpus.problems,
      map: overview,
      areas: areas.areas,
    },
    topicState: { ...named.state, areas: areas.state },
    redirects: topicRedirects(named.state),
  };
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

/** Terms used by {@link TERM_PAGE_MIN_PAPERS} papers or more, each with the terms (with pages) it shares most papers with. */
function termPages(extraction: TermExtraction): AnalysedTerm[] {
  const withPage = extraction.terms.filter((term) => term.papers.length >= TERM_PAGE_MIN_PAPERS);
  // Terms with a page by index, and each paper's page terms as indices: the counts below run over every
  // (term, paper, other term) triple, so they use arrays, not maps keyed by strings.
  const index = new Map(withPage.map((term, i) => [term.id, i]));
  const pageTermsOf = new Map<string, Int32Array>();
  for (const [paper, ids] of Object.entries(extraction.occurrences)) {
    pageTermsOf.set(paper, Int32Array.from(ids.flatMap((id) => (index.has(id) ? [index.get(id) as number] : []))));
  }
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
    const entries = touched.map((other) => ({ id: (withPage[other] as Term).id, count: counts[other] as number }));
    for (const other of touched) counts[other] = 0;
    const cooccurring = entries
      .filter(({ count }) => count >= 2 || term.papers.length < 4)
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, COOCCURRING)
      .map(({ id, count }) => ({ term: id, count }));
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
    if (first !== undefined) termsByDigest.set(first, [...(termsByDigest.get(first) ?? []), term.id]);
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
