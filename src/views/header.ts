/** The view of the site header: its sections, which one the page is in, and whether the page is the search page. */
import { siteUrls } from '../lib/links';

/** Everything the header shows besides the site's name. */
export interface HeaderView {
  links: { href: string; label: string; current: boolean }[];
  /** On /search/ the page's own, larger box takes the header form's place. */
  onSearchPage: boolean;
}

const SECTIONS = [
  { href: siteUrls.papers, label: 'Papers' },
  { href: siteUrls.topics, label: 'Topics' },
  { href: siteUrls.map, label: 'Map' },
  { href: siteUrls.paperMap, label: 'Paper map' },
  { href: siteUrls.digests, label: 'Digests' },
  { href: siteUrls.trends, label: 'Trends' },
];

/**
 * The header of the page at `path`: its section is the longest link the path starts with (so /map/papers/ is not
 * also "Map"). Without `trends` (turned off in the configuration) there is no Trends section.
 */
export function headerView(path: string, trends = true): HeaderView {
  const sections = trends ? SECTIONS : SECTIONS.filter((l) => l.href !== siteUrls.trends);
  const current = sections.filter((l) => path.startsWith(l.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return {
    links: sections.map((l) => ({ ...l, current: l.href === current })),
    onSearchPage: path === siteUrls.search || `${path}/` === siteUrls.search,
  };
}
