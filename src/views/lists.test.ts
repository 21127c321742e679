import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../../tests/site-fixture';
import { readSiteConfig } from '../site-config';
import { feedView } from './feed';
import { homeView } from './home';
import { digestsIndexView, papersIndexView, termsIndexView, topicsIndexView } from './lists';
import { searchPageView } from './search-page';
import { numberedRedirectViews, topicRedirectView, topicRedirectViews } from './topic-redirect';

const config = readSiteConfig({});

describe('index views', () => {
  it('group the papers by the first letter of their plain title', () => {
    const site = fixtureSite((raw) => {
      raw.papers[1]!.data.title = '$\\alpha$-Blend';
      raw.papers[2]!.data.title = 'apple';
    });
    const view = papersIndexView(site, config.pages);
    expect([view.description, view.paperCount, view.digestCount]).toEqual(['All 3 papers, A–Z.', '3', 2]);
    // Sections in the order of their first paper (`α` sorts after the Latin letters).
    expect(view.letters.map((l) => [l.letter, l.id, l.heading, l.papers.map((p) => p.id)])).toEqual([
      ['A', 'letter-A', 'A', ['c']],
      ['T', 'letter-T', 'T', ['a']],
      ['#', 'letter-other', 'Other', ['b']],
    ]);
  });

  it('list topics largest first, terms A–Z and digests newest first', () => {
    const site = fixtureSite();
    expect(topicsIndexView(site, { ...config.pages, topicsIndexTerms: 2 }).topics).toEqual([
      { label: 'mixture of experts · router', url: '/topics/moe-topic/', papers: 2, terms: 'mixture of experts, gone' },
      { label: 'other', url: '/topics/other/', papers: 1, terms: '' },
    ]);
    expect(termsIndexView(site, 3).terms.map((t) => t.label)).toEqual(['mixture of experts', 'router']);
    expect(termsIndexView(site, 3).minPapers).toBe(3);
    expect(digestsIndexView(site).digests).toEqual([
      { name: 'Undated (#2)', url: '/digests/d2/', file: '001_b.txt', papers: 3, newPapers: 2, seenBefore: 1 },
      { name: 'Mar 14', url: '/digests/d1/', file: '000_a.txt', papers: 1, newPapers: 1, seenBefore: 0 },
    ]);
  });

  it('give the home page its counts, digests and largest topics', () => {
    const view = homeView(fixtureSite(), { ...config.pages, homeTopics: 1 });
    expect(view.stats.map((s) => `${s.value} ${s.label} ${s.href}`)).toEqual(['3 papers /papers/', '2 digests /digests/', '2 topics /topics/', '2 key terms /terms/']);
    expect(view.digests.map((d) => d.name)).toEqual(['Undated (#2)', 'Mar 14']);
    expect(view.topics).toEqual([{ label: 'mixture of experts · router', url: '/topics/moe-topic/', papers: 2 }]);
  });

  it('give the search page its filter options', () => {
    const view = searchPageView(fixtureSite());
    expect(view.groups.map((g) => [g.name, g.options.map((o) => `${o.key}=${o.value}`)])).toEqual([
      ['topic', ['moe-topic=mixture of experts · router', 'other=other']],
      ['digest', ['d2=Undated (#2)', 'd1=Mar 14']],
    ]);
  });
});

describe('feedView', () => {
  it('describes each digest, newest first, with its first new titles', () => {
    const view = feedView(fixtureSite(), { ...config, pages: { ...config.pages, feedTitles: 1 } });
    expect(view.title).toBe('Paper Explorer: new digests');
    expect(view.items).toEqual([
      { title: 'Undated listing (#2)', link: '/digests/d2/', description: '3 papers, 2 new. New: Title x² b (and 1 more).' },
      { title: 'Listing of Mar 14', link: '/digests/d1/', description: '1 paper, 1 new. New: Title x² a.' },
    ]);
  });
});

describe('topicRedirectView', () => {
  const target = (slug: string, share: number) => ({ id: slug, slug, label: slug.toUpperCase(), share });

  it('redirects a renamed topic, and one that most papers moved out of into one topic', () => {
    const renamed = topicRedirectView({ slug: 'old', reason: 'renamed', label: 'Old', targets: [target('new', 1)] });
    expect(renamed).toMatchObject({ heading: 'This topic has a new address', body: 'renamed', automatic: true, href: '/topics/new/' });
    const merged = topicRedirectView({ slug: 'old', reason: 'retired', label: 'Old', targets: [target('a', 0.62), target('b', 0.38)] });
    expect(merged).toMatchObject({ heading: 'This topic was merged into another one', body: 'moved', automatic: true, moved: 'most of its papers (62%) are' });
    expect(merged.others).toEqual([{ label: 'B', slug: 'b', url: '/topics/b/', percent: '38%' }]);
  });

  it('only lists the topics of a split, and points to the topics of a topic gone', () => {
    const split = topicRedirectView({ slug: 'old', reason: 'retired', label: 'Old', targets: [target('a', 0.4), target('b', 0.35)] });
    expect(split).toMatchObject({ heading: 'This topic was split up', body: 'split', automatic: false, href: '/topics/a/' });
    const gone = topicRedirectView({ slug: 'old', reason: 'retired', label: 'Old', targets: [] });
    expect(gone).toMatchObject({ heading: 'This topic no longer exists', body: 'gone', automatic: false, href: '/topics/' });
  });

  it('names the destinations as the live topics, and skips slugs a live topic uses', () => {
    const views = topicRedirectViews(
      [
        { slug: 'moe-topic', reason: 'renamed', label: 'x', targets: [target('t1', 1)] },
        { slug: 'old', reason: 'retired', label: 'Old', targets: [target('t2', 0.7), target('t9', 0.3)] },
      ],
      fixtureSite(),
    );
    expect(views.map((v) => [v.slug, v.view.targets])).toEqual([['old', [{ label: 'other', slug: 'other', url: '/topics/other/', percent: '70%' }]]]);
  });

  it('leaves pages at the old numbered URLs of a renamed or merged topic, one per page its destination has', () => {
    const site = fixtureSite();
    const views = topicRedirectViews(
      [
        { slug: 'renamed-moe', reason: 'renamed', label: 'x', targets: [target('t1', 1)] },
        { slug: 'merged', reason: 'retired', label: 'Merged', targets: [target('t1', 0.8), target('t2', 0.2)] },
        { slug: 'split', reason: 'retired', label: 'Split', targets: [target('t1', 0.4), target('t2', 0.3)] },
      ],
      site,
    );
    // One paper per page: the MoE topic (two papers) has pages 1 and 2, so each old slug that leads to it gets a page 2.
    const numbered = numberedRedirectViews(views, site, 1);
    expect(numbered.map((v) => [v.slug, v.view.href, v.view.primary?.url])).toEqual([
      ['renamed-moe/2', '/topics/moe-topic/2/', '/topics/moe-topic/2/'],
      ['merged/2', '/topics/moe-topic/', '/topics/moe-topic/'],
    ]);
    expect(numberedRedirectViews(views, site, 100)).toEqual([]);
  });
});
