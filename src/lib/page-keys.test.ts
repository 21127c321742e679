import { describe, expect, it } from 'vitest';
import { pageKeys } from './page-keys';
import type { PaperEntry, Site, TermEntry } from './site';

/** A two-topic, three-paper site with the fields the paper and term pages read. */
function site(change: (s: ReturnType<typeof raw>) => void = () => {}): Site {
  const s = raw();
  change(s);
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  return {
    papers: s.papers as unknown as PaperEntry[],
    paperById: byId(s.papers) as unknown as Site['paperById'],
    digests: s.digests as unknown as Site['digests'],
    digestById: byId(s.digests) as unknown as Site['digestById'],
    topics: s.topics as unknown as Site['topics'],
    topicById: byId(s.topics) as unknown as Site['topicById'],
    terms: s.terms as unknown as TermEntry[],
    termById: byId(s.terms) as unknown as Site['termById'],
    corpus: {} as Site['corpus'],
  };
}

function raw() {
  const paper = (id: string, topic: string, related: string[]) => ({
    id,
    data: {
      slug: `slug-${id}`,
      title: `Title ${id}`,
      abstract: `Abstract ${id}`,
      topic,
      appearances: [{ digest: 'd1', position: 1 }],
      terms: [{ term: 'moe' }, { term: 'rare term', label: 'rare-term' }],
      related: related.map((r) => ({ id: r, shared: ['moe'] })),
    },
  });
  return {
    papers: [paper('a', 't1', ['b']), paper('b', 't1', ['a']), paper('c', 't2', [])],
    digests: [{ id: 'd1', data: { date: 'Mar 14', name: 'Mar 14', file: '000_x.txt', order: 0 } }],
    topics: [
      { id: 't1', data: { slug: 'moe', label: 'mixture of experts', papers: ['a', 'b'] } },
      { id: 't2', data: { slug: 'other', label: 'other', papers: ['c'] } },
    ],
    terms: [{ id: 'moe', data: { slug: 'moe', label: 'mixture of experts', acronym: 'MoE', papers: ['a', 'b'], cooccurring: [], score: 3 } }],
  };
}

const paperKey = (s: Site, id: string) => pageKeys(s).paper(s.paperById.get(id) as PaperEntry);
const termKey = (s: Site, id: string) => pageKeys(s).term(s.termById.get(id) as TermEntry);

describe('page cache keys', () => {
  it('are the same for the same data, and differ between pages', () => {
    expect(paperKey(site(), 'a')).toBe(paperKey(site(), 'a'));
    expect(paperKey(site(), 'a')).not.toBe(paperKey(site(), 'b'));
    expect(termKey(site(), 'moe')).toBe(termKey(site(), 'moe'));
  });

  it('ignore corpus-relative numbers the pages do not show (term scores)', () => {
    const moved = site((s) => {
      for (const t of s.terms) t.data.score = 7;
    });
    expect(paperKey(moved, 'a')).toBe(paperKey(site(), 'a'));
    expect(termKey(moved, 'moe')).toBe(termKey(site(), 'moe'));
  });

  it("change when something a paper page shows from another entry changes", () => {
    const before = paperKey(site(), 'a');
    const cases: ((s: ReturnType<typeof raw>) => void)[] = [
      (s) => void (s.papers[1]!.data.title = 'Renamed'), // a related paper's title
      (s) => void (s.topics[0]!.data.label = 'experts'), // its topic's label
      (s) => void (s.topics[1]!.data.label = 'mixture of experts'), // another topic's label, now the same: filter values change
      (s) => void (s.terms[0]!.data.label = 'MoE layer'), // a key term's label
      (s) => void (s.papers[0]!.data.terms[1]!.label = 'rare term (2)'), // the label of a key term without a page
      (s) => void (s.terms.length = 0), // a key term losing its page
      (s) => void (s.digests[0]!.data.name = 'Mar 15'), // the digest's name
    ];
    for (const change of cases) expect(paperKey(site(change), 'a')).not.toBe(before);
  });

  it('change when a paper a term page lists, or a topic it names, changes', () => {
    const before = termKey(site(), 'moe');
    const cases: ((s: ReturnType<typeof raw>) => void)[] = [
      (s) => void (s.papers[0]!.data.abstract = 'New abstract'),
      (s) => void (s.papers[1]!.data.topic = 't2'),
      (s) => void (s.topics[0]!.data.slug = 'moe-2'),
      (s) => void (s.terms[0]!.data.papers = ['b', 'a']),
      (s) => void s.digests.push({ id: 'd2', data: { date: 'Mar 15', name: 'Mar 15', file: '001_x.txt', order: 1 } }), // the trend chart gains a digest
    ];
    for (const change of cases) expect(termKey(site(change), 'moe')).not.toBe(before);
    // A paper the term page does not list does not matter.
    expect(termKey(site((s) => void (s.papers[2]!.data.title = 'Renamed')), 'moe')).toBe(before);
  });
});
