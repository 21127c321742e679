/** Page URLs and display names, free of Astro imports so build scripts and unit tests can use them. */

/** URL of a paper page. */
export const paperUrl = (slug: string) => `/papers/${slug}/`;
/** URL of a digest page. */
export const digestUrl = (id: string) => `/digests/${id}/`;
/** URL of a topic page. */
export const topicUrl = (slug: string) => `/topics/${slug}/`;
/** URL of a term page. */
export const termUrl = (slug: string) => `/terms/${slug}/`;

/** A digest's display name: its date label, or its file name when the listing had no date. */
export function digestName(d: { data: { date?: string | null | undefined; file: string } }): string {
  return d.data.date ?? d.data.file.replace(/\.txt$/i, '');
}
