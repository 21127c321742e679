/** A paper as a list shows it (topic, term and digest pages, the A–Z list): link, title and abstract preview. */
import { plainText } from '../typography';
import { paperUrl } from '../lib/links';
import type { PaperEntry, Site } from '../lib/site-data';

/** One paper of a list. */
export interface PaperItem {
  id: string;
  url: string;
  /** The title as written in the digest (the list renders its typography). */
  title: string;
  /** The first `previewChars` of the plain abstract, cut at a word, with `…` when cut. */
  preview: string;
  /** A short mark after the title (`Seen before`). */
  badge?: string;
  /** A line under the title. */
  note?: string;
}

/** The plain-text preview of an abstract: at most `chars` characters, cut at a word boundary. */
export function previewText(abstract: string, chars: number): string {
  const text = plainText(abstract);
  return text.length > chars ? `${text.slice(0, chars).replace(/\s+\S*$/, '')}…` : text;
}

/** Items by site, then preview length, then paper id. */
const memo = new WeakMap<Site, Map<number, Map<string, PaperItem>>>();

/** The list item of a paper, computed once per site and preview length (a paper is listed on many pages). */
export function paperItem(site: Site, paper: PaperEntry, previewChars: number): PaperItem {
  let byLength = memo.get(site);
  if (byLength === undefined) {
    byLength = new Map();
    memo.set(site, byLength);
  }
  let items = byLength.get(previewChars);
  if (items === undefined) {
    items = new Map();
    byLength.set(previewChars, items);
  }
  let item = items.get(paper.id);
  if (item === undefined) {
    item = { id: paper.id, url: paperUrl(paper.data.slug), title: paper.data.title, preview: previewText(paper.data.abstract, previewChars) };
    items.set(paper.id, item);
  }
  return item;
}
