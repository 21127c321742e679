import { describe, expect, it } from 'vitest';
import { areaCount, buildAreas, vectorSums, wardDistances, wardGroups } from './areas';
import { dot, sparseVector } from './vectors';

/** A unit vector along feature `f` (with a little of feature `g` when given). */
const unit = (f: number, g?: number) => sparseVector(g === undefined ? [[f, 1]] : [[f, 1], [g, 0.5]]);

describe('areaCount', () => {
  it('is 1.5·√topics within 8–20, and never more than the topics', () => {
    expect([3, 8, 11, 30, 47, 72, 138, 400].map(areaCount)).toEqual([3, 8, 8, 8, 10, 13, 18, 20]);
  });
});

describe('wardDistances', () => {
  it('is 2·|A|·|B|/(|A|+|B|) times the squared distance of the means', () => {
    // Group 0: two papers on feature 0; group 1: one paper on feature 1; group 2: one paper on feature 0.
    const vectors = [unit(0), unit(0), unit(1), unit(0)];
    const sums = vectorSums([[0, 1], [2], [3]], vectors);
    const d = wardDistances(sums, [2, 1, 1]);
    // Means (1,0) and (0,1): squared distance 2; 2·2·1/3 · 2 = 8/3. Same means (1,0): 0. Singletons (0,1),(1,0): 2.
    expect(d[0 * 3 + 1]).toBeCloseTo(8 / 3, 12);
    expect(d[0 * 3 + 2]).toBeCloseTo(0, 12);
    expect(d[1 * 3 + 2]).toBeCloseTo(2, 12);
    expect(d[1 * 3 + 0]).toBe(d[0 * 3 + 1]);
  });

  it('gives, to the bit, the distances of sparse dot products of the groups\' sums', () => {
    // Groups of overlapping random sparse vectors (a fixed linear congruential sequence).
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const vectors = Array.from({ length: 40 }, () => sparseVector(Array.from({ length: 12 }, () => [Math.floor(next() * 60), next()] as [number, number])));
    const groups = Array.from({ length: 9 }, (_, g) => vectors.map((_, p) => p).filter((p) => p % 9 === g || next() < 0.1));
    const sums = vectorSums(groups, vectors);
    const sizes = groups.map((g) => g.length);
    const d = wardDistances(sums, sizes);
    const v = sums.map((sum) => sparseVector(sum, false));
    for (let a = 0; a < 9; a += 1) {
      for (let b = a + 1; b < 9; b += 1) {
        const [sa, sb, va, vb] = [sizes[a]!, sizes[b]!, v[a]!, v[b]!];
        const means = dot(va, va) / (sa * sa) + dot(vb, vb) / (sb * sb) - (2 * dot(va, vb)) / (sa * sb);
        expect(d[a * 9 + b]).toBe(((2 * sa * sb) / (sa + sb)) * Math.max(0, means));
        expect(d[b * 9 + a]).toBe(d[a * 9 + b]);
      }
    }
  });
});

describe('wardGroups', () => {
  // Four items on a line at 0, 1, 10, 11 (squared Ward distances of singletons: (x − y)²).
  const line = (xs: number[]) => {
    const k = xs.length;
    const d = new Float64Array(k * k);
    xs.forEach((x, a) => xs.forEach((y, b) => (d[a * k + b] = (x - y) ** 2)));
    return d;
  };

  it('merges the cheapest pairs first, down to the target', () => {
    expect(wardGroups(line([0, 10, 1, 11]), [1, 1, 1, 1], 2)).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(wardGroups(line([0, 10, 1, 11]), [1, 1, 1, 1], 3)).toEqual([[0, 2], [1], [3]]);
  });

  it('keeps a group within the cap while another merge fits', () => {
    // Item 0 holds 5 papers; with a cap of 5 it cannot take item 1, so 1 and 2 merge although they are further apart.
    expect(wardGroups(line([0, 1, 5]), [5, 1, 1], 2, 5)).toEqual([[0], [1, 2]]);
    expect(wardGroups(line([0, 1, 5]), [5, 1, 1], 2)).toEqual([[0, 1], [2]]);
  });

  it('merges anyway when no pair fits the cap', () => {
    expect(wardGroups(line([0, 1, 5]), [5, 5, 5], 2, 6)).toEqual([[0, 1], [2]]);
  });

  it('gives the lower indices on ties and stops at one group', () => {
    expect(wardGroups(line([0, 1, 2]), [1, 1, 1], 2)).toEqual([[0, 1], [2]]);
    expect(wardGroups(line([0, 1, 2]), [1, 1, 1], 0)).toEqual([[0, 1, 2]]);
  });
});

describe('buildAreas', () => {
  // Six topics in two themes: features 0–2 (vision) and 3–5 (language); each topic's papers lean to its own feature.
  const paperIds = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const theme = (i: number) => (Math.floor(i / 2) < 3 ? 0 : 3);
  const vectors = paperIds.map((_, i) => unit(theme(i) + (Math.floor(i / 2) % 3), theme(i) === 0 ? 10 : 11));
  const termsOf = (i: number): string[] => (theme(i) === 0 ? ['image', `v${Math.floor(i / 2)}`] : ['text', `l${Math.floor(i / 2)}`]);
  const paperTermIds = paperIds.map((_, i) => termsOf(i));
  const topics = Array.from({ length: 6 }, (_, t) => ({ id: `t0${t + 1}`, label: t < 3 ? `v${t}` : `l${t}`, papers: [paperIds[2 * t] as string, paperIds[2 * t + 1] as string] }));
  const terms = ['image', 'text', 'v0', 'v1', 'v2', 'l3', 'l4', 'l5'].map((id) => ({ id, label: id }));

  it('groups the topics of a theme into one area, labels it and lists its central papers and neighbours', () => {
    const result = buildAreas({ topics, paperIds, vectors, paperTermIds, terms }, { count: 2 });
    expect(result.areas.map((a) => [a.id, a.topics, a.size, a.nearest])).toEqual([
      ['a01', ['t01', 't02', 't03'], 6, ['a02']],
      ['a02', ['t04', 't05', 't06'], 6, ['a01']],
    ]);
    expect(result.areas.map((a) => a.label.split(' · ')[0])).toEqual(['image', 'text']);
    expect(result.areas[0]?.slug).toBe(result.areas[0]?.label.replace(/ · /g, '-'));
    expect(result.areas[0]?.central).toHaveLength(6);
    expect(result.papers).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
    ]);
  });

  it('does not depend on the order the topics come in', () => {
    const a = buildAreas({ topics, paperIds, vectors, paperTermIds, terms }, { count: 2 });
    const b = buildAreas({ topics: [...topics].reverse(), paperIds, vectors, paperTermIds, terms }, { count: 2 });
    expect(b).toEqual(a);
  });

  it('keeps a given grouping, and a topic outside it joins the area whose centroid is nearest', () => {
    // Kept: t01 + t04 (across the themes, which a fresh grouping would never give) and t05; the rest are placed.
    const result = buildAreas({ topics, paperIds, vectors, paperTermIds, terms }, { keep: [['t01', 't04'], ['t05', 'gone']] });
    expect(result.areas.map((a) => a.topics)).toEqual([
      ['t01', 't02', 't03', 't04'],
      ['t05', 't06'],
    ]);
  });

  it('names a one-topic area apart from its topic where it can', () => {
    const result = buildAreas({ topics, paperIds, vectors, paperTermIds, terms }, { count: 6 });
    expect(result.areas).toHaveLength(6);
    for (const area of result.areas) {
      const topic = topics.find((t) => t.id === area.topics[0]);
      expect(area.label).not.toBe(topic?.label);
    }
  });

  it('names an area by a term most of whose papers it holds, not by a common one c-TF-IDF ranks first', () => {
    // Three themes of two 4-paper topics. Every vision paper says "generic", and so do 6 of the 8 papers of each other
    // theme, which have ten stronger terms of their own; "pixel" is in half the vision papers and nowhere else.
    const ids = Array.from({ length: 24 }, (_, i) => `q${String(i).padStart(2, '0')}`);
    const themeOf = (i: number) => Math.floor(i / 8);
    const topicOf = (i: number) => Math.floor(i / 4);
    const termIds = ids.map((_, i) => {
      const own = [`k${topicOf(i)}`];
      if (themeOf(i) === 0) return ['generic', ...own, ...(i < 4 ? ['pixel'] : [])];
      const common = Array.from({ length: 10 }, (_, j) => `s${themeOf(i)}-${j}`);
      return [...common, ...own, ...(i % 8 < 6 ? ['generic'] : [])];
    });
    const themed = ids.map((_, i) => unit(themeOf(i), 10 + topicOf(i)));
    const sixTopics = Array.from({ length: 6 }, (_, t) => ({ id: `t0${t + 1}`, label: `k${t}`, papers: ids.slice(4 * t, 4 * t + 4) }));
    const allTerms = [...new Set(termIds.flat())].map((id) => ({ id, label: id }));
    const result = buildAreas({ topics: sixTopics, paperIds: ids, vectors: themed, paperTermIds: termIds, terms: allTerms }, { count: 3 });
    const vision = result.areas.find((a) => a.topics.includes('t01'));
    expect(vision?.topics).toEqual(['t01', 't02']);
    // c-TF-IDF alone ranks "generic" (8 of its papers, 20 in all: focus 0.4) above "pixel" (4 of 4: focus 1).
    expect(result.rankings[result.areas.indexOf(vision as (typeof result.areas)[number])]?.[0]?.term).toBe('generic');
    expect(vision?.label.split(' · ')[0]).toBe('pixel');
    expect(vision?.label.split(' · ')).not.toContain('generic');
  });

  it('gives no areas for no topics', () => {
    expect(buildAreas({ topics: [], paperIds, vectors, paperTermIds, terms })).toEqual({ areas: [], rankings: [], papers: [] });
  });
});

describe('buildAreas size cap', () => {
  it('keeps every area within 2.5 / count of the papers (here 25 %) while merges fit', () => {
    // Eight one-paper topics along one feature with a second feature fading out: without a cap Ward joins the near ones first.
    const paperIds = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const vectors = paperIds.map((_, i) => sparseVector([[0, 1], [1, i]]));
    const topics = paperIds.map((id, i) => ({ id: `t0${i + 1}`, label: `x${i}`, papers: [id] }));
    const input = { topics, paperIds, vectors, paperTermIds: paperIds.map(() => ['x']), terms: [{ id: 'x', label: 'x' }] };
    const capped = buildAreas(input, { count: 4 });
    expect(capped.areas.map((a) => a.size)).toEqual([2, 2, 2, 2]);
    const loose = buildAreas(input, { count: 4, maxShare: 1 });
    expect(Math.max(...loose.areas.map((a) => a.size))).toBeGreaterThan(2);
  });
});
