/** Page URLs and display names, free of Astro imports so build scripts and unit tests can use them. */
import { arrivalNumber } from '../pipeline/digest-names';

/** URL of a paper page. */
export const paperUrl = (slug: string) => `/papers/${slug}/`;
/** URL of a digest page. */
export const digestUrl = (id: string) => `/digests/${id}/`;
/** URL of a topic page. */
export const topicUrl = (slug: string) => `/topics/${slug}/`;
/** URL of a term page. */
export const termUrl = (slug: string) => `/terms/${slug}/`;
/** URL of the paper map; with a paper id it opens zoomed on that paper, marked. */
export const paperMapUrl = (paperId?: string) => (paperId === undefined ? '/map/papers/' : `/map/papers/?paper=${encodeURIComponent(paperId)}`);
/** URL of the paper map zoomed to a topic's region. */
export const topicRegionUrl = (topicSlug: string) => `/map/papers/?topic=${encodeURIComponent(topicSlug)}`;

/** A digest's display name: its date label, made unique across digests by the analysis (`digestNames`). */
export function digestName(d: { data: { name: string } }): string {
  return d.data.name;
}

/** A digest's heading: `Listing of Mar 14`, or `Undated listing (#3)` for a listing without a date. */
export function digestHeading(d: { data: { name: string; date: string | null; order: number } }): string {
  return d.data.date === null ? `Undated listing (${arrivalNumber(d.data.order)})` : `Listing of ${d.data.name}`;
}
