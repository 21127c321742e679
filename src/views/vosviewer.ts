/**
 * A term map in VOSviewer's JSON format (map and network in one file, as VOSviewer and VOSviewer Online open it):
 * `network.items` with 1-based ids, labels, coordinates centred on 0 with y pointing up, 1-based clusters, the
 * papers using each term as its "Occurrences" weight and a link to its page; `network.links` with the number of
 * papers the two terms share as the strength. Pure: plain data in, plain data out.
 */

/** The parts of a term map (`src/pipeline/types.ts`, `TermMap`) the export reads. */
export interface VosMapInput {
  nodes: readonly { term: string; label: string; weight: number; x: number; y: number; cluster: number }[];
  links: readonly { source: string; target: string; count: number }[];
}

/** One item of a VOSviewer network. */
export interface VosItem {
  id: number;
  label: string;
  x: number;
  y: number;
  cluster: number;
  weights: { Occurrences: number };
  url?: string;
}

/** A VOSviewer JSON file. */
export interface VosJson {
  config: { terminology: Record<string, string> };
  network: { items: VosItem[]; links: { source_id: number; target_id: number; strength: number }[] };
}

const round4 = (v: number) => Math.round(v * 10000) / 10000 || 0;

/** The VOSviewer JSON of a term map; `url` gives a term's absolute page URL (or undefined for none). */
export function vosviewerJson(map: VosMapInput, url: (term: string) => string | undefined): VosJson {
  const xs = map.nodes.map((n) => n.x);
  const ys = map.nodes.map((n) => n.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const half = Math.max(1e-9, ...map.nodes.map((n) => Math.max(Math.abs(n.x - cx), Math.abs(n.y - cy))));
  const ids = new Map(map.nodes.map((n, i) => [n.term, i + 1]));
  const items = map.nodes.map<VosItem>((n, i) => {
    const href = url(n.term);
    return {
      id: i + 1,
      label: n.label,
      x: round4((n.x - cx) / half),
      y: round4(-(n.y - cy) / half),
      cluster: n.cluster + 1,
      weights: { Occurrences: n.weight },
      ...(href === undefined ? {} : { url: href }),
    };
  });
  const links = map.links.flatMap((l) => {
    const source = ids.get(l.source);
    const target = ids.get(l.target);
    return source === undefined || target === undefined ? [] : [{ source_id: source, target_id: target, strength: l.count }];
  });
  return {
    config: {
      terminology: {
        item: 'Term',
        items: 'Terms',
        link: 'Co-occurrence link',
        links: 'Co-occurrence links',
        link_strength: 'Papers in common',
        total_link_strength: 'Total papers in common',
      },
    },
    network: { items, links },
  };
}
