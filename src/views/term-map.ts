/**
 * The view of a term co-occurrence map (TermMap.astro): the laid-out SVG's links, nodes and place labels with
 * their first-paint label positions, the legend and the table of the same content. Heaviest terms first
 * (`i`, the index the client script uses); drawn lightest first so heavier terms sit on top.
 */
import { LABEL_BASELINE, PLACE_LINE_PX, linkStyle, nodeRadius, round } from '../client/map-geometry';
import { papersText } from '../client/map-filter';
import { termUrl } from '../lib/links';
import type { TermMap } from '../pipeline/types';
import { GREY, LONER_NAME, mapColours, type MapGroup } from './term-map-colours';
import { labelStyles } from './term-map-labels';

export type { MapGroup } from './term-map-colours';

/** A label placed on the map itself, e.g. a topic's name at its centre. */
export interface MapPlace {
  x: number;
  y: number;
  label: string;
  href: string;
  /** Cluster whose colour marks the label. */
  cluster: number;
  /** Larger places win when labels collide. */
  priority: number;
}

/** What a term map shows. */
export interface TermMapInput {
  /** The laid-out map: node x/y are in the viewBox `0 0 width height`. */
  map: TermMap;
  /** Term id → slug of its term page, or null/absent when the term has no page. */
  slugs: Record<string, string | null | undefined>;
  /** Accessible name of the map, also the caption of its table. */
  label: string;
  /** URL of the map's data (JSON) for the download link. */
  download?: string;
  /** Paper list a term filters: the element with this class, its status line the element with id `${filterTarget}-status`. */
  filterTarget?: string;
  /** Names of the colour groups by cluster; default: each cluster named by its two heaviest terms. */
  groups?: MapGroup[];
  /** Labels drawn on the map (topic names at their centres on the corpus map). */
  places?: MapPlace[];
  /** What a colour group is called in the legend and the table (default "Group"). */
  groupNoun?: string;
  /** For the filter: term id → ids of the listed papers that use the term, written on each node (`data-paper` matches). */
  termPapers?: Record<string, readonly string[]>;
}

/** A node as drawn: `i` is its heaviest-first index. */
export interface MapNodeView {
  i: number;
  term: string;
  label: string;
  href?: string;
  slug?: string;
  weight: number;
  colour: number;
  cluster: number;
  r: number;
  hitR: number;
  ringR: number;
  transform: string;
  papers?: string;
  ariaLabel?: string;
  style?: string;
}

/** Everything TermMap.astro renders. */
export interface TermMapView {
  /** No term to map. */
  empty: boolean;
  uid: string;
  ariaLabel: string;
  viewBox: string;
  glyphScale: string;
  filterTarget?: string;
  labelBaseline: number;
  links: { x1: number; y1: number; x2: number; y2: number; width: number; opacity: number; a: number; b: number }[];
  /** In drawing order (lightest first). */
  nodes: MapNodeView[];
  places: { href: string; transform: string; colour: number; cluster: number; priority: number; style?: string; lines: { text: string; dy: number }[] }[];
  /** The text under the map with and without scripts, and the screen-reader hint. */
  info: { default: string; text: string; hint: string };
  legend: { colours: string; sizes: string; long: boolean; groups: { cluster: number; label: string; colour: number; href?: string; count?: number }[] };
  download?: string;
  table: { caption: string; groupNoun: string; rows: { label: string; href?: string; weight: number; group: string; links: string }[] };
}

/** A short, stable id for the map's elements, from its label. */
function uidOf(label: string): string {
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `tm-${hash.toString(36)}`;
}

/** The view of a term map. */
export function termMapView(input: TermMapInput): TermMapView {
  const { map, slugs, label, download, filterTarget, places = [], groupNoun = 'Group', termPapers } = input;
  const pad = round(Math.max(map.width, map.height) * 0.025, 1);
  const frame = { pad, width: round(map.width + 2 * pad, 1), height: round(map.height + 2 * pad, 1) };
  const nodes = [...map.nodes].sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label) || a.term.localeCompare(b.term));
  const index = new Map(nodes.map((n, i) => [n.term, i]));
  const maxWeight = Math.max(1, ...nodes.map((n) => n.weight));
  const minWeight = Math.min(...nodes.map((n) => n.weight));
  const links = map.links
    .filter((l) => index.has(l.source) && index.has(l.target) && l.source !== l.target)
    .sort((a, b) => a.strength - b.strength || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const minStrength = Math.min(...links.map((l) => l.strength));
  const maxStrength = Math.max(...links.map((l) => l.strength));
  const colours = mapColours(nodes, places, input.groups);
  const radii = nodes.map((n) => nodeRadius(n.weight, maxWeight));
  const styles = labelStyles(nodes, radii, places, frame);
  const at = (x: number, y: number) => `translate(${round(x + pad)} ${round(y + pad)})`;

  const neighbours = nodes.map(() => [] as { other: number; strength: number; count: number }[]);
  for (const l of links) {
    const a = index.get(l.source) ?? 0;
    const b = index.get(l.target) ?? 0;
    neighbours[a]?.push({ other: b, strength: l.strength, count: l.count });
    neighbours[b]?.push({ other: a, strength: l.strength, count: l.count });
  }
  const hrefOf = (term: string) => {
    const slug = slugs[term];
    return slug ? termUrl(slug) : undefined;
  };
  const noun = groupNoun.toLowerCase();
  const legendGroups = [
    ...colours.groups.filter((g) => colours.has(g.cluster)).map((g) => ({ ...g, colour: colours.colour(g.cluster) })),
    ...(colours.loners.length ? [{ cluster: -1, label: LONER_NAME, colour: GREY }] : []),
  ];

  return {
    empty: nodes.length === 0,
    uid: uidOf(label),
    ariaLabel: `${label}: ${nodes.length} terms`,
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    glyphScale: styles.glyphScale,
    ...(filterTarget === undefined ? {} : { filterTarget }),
    labelBaseline: LABEL_BASELINE,
    links: links.map((l) => {
      const a = index.get(l.source) ?? 0;
      const b = index.get(l.target) ?? 0;
      const { width, opacity } = linkStyle(l.strength, minStrength, maxStrength);
      return { x1: round(nodes[a]!.x + pad), y1: round(nodes[a]!.y + pad), x2: round(nodes[b]!.x + pad), y2: round(nodes[b]!.y + pad), width, opacity, a, b };
    }),
    nodes: nodes
      .map((n, i): MapNodeView => {
        const href = hrefOf(n.term);
        const r = radii[i] ?? 4;
        return {
          i,
          term: n.term,
          label: n.label,
          ...(href ? { href, slug: slugs[n.term] ?? '' } : {}),
          weight: n.weight,
          colour: colours.colour(n.cluster),
          cluster: n.cluster,
          r,
          hitR: Math.max(r, 9),
          ringR: round(r + 3.5, 2),
          transform: at(n.x, n.y),
          ...(termPapers && filterTarget ? { papers: (termPapers[n.term] ?? []).join(' ') } : {}),
          ...(href ? { ariaLabel: `${n.label}, ${papersText(n.weight)}` } : {}),
          ...(styles.nodes[i] ? { style: styles.nodes[i] } : {}),
        };
      })
      .reverse(),
    places: places.map((p, i) => {
      const lines = styles.placeLines[i] ?? [];
      const first = round(-(lines.length * PLACE_LINE_PX) / 2 + PLACE_LINE_PX * 0.78, 2);
      return {
        href: p.href,
        transform: at(p.x, p.y),
        colour: colours.colour(p.cluster),
        cluster: p.cluster,
        priority: p.priority,
        ...(styles.places[i] ? { style: styles.places[i] } : {}),
        lines: lines.map((text, j) => ({ text, dy: j === 0 ? first : PLACE_LINE_PX })),
      };
    }),
    info: {
      default: filterTarget
        ? 'Point at or focus a term to see its papers and neighbours; select it to filter the papers below.'
        : 'Point at or focus a term to see its papers and neighbours; select it to open its page.',
      text: places.length > 0 ? 'Select a topic name to open the topic, or a term to open its page.' : 'Select a term to open its page.',
      hint: filterTarget ? 'Each term shows its number of papers. With scripts on, activating a term filters the paper list below the map.' : 'Each term links to its page.',
    },
    legend: {
      colours:
        (groupNoun === 'Group' ? 'groups of terms that often appear together' : noun === 'topic' ? 'topics' : `${noun}s`) +
        (groupNoun === 'Topic' && legendGroups.length > 8 ? ' (colours repeat; the names on the map tell the topics apart)' : ''),
      sizes: minWeight === maxWeight ? papersText(maxWeight) : `${minWeight}–${maxWeight}`,
      long: legendGroups.length > 8,
      groups: legendGroups,
    },
    ...(download === undefined ? {} : { download }),
    table: {
      caption: label,
      groupNoun,
      rows: nodes.map((n, i) => {
        const href = hrefOf(n.term);
        const strongest = (neighbours[i] ?? []).sort((a, b) => b.strength - a.strength || b.count - a.count).slice(0, 3);
        return {
          label: n.label,
          ...(href ? { href } : {}),
          weight: n.weight,
          group: colours.groupName.get(n.cluster) ?? `${groupNoun} ${n.cluster + 1}`,
          links: strongest.length ? strongest.map((x) => `${nodes[x.other]?.label ?? ''} (×${round(x.strength, 1)})`).join(', ') : '—',
        };
      }),
    },
  };
}
