/**
 * The view of `/map/papers/`: the counts its lead gives, the controls' options (digests, topics), the overview SVG
 * that readers without JavaScript get (topic discs and the names that fit, as links) and the meta the browser's
 * `<paper-map>` reads. Pure: the paper map's data in, plain data out.
 */
import { MAP_COLOURS_DARK, MAP_COLOURS_LIGHT } from '../client/paper-map-data';
import { siteUrls } from '../lib/links';
import { MAP_PALETTE_SIZE, overviewLabels, type PaperMapMeta } from './paper-map';

/** Width of the overview SVG's viewBox; its height follows the map's aspect. */
const OVERVIEW_UNITS = 1000;

/** Everything the paper map page shows. */
export interface PaperMapPageView {
  description: string;
  paperCount: string;
  topicCount: number;
  /** The topics' colours, light and dark, as CSS custom properties on the map's element. */
  palette: string;
  /** Files the browser fetches. */
  files: { points: string; titles: string; ids: string; pagefind: string };
  total: number;
  digests: { label: string; value: string; first: boolean; last: boolean }[];
  /** Topics to go to, A–Z: value is the topic's index in `meta.topics`. */
  topics: { value: string; text: string }[];
  overview: {
    width: number;
    height: number;
    discs: { cx: number; cy: number; r: number; href: string; label: string; colour: number }[];
    labels: { x: number; y: number; href: string; text: string }[];
  };
  /** The meta as JSON for the page's script element (`<` escaped). */
  metaJson: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The view of the paper map page. */
export function paperMapPageView(meta: PaperMapMeta, topicCount: number): PaperMapPageView {
  const unit = OVERVIEW_UNITS / Math.max(meta.width, meta.height, 1);
  const scaled = (v: number) => Math.round(v * unit * 10) / 10;
  const labelled = new Set(overviewLabels(meta.topics, (16 * 0.55) / unit, 20 / unit));
  const last = meta.digests.length - 1;
  return {
    description: `All ${fmt(meta.count)} papers on one map, placed by similarity and coloured by topic.`,
    paperCount: fmt(meta.count),
    topicCount,
    palette: Array.from({ length: MAP_PALETTE_SIZE }, (_, i) => `--pm-c${i}: ${MAP_COLOURS_LIGHT[i]}; --pm-d${i}: ${MAP_COLOURS_DARK[i]};`).join(' '),
    files: {
      points: `${siteUrls.paperMap}points.bin`,
      titles: `${siteUrls.paperMap}titles/`,
      ids: `${siteUrls.paperMap}ids/`,
      pagefind: '/pagefind/pagefind.js',
    },
    total: meta.count,
    digests: meta.digests.map((label, i) => ({ label, value: String(i), first: i === 0, last: i === last })),
    topics: meta.topics
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.count > 0)
      .sort((a, b) => a.t.label.localeCompare(b.t.label, 'en'))
      .map(({ t, i }) => ({ value: String(i), text: `${t.label} (${fmt(t.count)})` })),
    overview: {
      width: Math.max(1, Math.round(meta.width * unit)),
      height: Math.max(1, Math.round(meta.height * unit)),
      discs: meta.topics
        .filter((t) => t.count > 0)
        .map((t) => ({ cx: scaled(t.x), cy: scaled(t.y), r: Math.max(1, scaled(t.r)), href: t.href, label: `${t.label} (${fmt(t.count)} papers)`, colour: t.colour })),
      labels: meta.topics.flatMap((t, i) => (labelled.has(i) && t.count > 0 ? [{ x: scaled(t.x), y: scaled(t.y), href: t.href, text: t.label }] : [])),
    },
    metaJson: JSON.stringify(meta).replace(/</g, '\\u003c'),
  };
}
