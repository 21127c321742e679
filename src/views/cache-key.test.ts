import { describe, expect, it } from 'vitest';
import { fixtureSite, rawSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { staticPath, viewKey } from './cache-key';
import { paperView } from './paper';
import { termView } from './term';

const config = readSiteConfig({});
type Change = (raw: ReturnType<typeof rawSite>) => void;
const paperKey = (change?: Change) => {
  const site = fixtureSite(change);
  return viewKey(paperView(site, site.paperById.get('a')!, config.pages));
};
const termKey = (change?: Change) => {
  const site = fixtureSite(change);
  return viewKey(termView(site, site.termById.get('moe')!, config.pages, config.search));
};

describe('view cache keys', () => {
  it('are the same for the same view and differ between views', () => {
    expect(viewKey({ a: 1, b: ['x'] })).toBe(viewKey({ a: 1, b: ['x'] }));
    expect(viewKey({ a: 1 })).not.toBe(viewKey({ a: 2 }));
    expect(paperKey()).toBe(paperKey());
  });

  it('are set on a static path only for an incremental build, whose props carry no view', () => {
    let made = 0;
    const view = () => ((made += 1), { a: 1 });
    expect(staticPath({ slug: 's' }, { id: 'p' }, view, false)).toEqual({ params: { slug: 's' }, props: { id: 'p' } });
    expect(made).toBe(0);
    expect(staticPath({ slug: 's' }, { id: 'p' }, view, true)).toEqual({ params: { slug: 's' }, props: { id: 'p' }, cacheKey: viewKey({ a: 1 }) });
    expect(made).toBe(1);
  });

  it('ignore values the pages do not show (term scores)', () => {
    const moved: Change = (raw) => raw.terms.forEach((t) => void (t.data.score = 7));
    expect(paperKey(moved)).toBe(paperKey());
    expect(termKey(moved)).toBe(termKey());
  });

  it("change when something a paper page shows from another entry changes", () => {
    const cases: Change[] = [
      (raw) => void (raw.papers[1]!.data.title = 'Renamed'), // a related paper's title
      (raw) => void (raw.topics[0]!.data.label = 'experts'), // its topic's label
      (raw) => void (raw.topics[1]!.data.label = raw.topics[0]!.data.label), // another topic's label: filter values change
      (raw) => void (raw.terms[0]!.data.label = 'MoE layer'), // a key term's label
      (raw) => void (raw.papers[0]!.data.terms[1]!.label = 'rare term (2)'), // the label of a key term without a page
      (raw) => void raw.terms.splice(0, 1), // a key term losing its page
      (raw) => void (raw.digests[0]!.data.name = 'Mar 15'), // a digest's name
    ];
    for (const change of cases) expect(paperKey(change)).not.toBe(paperKey());
  });

  it('change when a paper a term page lists, or a topic it names, changes, and only then', () => {
    const cases: Change[] = [
      (raw) => void (raw.papers[0]!.data.abstract = 'New abstract'),
      (raw) => void (raw.papers[1]!.data.topic = 't2'),
      (raw) => void (raw.topics[0]!.data.slug = 'moe-2'),
    ];
    for (const change of cases) expect(termKey(change)).not.toBe(termKey());
    expect(termKey((raw) => void (raw.papers[2]!.data.title = 'Renamed'))).toBe(termKey());
  });
});
