import { describe, expect, it } from 'vitest';
import { assignTopicIds, parseTopicState, serializeTopicState, topicRedirects, type TopicCluster, type TopicState } from './topic-ids';

/** Papers p<from>..p<to-1> with zero-padded numbers, so they sort like the ids the pipeline makes. */
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, k) => `p${String(from + k).padStart(3, '0')}`);
const cluster = (papers: string[], label?: string): TopicCluster => (label ? { papers, label, slug: label.toLowerCase().replace(/\W+/g, '-') } : { papers });

/** A first build: three topics A (10 papers), B (6), C (4). */
function firstBuild(): TopicState {
  return assignTopicIds(null, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta'), cluster(range(16, 20), 'Gamma')]).state;
}

describe('assignTopicIds', () => {
  it('numbers topics t01.. in the order given when there is no previous state', () => {
    const result = assignTopicIds(null, [cluster(['b', 'a']), cluster(['c']), cluster(['d', 'e', 'f'])]);
    expect(result.ids).toEqual(['t01', 't02', 't03']);
    expect(result.slugs).toEqual(['t01', 't02', 't03']);
    expect(result.continues).toEqual([null, null, null]);
    expect(result.retired).toEqual([]);
    expect(result.state).toEqual({
      version: 1,
      topics: [
        { id: 't01', slug: 't01', label: 't01', papers: ['a', 'b'] },
        { id: 't02', slug: 't02', label: 't02', papers: ['c'] },
        { id: 't03', slug: 't03', label: 't03', papers: ['d', 'e', 'f'] },
      ],
      retired: [],
    });
  });

  it('gives the same ids and slugs when nothing changed, in any cluster order', () => {
    const state = firstBuild();
    const again = assignTopicIds(state, [cluster(range(16, 20), 'Gamma'), cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta')]);
    expect(again.ids).toEqual(['t03', 't01', 't02']);
    expect(again.slugs).toEqual(['gamma', 'alpha', 'beta']);
    expect(again.state).toEqual(state);
  });

  it('keeps the id of a topic that grows, even when most of it is new', () => {
    const state = firstBuild();
    const result = assignTopicIds(state, [cluster(range(0, 10), 'Alpha'), cluster([...range(10, 16), ...range(100, 120)], 'Beta'), cluster(range(16, 20), 'Gamma')]);
    expect(result.ids).toEqual(['t01', 't02', 't03']);
    expect(result.retired).toEqual([]);
    expect(result.state.topics[1]?.papers).toHaveLength(26);
  });

  it('keeps the id on the larger part of a split; the smaller part gets the next new id', () => {
    const state = firstBuild();
    // Alpha (10) splits into 4 + 6 (plus a new paper each); Beta and Gamma unchanged.
    const result = assignTopicIds(state, [
      cluster([...range(0, 4), 'p500'], 'Alpha small'),
      cluster([...range(4, 10), 'p501'], 'Alpha big'),
      cluster(range(10, 16), 'Beta'),
      cluster(range(16, 20), 'Gamma'),
    ]);
    expect(result.ids).toEqual(['t04', 't01', 't02', 't03']);
    expect(result.continues).toEqual([null, 't01', 't02', 't03']);
    expect(result.slugs).toEqual(['alpha-small', 'alpha-big', 'beta', 'gamma']);
    expect(result.state.topics[0]).toEqual({ id: 't01', slug: 'alpha-big', label: 'Alpha big', aliases: ['alpha'], papers: [...range(4, 10), 'p501'] });
    expect(result.retired).toEqual([]);
  });

  it('keeps the id of the topic that contributed most to a merge and retires the other with movedTo', () => {
    const state = firstBuild();
    // Beta (6) and Gamma (4) merge.
    const result = assignTopicIds(state, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 20), 'Beta and Gamma')]);
    expect(result.ids).toEqual(['t01', 't02']);
    expect(result.retired).toEqual([{ id: 't03', slug: 'gamma', label: 'Gamma', movedTo: [{ id: 't02', share: 1 }] }]);
    expect(result.state.retired).toEqual(result.retired);
  });

  it('on a merge of equal contributions keeps the older (lower) id', () => {
    const state = assignTopicIds(null, [cluster(['a', 'b', 'c'], 'One'), cluster(['d', 'e', 'f'], 'Two')]).state;
    const result = assignTopicIds(state, [cluster(['a', 'b', 'c', 'd', 'e', 'f'], 'Both')]);
    expect(result.ids).toEqual(['t01']);
    expect(result.retired).toEqual([{ id: 't02', slug: 'two', label: 'Two', movedTo: [{ id: 't01', share: 1 }] }]);
  });

  it('retires a topic that vanishes, recording where its papers went, largest share first', () => {
    const state = firstBuild();
    // Beta's 6 papers scatter: 2 to Alpha, 3 to Gamma, 1 to a new topic with other new papers.
    const result = assignTopicIds(state, [
      cluster([...range(0, 10), 'p010', 'p011'], 'Alpha'),
      cluster([...range(16, 20), 'p012', 'p013', 'p014'], 'Gamma'),
      cluster(['p015', 'p600', 'p601', 'p602'], 'Delta'),
    ]);
    expect(result.ids).toEqual(['t01', 't03', 't04']);
    expect(result.retired).toEqual([
      {
        id: 't02',
        slug: 'beta',
        label: 'Beta',
        movedTo: [
          { id: 't03', share: 0.5 },
          { id: 't01', share: 0.33 },
          { id: 't04', share: 0.17 },
        ],
      },
    ]);
  });

  it('retires a topic whose papers all left the corpus with an empty movedTo', () => {
    const state = firstBuild();
    const result = assignTopicIds(state, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta')]);
    expect(result.retired).toEqual([{ id: 't03', slug: 'gamma', label: 'Gamma', movedTo: [] }]);
  });

  it('never reuses an id, not even a retired one', () => {
    const state = firstBuild();
    const second = assignTopicIds(state, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta')]); // t03 retired
    expect(second.state.retired.map((t) => t.id)).toEqual(['t03']);
    const third = assignTopicIds(second.state, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta'), cluster(range(700, 705), 'New')]);
    expect(third.ids).toEqual(['t01', 't02', 't04']);
    // Even when the retired topic's papers come back, the retired id stays retired.
    const fourth = assignTopicIds(third.state, [cluster(range(0, 10), 'Alpha'), cluster(range(10, 16), 'Beta'), cluster(range(700, 705), 'New'), cluster(range(16, 20), 'Gamma')]);
    expect(fourth.ids).toEqual(['t01', 't02', 't04', 't05']);
    expect(fourth.slugs[3]).toBe('gamma-2');
  });

  it('does not match a cluster that only takes a minority of an old topic and is mostly other papers', () => {
    const state = firstBuild();
    // 3 of Alpha's 10 papers (the other 7 stay in Alpha) join 5 of Beta's 6.
    const result = assignTopicIds(state, [cluster([...range(0, 3), ...range(10, 15)]), cluster(range(3, 10)), cluster(['p015', ...range(16, 20)])]);
    expect(result.continues).toEqual(['t02', 't01', 't03']);
  });

  it('continues numbering past two digits and orders ids by number', () => {
    const clusters = Array.from({ length: 101 }, (_, k) => cluster([`x${k}`]));
    const result = assignTopicIds(null, clusters);
    expect(result.ids.slice(98)).toEqual(['t99', 't100', 't101']);
    expect(result.state.topics.slice(98).map((t) => t.id)).toEqual(['t99', 't100', 't101']);
  });

  it('keeps old slugs with slugs: keep', () => {
    const state = firstBuild();
    const result = assignTopicIds(state, [cluster(range(0, 10), 'Alpha improved'), cluster(range(10, 16), 'Beta'), cluster(range(16, 20), 'Gamma')], { slugs: 'keep' });
    expect(result.slugs).toEqual(['alpha', 'beta', 'gamma']);
    expect(result.state.topics[0]).toEqual({ id: 't01', slug: 'alpha', label: 'Alpha improved', papers: range(0, 10) });
  });

  it('never gives a new topic a slug another topic had', () => {
    const state = firstBuild();
    const renamed = assignTopicIds(state, [cluster(range(0, 10), 'Alpha two'), cluster(range(10, 16), 'Beta'), cluster(range(16, 20), 'Gamma')]).state;
    const result = assignTopicIds(renamed, [cluster(range(0, 10), 'Alpha two'), cluster(range(10, 16), 'Beta'), cluster(range(16, 20), 'Gamma'), cluster(['z1', 'z2'], 'Alpha')]);
    expect(result.slugs).toEqual(['alpha-two', 'beta', 'gamma', 'alpha-2']);
  });

  it('keeps a continuing topic\'s label and slug while the label\'s terms are still among its strongest', () => {
    const state = assignTopicIds(null, [cluster(range(0, 10), 'moe · routing'), cluster(range(10, 16), 'rag · retrieval')]).state;
    const grown = (label: string, labelTerms: string[]): TopicCluster => ({ ...cluster(range(0, 12), label), labelTerms });
    const other = { ...cluster(range(10, 16), 'rag · retrieval'), labelTerms: ['rag', 'retrieval'] };
    // Still among its strongest terms: the old label and URL stay, and no redirect appears.
    const kept = assignTopicIds(state, [grown('moe · gating', ['gating', 'moe', 'expert', 'routing']), other]);
    expect(kept.labels).toEqual(['moe · routing', 'rag · retrieval']);
    expect(kept.slugs).toEqual(['moe-routing', 'rag-retrieval']);
    expect(kept.state.topics[0]).toEqual({ id: 't01', slug: 'moe-routing', label: 'moe · routing', papers: range(0, 12) });
    // A term of the old label fell out of the strongest: the new label and its slug, the old slug an alias.
    const renamed = assignTopicIds(state, [grown('moe · gating', ['gating', 'moe', 'expert']), other]);
    expect(renamed.labels[0]).toBe('moe · gating');
    expect(renamed.state.topics[0]).toMatchObject({ id: 't01', slug: 'moe-gating', label: 'moe · gating', aliases: ['moe-routing'] });
    // Another topic of this build is now called that: the continuing one takes its new label.
    const taken = assignTopicIds(state, [grown('moe · gating', ['moe', 'routing']), { ...cluster(range(12, 20), 'moe · routing'), labelTerms: ['moe', 'routing'] }]);
    expect(taken.labels).toEqual(['moe · gating', 'moe · routing']);
    // Without labelTerms the label follows the new one, as before.
    expect(assignTopicIds(state, [cluster(range(0, 12), 'moe · gating'), other]).labels[0]).toBe('moe · gating');
    // A term whose display form changed case is the same term: the label stays.
    const recased = assignTopicIds(state, [grown('MoE · Routing', ['MoE', 'Routing', 'gating']), other]);
    expect(recased.labels[0]).toBe('moe · routing');
    expect(recased.slugs[0]).toBe('moe-routing');
  });

  it('is deterministic', () => {
    const state = firstBuild();
    const clusters = [cluster([...range(0, 5), ...range(10, 13)], 'Mix'), cluster([...range(5, 10), ...range(13, 16)], 'Mix'), cluster(range(16, 20), 'Gamma')];
    expect(assignTopicIds(state, clusters)).toEqual(assignTopicIds(structuredClone(state), clusters));
  });
});

describe('topicRedirects', () => {
  it('lists renamed slugs and retired slugs (following chains to live topics), never a live slug', () => {
    const state = firstBuild();
    // Alpha is renamed; Gamma merges into Beta.
    const second = assignTopicIds(state, [cluster(range(0, 10), 'Alpha two'), cluster(range(10, 20), 'Beta')]).state;
    // Beta then splits 12/8 into Beta (keeps t02) and Epsilon (t04) ...
    const third = assignTopicIds(second, [cluster(range(0, 10), 'Alpha two'), cluster([...range(10, 18), 'q1', 'q2', 'q3', 'q4'], 'Beta'), cluster([...range(18, 20), ...range(200, 206)], 'Epsilon')]).state;
    // ... and finally Beta dissolves into Alpha (75%) and Epsilon (25%).
    const fourth = assignTopicIds(third, [cluster([...range(0, 10), ...range(10, 16), 'q1', 'q2', 'q3'], 'Alpha two'), cluster([...range(16, 20), ...range(200, 206), 'q4'], 'Epsilon')]).state;
    expect(fourth.retired.map((t) => [t.id, t.movedTo])).toEqual([
      ['t02', [{ id: 't01', share: 0.75 }, { id: 't04', share: 0.25 }]],
      ['t03', [{ id: 't02', share: 1 }]],
    ]);
    expect(topicRedirects(fourth)).toEqual([
      { slug: 'alpha', reason: 'renamed', label: 'Alpha two', targets: [{ id: 't01', slug: 'alpha-two', label: 'Alpha two', share: 1 }] },
      {
        slug: 'beta',
        reason: 'retired',
        label: 'Beta',
        targets: [
          { id: 't01', slug: 'alpha-two', label: 'Alpha two', share: 0.75 },
          { id: 't04', slug: 'epsilon', label: 'Epsilon', share: 0.25 },
        ],
      },
      {
        slug: 'gamma',
        reason: 'retired',
        label: 'Gamma',
        targets: [
          { id: 't01', slug: 'alpha-two', label: 'Alpha two', share: 0.75 },
          { id: 't04', slug: 'epsilon', label: 'Epsilon', share: 0.25 },
        ],
      },
    ]);
  });

  it('is empty for a fresh state', () => {
    expect(topicRedirects(firstBuild())).toEqual([]);
  });
});

describe('state file', () => {
  it('round-trips through serializeTopicState and parseTopicState', () => {
    const state = assignTopicIds(firstBuild(), [cluster(range(0, 10), 'Alpha two'), cluster(range(10, 20), 'Beta')]).state;
    const text = serializeTopicState(state);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseTopicState(text)).toEqual(state);
  });

  it('rejects a broken file with a message naming the file and the fix', () => {
    expect(() => parseTopicState('{', 'content/topics.json')).toThrow(/^content\/topics\.json: not valid JSON .*fix or delete the file/);
    expect(() => parseTopicState('{"version": 2, "topics": [], "retired": []}')).toThrow(/"version" is 2, expected 1/);
    expect(() => parseTopicState('{"version": 1, "topics": [{"id": "t01"}], "retired": []}')).toThrow(/topics\[0\] needs/);
    expect(() =>
      parseTopicState('{"version": 1, "topics": [{"id": "t01", "slug": "a", "label": "A", "papers": []}], "retired": [{"id": "t01", "slug": "b", "label": "B", "movedTo": []}]}'),
    ).toThrow(/"t01" is used twice/);
  });
});
