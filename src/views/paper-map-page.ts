/**
 * The view of `/map/papers/`: the counts its lead gives, the controls' options (digests, topics by area), the
 * overview SVG that readers without JavaScript get (topic discs in their areas' colours, as links, and the area
 * names that fit, as links), the legend of area colours and the meta the browser's `<paper-map>` reads. Pure: the
 * paper map's data in, plain data out.
 */
import { mapColour } from '../client/paper-map-data';
import { siteUrls } from '../lib/links';
import { overviewLabels, type PaperMapMeta } from './paper-map';

/** Width of the overview SVG's viewBox; its height follows the map's aspect. */
const OVERVIEW_UNITS = 1000;
/** Most topic discs the overview draws (the largest): a large corpus has thousands of small topics, each a link. */
export const OVERVIEW_DISCS = 500;

/** Everything the paper map page shows. */
export interface PaperMapPageView {
  description: string;
  paperCount: string;
  topicCount: number;
  /** The areas with their colours (light and dark), as the map's key. */
  legend: { label: string; href: string; count: string; light: string; dark: string }[];
  /** Files the browser fetches. */
  files: { points: string; titles: string; ids: string; pagefind: string };
  total: number;
  digests: { label: string; value: string; first: boolean; last: boolean }[];
  /** Places to go to, by area (areas largest first), each area then its topics A–Z: value `a<index>` for an area, the topic's index in `meta.topics` for a topic. */
  places: { label: string; options: { value: string; text: string }[] }[];
  overview: {
    width: number;
    height: number;
    discs: { cx: number; cy: number; r: number; href: string; label: string; light: string; dark: string }[];
    labels: { x: number; y: number; href: string; text: string }[];
  };
  /** The meta as JSON for the page's script element (`<` escaped). */
  metaJson: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The view of the paper map page. */
export function paperMapPageView(meta: PaperMapMeta, topicCount: number, maxDiscs = OVERVIEW_DISCS): PaperMapPageView {
  const unit = OVERVIEW_UNITS / Math.max(meta.width, meta.height, 1);
  const scaled = (v: number) => Math.round(v * unit * 10) / 10;
  const labelled = new Set(overviewLabels(meta.areas, (16 * 0.55) / unit, 20 / unit));
  const last = meta.digests.length - 1;
  const byLabel = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text, 'en');
  const topicOption = (i: number) => ({ value: String(i), text: `${meta.topics[i]?.label ?? ''} (${fmt(meta.topics[i]?.count ?? 0)})` });
  const topicsOf = (area: number) => meta.topics.flatMap((t, i) => (t.area === area && t.count > 0 ? [topicOption(i)] : [])).sort(byLabel);
  const unplaced = topicsOf(-1);
  // The largest topics' discs, drawn in map order.
  const drawn = new Set(
    meta.topics
      .map((t, i) => ({ count: t.count, i }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count || a.i - b.i)
      .slice(0, maxDiscs)
      .map((t) => t.i),
  );
  return {
    description: `All ${fmt(meta.count)} papers on one map, placed by similarity and coloured by area.`,
    paperCount: fmt(meta.count),
    topicCount,
    legend: meta.areas
      .filter((a) => a.count > 0)
      .map((a) => ({ label: a.label, href: a.href, count: fmt(a.count), light: mapColour(a.colour, 0, false), dark: mapColour(a.colour, 0, true) })),
    files: {
      points: `${siteUrls.paperMap}points.bin`,
      titles: `${siteUrls.paperMap}titles/`,
      ids: `${siteUrls.paperMap}ids/`,
      pagefind: '/pagefind/pagefind.js',
    },
    total: meta.count,
    digests: meta.digests.map((label, i) => ({ label, value: String(i), first: i === 0, last: i === last })),
    places: [
      ...meta.areas.flatMap((a, k) => (a.count > 0 ? [{ label: a.label, options: [{ value: `a${k}`, text: `The whole area (${fmt(a.count)})` }, ...topicsOf(k)] }] : [])),
      ...(unplaced.length > 0 ? [{ label: 'In no area', options: unplaced }] : []),
    ],
    overview: {
      width: Math.max(1, Math.round(meta.width * unit)),
      height: Math.max(1, Math.round(meta.height * unit)),
      discs: meta.topics
        .filter((_, i) => drawn.has(i))
        .map((t) => ({
          cx: scaled(t.x),
          cy: scaled(t.y),
          r: Math.max(1, scaled(t.r)),
          href: t.href,
          label: `${t.label} (${fmt(t.count)} papers)`,
          light: mapColour(t.colour, t.shade, false),
          dark: mapColour(t.colour, t.shade, true),
        })),
      labels: meta.areas.flatMap((a, i) => (labelled.has(i) && a.count > 0 ? [{ x: scaled(a.x), y: scaled(a.y), href: a.href, text: a.label }] : [])),
    },
    metaJson: JSON.stringify(meta).replace(/</g, '\\u003c'),
  };
}
