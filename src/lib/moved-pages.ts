/** The static paths of the redirect pages left at old topic and area URLs, from the topic-id file the loader keeps. */
import { readTopicState, topicStatePath } from '../content/topic-state-file';
import { areaRedirects } from '../pipeline/area-ids';
import { topicRedirects } from '../pipeline/topic-ids';
import { areaRedirectViews, numberedRedirectViews, topicRedirectViews, type TopicRedirectView } from '../views/topic-redirect';
import { siteConfig } from '../site-config';
import { getSite } from './site';

/** One `[...moved]` page per old slug of a topic or an area (and per later page of a moved topic; none without a state file), with its view as props. */
export async function movedPaths(kind: 'topic' | 'area'): Promise<{ params: { moved: string }; props: { view: TopicRedirectView } }[]> {
  const file = topicStatePath();
  const state = file === null ? null : await readTopicState(file);
  if (state === null) return [];
  const site = await getSite();
  const views = kind === 'topic' ? topicRedirectViews(topicRedirects(state), site) : areaRedirectViews(areaRedirects(state), site);
  if (kind === 'topic') views.push(...numberedRedirectViews(views, site, siteConfig.pages.topicPagePapers));
  return views.map(({ slug, view }) => ({ params: { moved: slug }, props: { view } }));
}
