/** The view of the corpus map page: the strongest terms of every area, coloured by area, each area's name at its centre. */
import { areaUrl, siteUrls } from '../lib/links';
import type { Site } from '../lib/site-data';
import { termMapView, type MapGroup, type MapPlace, type TermMapView } from './term-map';

/** Everything the corpus map page shows. */
export interface CorpusMapView {
  description: string;
  areaCount: number;
  topicCount: number;
  termCount: number;
  paperCount: number;
  map: TermMapView;
}

/** The view of the corpus map page. */
export function corpusMapView(site: Site): CorpusMapView {
  const { centres, ...map } = site.corpus.map;
  // `centres` lists the areas in cluster order: centres[i] is the area whose terms have `cluster` i.
  const clusterOf = new Map(centres.map((c, i) => [c.topic, i]));
  const areas = [...site.areas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: MapGroup[] = areas.flatMap((a) => {
    const cluster = clusterOf.get(a.id);
    return cluster === undefined ? [] : [{ cluster, label: a.label, href: areaUrl(a.slug), count: a.size }];
  });
  const places: MapPlace[] = centres.flatMap((c) => {
    const area = site.areaById.get(c.topic);
    const cluster = clusterOf.get(c.topic);
    if (!area || cluster === undefined) return [];
    return [{ x: c.x, y: c.y, label: area.label, href: areaUrl(area.slug), cluster, priority: area.size }];
  });
  return {
    description: `The key terms of all ${site.areas.length} areas (${site.topics.length} topics) on one map, coloured by area.`,
    areaCount: site.areas.length,
    topicCount: site.topics.length,
    termCount: map.nodes.length,
    paperCount: site.papers.length,
    map: termMapView({
      map,
      slugs: Object.fromEntries(map.nodes.map((n) => [n.term, site.termById.get(n.term)?.data.slug ?? null])),
      label: 'Key terms of all areas',
      download: siteUrls.areasJson,
      groups,
      places,
      groupNoun: 'Area',
    }),
  };
}
