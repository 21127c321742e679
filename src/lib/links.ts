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

/** A digest's display name: its date label, made unique across digests by the analysis (`digestNames`). */
export function digestName(d: { data: { name: string } }): string {
  return d.data.name;
}

/** A digest's heading: `Listing of Mar 14`, or `Undated listing (#3)` for a listing without a date. */
export function digestHeading(d: { data: { name: string; date: string | null; order: number } }): string {
  return d.data.date === null ? `Undated listing (${arrivalNumber(d.data.order)})` : `Listing of ${d.data.name}`;
}

/** URL of the trends page (rising and new terms and topics). */
export const trendsUrl = () => '/trends/';
/** URL of a term's feed (an item per digest that brought it papers). */
export const termFeedUrl = (slug: string) => `/feeds/terms/${slug}.xml`;
/** URL of a topic's feed, by topic id: ids outlive renames (slugs follow labels), so subscriptions keep working. */
export const topicFeedUrl = (id: string) => `/feeds/topics/${id}.xml`;
/** URL of the series of every term and topic (`/data/trends.json`). */
export const trendsDataUrl = () => '/data/trends.json';
