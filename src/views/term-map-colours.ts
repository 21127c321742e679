/**
 * Colours and group names of a term map. Few clusters keep their order; many are spread so that neighbouring
 * clusters differ. On topic maps only the largest sub-clusters (3+ terms, at most 7) get a hue; the small ones
 * and the unlinked terms share the neutral grey slot, so the legend stays short and meaningful.
 */
import { PALETTE_SIZE, assignColours } from '../client/map-geometry';
import type { MapNode } from '../pipeline/types';

/** A colour group of the map (a sub-cluster, or a topic on the corpus map). */
export interface MapGroup {
  /** The `cluster` value of the nodes in the group. */
  cluster: number;
  label: string;
  /** Page of the group (a topic page on the corpus map). */
  href?: string;
  /** Papers in the group, shown in the legend. */
  count?: number;
}

/** The palette slot shared by small groups and unlinked terms. */
export const GREY = PALETTE_SIZE - 1;
/** Legend name of the grey slot. */
export const LONER_NAME = 'other terms (small groups or no strong links)';

/** The colouring of a map's clusters. */
export interface MapColours {
  /** Palette slot of a cluster. */
  colour(cluster: number): number;
  /** Whether a cluster has a colour of its own or the grey slot (false: not on the map). */
  has(cluster: number): boolean;
  /** Clusters in the grey slot. */
  loners: number[];
  /** Name of a cluster's group, when it has one. */
  groupName: Map<number, string>;
  /** The groups (given, or named by their two heaviest terms). */
  groups: MapGroup[];
}

/**
 * Colours the clusters of `nodes` (heaviest first) and of labelled places; `groups`, when given, names every
 * cluster (the corpus map's topics) and all get a hue.
 */
export function mapColours(
  nodes: readonly MapNode[],
  places: readonly { x: number; y: number; cluster: number }[],
  given: readonly MapGroup[] | undefined,
): MapColours {
  const clusterIds = [...new Set([...nodes.map((n) => n.cluster), ...places.map((p) => p.cluster)])].sort((a, b) => a - b);
  const clusterSize = new Map<number, number>();
  for (const n of nodes) clusterSize.set(n.cluster, (clusterSize.get(n.cluster) ?? 0) + 1);
  const bySize = [...clusterIds].sort((a, b) => (clusterSize.get(b) ?? 0) - (clusterSize.get(a) ?? 0) || a - b);
  const coloured = given ? clusterIds : bySize.filter((c) => (clusterSize.get(c) ?? 0) >= 3).slice(0, PALETTE_SIZE - 1).sort((a, b) => a - b);
  const loners = clusterIds.filter((c) => !coloured.includes(c));
  const slots = loners.length > 0 ? PALETTE_SIZE - 1 : PALETTE_SIZE;
  const centroid = (cluster: number) => {
    const place = places.find((p) => p.cluster === cluster);
    if (place) return { x: place.x, y: place.y };
    const members = nodes.filter((n) => n.cluster === cluster);
    const total = members.reduce((sum, n) => sum + n.weight, 0) || 1;
    return {
      x: members.reduce((sum, n) => sum + n.x * n.weight, 0) / total,
      y: members.reduce((sum, n) => sum + n.y * n.weight, 0) / total,
    };
  };
  const spread = assignColours(coloured.map(centroid), slots);
  const colourOf = new Map<number, number>([
    ...coloured.map((c, i): [number, number] => [c, spread[i] ?? 0]),
    ...loners.map((c): [number, number] => [c, GREY]),
  ]);
  const groups: MapGroup[] = given
    ? [...given]
    : coloured.map((cluster) => ({
        cluster,
        label: nodes
          .filter((n) => n.cluster === cluster)
          .slice(0, 2)
          .map((n) => n.label)
          .join(', '),
      }));
  const groupName = new Map(groups.map((g) => [g.cluster, g.label]));
  for (const c of loners) groupName.set(c, LONER_NAME);
  return { colour: (c) => colourOf.get(c) ?? 0, has: (c) => colourOf.has(c), loners, groupName, groups };
}
