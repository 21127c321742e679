/** The paper map's browser data for this build, made once from the collections (see `src/views/paper-map.ts`). */
import { paperMapView, type PaperMapView } from '../views/paper-map';
import { areaUrl, paperUrl, topicUrl } from './links';
import { getSite } from './site';
import { plainText } from '../typography';

let cached: Promise<PaperMapView> | undefined;

/** The paper map of the site, computed once per build and shared by its page and data files. */
export function getPaperMap(): Promise<PaperMapView> {
  cached ??= (async () => {
    const site = await getSite();
    const order = new Map(site.digests.map((d) => [d.id, d.data.order]));
    return paperMapView({
      layout: site.corpus.paperMap,
      papers: new Map(
        site.papers.map((p) => [p.id, { slug: p.data.slug, title: plainText(p.data.title), firstDigest: order.get(p.data.appearances[0]?.digest ?? '') ?? 0 }]),
      ),
      topics: new Map(site.topics.map((t) => [t.id, { label: t.data.label, href: topicUrl(t.data.slug) }])),
      areas: site.areas.map((a) => ({ label: a.label, href: areaUrl(a.slug), topics: a.topics })),
      digests: site.digests.map((d) => d.data.name),
      paperHref: paperUrl,
    });
  })();
  return cached;
}
