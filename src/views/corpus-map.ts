/** The view of the corpus map page: the strongest terms of every topic, coloured by topic, each topic's name at its centre. */
import { siteUrls, topicUrl } from '../lib/links';
import type { Site } from '../lib/site-data';
import { termMapView, type MapGroup, type MapPlace, type TermMapView } from './term-map';

/** Everything the corpus map page shows. */
export interface CorpusMapView {
  description: string;
  topicCount: number;
  termCount: number;
  paperCount: number;
  map: TermMapView;
}

/** The view of the corpus map page. */
export function corpusMapView(site: Site): CorpusMapView {
  const { centres, ...map } = site.corpus.map;
  // `centres` lists the topics in cluster order: centres[i] is the topic whose terms have `cluster` i (the
  // pipeline's topic order, which need not be id order once ids are persisted).
  const clusterOf = new Map(centres.map((c, i) => [c.topic, i]));
  const topics = [...site.topics].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: MapGroup[] = topics.flatMap((t) => {
    const cluster = clusterOf.get(t.id);
    return cluster === undefined ? [] : [{ cluster, label: t.data.label, href: topicUrl(t.data.slug), count: t.data.papers.length }];
  });
  const places: MapPlace[] = centres.flatMap((c) => {
    const topic = site.topicById.get(c.topic);
    const cluster = clusterOf.get(c.topic);
    if (!topic || cluster === undefined) return [];
    return [{ x: c.x, y: c.y, label: topic.data.label, href: topicUrl(topic.data.slug), cluster, priority: topic.data.papers.length }];
  });
  return {
    description: `The key terms of all ${site.topics.length} topics on one map, coloured by topic.`,
    topicCount: site.topics.length,
    termCount: map.nodes.length,
    paperCount: site.papers.length,
    map: termMapView({
      map,
      slugs: Object.fromEntries(map.nodes.map((n) => [n.term, site.termById.get(n.term)?.data.slug ?? null])),
      label: 'Key terms of all topics',
      download: siteUrls.topicsJson,
      groups,
      places,
      groupNoun: 'Topic',
    }),
  };
}
