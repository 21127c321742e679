/**
 * The view of the page left at an old topic URL: where the topic went. It redirects at once (meta refresh) when
 * one topic holds most of the old papers (a renamed topic, a merge, a lopsided split); otherwise it only lists the topics.
 */
import { areaUrl, siteUrls, topicPageUrl, topicUrl } from '../lib/links';
import type { TopicRedirect } from '../pipeline/topic-ids';
import type { Site } from '../lib/site-data';

/** A topic the old one's papers went to. */
export interface RedirectTarget {
  label: string;
  /** Its slug (the URL's last part). */
  slug: string;
  url: string;
  /** Its share of the old topic's papers, `62%`. */
  percent: string;
}

/** Everything a topic redirect page shows. */
export interface TopicRedirectView {
  /** What moved: a topic, or an area (a group of topics, whose old URLs are `/areas/<slug>/`). */
  noun: 'topic' | 'area';
  reason: TopicRedirect['reason'];
  /** The old topic's label. */
  label: string;
  heading: string;
  /** The main destination (the topics index when there is none): the canonical link and the refresh target. */
  href: string;
  /** Whether the page redirects at once. */
  automatic: boolean;
  /** Which text the page shows: a new address, a topic gone, moved to one topic (with `others`), or split up (`targets`). */
  body: 'renamed' | 'gone' | 'moved' | 'split';
  /** For `moved`: `its papers are` or `most of its papers (62%) are`. */
  moved: string;
  primary?: RedirectTarget;
  others: RedirectTarget[];
  targets: RedirectTarget[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The view of one old topic URL. */
export function topicRedirectView(redirect: TopicRedirect, noun: 'topic' | 'area' = 'topic'): TopicRedirectView {
  const url = noun === 'area' ? areaUrl : topicUrl;
  const targets = redirect.targets.map((t) => ({ label: t.label, slug: t.slug, url: url(t.slug), percent: percent(t.share) }));
  const first = redirect.targets[0];
  const primary = targets[0];
  const automatic = first !== undefined && (redirect.reason === 'renamed' || first.share >= 0.5);
  const heading =
    redirect.reason === 'renamed'
      ? `This ${noun} has a new address`
      : first === undefined
        ? `This ${noun} no longer exists`
        : first.share >= 0.5
          ? `This ${noun} was merged into another one`
          : `This ${noun} was split up`;
  const body = redirect.reason === 'renamed' && first ? 'renamed' : first === undefined ? 'gone' : automatic ? 'moved' : 'split';
  return {
    noun,
    reason: redirect.reason,
    label: redirect.label,
    heading,
    href: primary?.url ?? siteUrls.topics,
    automatic,
    body,
    moved: redirect.targets.length === 1 ? 'its papers are' : `most of its papers (${primary?.percent ?? ''}) are`,
    ...(primary ? { primary } : {}),
    others: targets.slice(1),
    targets,
  };
}

/**
 * The redirect pages of a build: one per old slug that no live topic uses, its destinations named as this build's
 * topics (the state file was written by this build's loader; a destination no longer live is left out).
 */
export function topicRedirectViews(redirects: readonly TopicRedirect[], site: Site): { slug: string; view: TopicRedirectView }[] {
  const liveSlugs = new Set(site.topics.map((t) => t.data.slug));
  return redirects
    .filter((r) => !liveSlugs.has(r.slug))
    .map((r) => {
      const targets = r.targets.flatMap((t) => {
        const topic = site.topicById.get(t.id);
        return topic ? [{ ...t, slug: topic.data.slug, label: topic.data.label }] : [];
      });
      return { slug: r.slug, view: topicRedirectView({ ...r, targets }) };
    });
}

/** The redirect pages of old area slugs (`/areas/<slug>/`), their destinations named as this build's areas. */
export function areaRedirectViews(redirects: readonly TopicRedirect[], site: Site): { slug: string; view: TopicRedirectView }[] {
  const liveSlugs = new Set(site.areas.map((a) => a.slug));
  return redirects
    .filter((r) => !liveSlugs.has(r.slug))
    .map((r) => {
      const targets = r.targets.flatMap((t) => {
        const area = site.areaById.get(t.id);
        return area ? [{ ...t, slug: area.slug, label: area.label }] : [];
      });
      return { slug: r.slug, view: topicRedirectView({ ...r, targets }, 'area') };
    });
}

/**
 * Redirect pages at old numbered topic URLs (`/topics/<old-slug>/2/`, …), so links to later pages of a topic's papers
 * survive a rename or merge: a renamed topic's page n leads to its page n, a merged topic's pages to its main destination.
 * One page per number the destination has (an old topic's own page count is not remembered); splits and topics gone have none.
 */
export function numberedRedirectViews(
  views: readonly { slug: string; view: TopicRedirectView }[],
  site: Site,
  perPage: number,
): { slug: string; view: TopicRedirectView }[] {
  const pagesBySlug = new Map(site.topics.map((t) => [t.data.slug, Math.max(1, Math.ceil(t.data.papers.length / perPage))]));
  return views.flatMap(({ slug, view }) => {
    const destination = view.automatic ? view.primary : undefined;
    if (destination === undefined) return [];
    const count = pagesBySlug.get(destination.slug) ?? 1;
    return Array.from({ length: count - 1 }, (_, i) => {
      const n = i + 2;
      const href = view.body === 'renamed' ? topicPageUrl(destination.slug, n) : view.href;
      return { slug: `${slug}/${n}`, view: { ...view, href, primary: { ...destination, url: href } } };
    });
  });
}
