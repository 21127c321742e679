import { describe, expect, it } from 'vitest';
import { areaGaps, discRadius, paperLayout, type LayoutEdge } from './paper-layout';

// Three topics: a (p0–p3), b (p4–p6), c (p7–p8); p3 has its strongest neighbours in b; p9 is in no topic.
const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'];
const topics = [
  { id: 'a', papers: ['p1', 'p0', 'p2', 'p3'] },
  { id: 'b', papers: ['p4', 'p5', 'p6'] },
  { id: 'c', papers: ['p8', 'p7'] },
];
const knn: LayoutEdge[] = [
  { source: 0, target: 1, weight: 0.9 },
  { source: 0, target: 2, weight: 0.8 },
  { source: 1, target: 2, weight: 0.7 },
  { source: 1, target: 3, weight: 0.2 },
  { source: 3, target: 4, weight: 0.9 },
  { source: 3, target: 5, weight: 0.9 },
  { source: 4, target: 5, weight: 0.8 },
  { source: 5, target: 6, weight: 0.8 },
  { source: 7, target: 8, weight: 0.9 },
  { source: 2, target: 7, weight: 0.1 },
];

describe('paperLayout', () => {
  const result = paperLayout(ids, knn, topics);

  it('lists the papers topic by topic, most central first, then the papers of no topic', () => {
    expect(result.papers).toEqual(['p1', 'p0', 'p2', 'p3', 'p4', 'p5', 'p6', 'p8', 'p7', 'p9']);
    expect(result.topics.map((t) => [t.topic, t.count])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 2],
      ['', 1],
    ]);
    expect(result.topics.map((t) => t.r)).toEqual([4, 3, 2, 1].map((n) => Math.round(discRadius(n) * 100) / 100));
  });

  it('keeps every paper inside its topic disc and the discs apart', () => {
    let start = 0;
    for (const disc of result.topics) {
      for (let i = start; i < start + disc.count; i += 1) {
        expect(Math.hypot((result.x[i] as number) - disc.x, (result.y[i] as number) - disc.y)).toBeLessThanOrEqual(disc.r + 0.02);
      }
      start += disc.count;
    }
    for (const [i, a] of result.topics.entries()) {
      for (const b of result.topics.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
    }
  });

  it('puts a paper whose neighbours are in another topic on the side of the disc facing that topic', () => {
    const [a, b] = result.topics;
    const p3 = result.papers.indexOf('p3');
    const towardsB = ((b?.x ?? 0) - (a?.x ?? 0)) * ((result.x[p3] as number) - (a?.x ?? 0)) + ((b?.y ?? 0) - (a?.y ?? 0)) * ((result.y[p3] as number) - (a?.y ?? 0));
    expect(towardsB).toBeGreaterThan(0);
  });

  it('gives the same coordinates on every run, and whatever order the knn edges come in', () => {
    expect(paperLayout(ids, knn, topics)).toEqual(result);
    expect(paperLayout(ids, [...knn].reverse(), topics)).toEqual(result);
  });

  it('seeded from its own disc places (the papers of no topic too), gives exactly the same map', () => {
    const places = Object.fromEntries(result.topics.map((t) => [t.topic, [t.x, t.y] as [number, number]]));
    expect(paperLayout(ids, knn, topics, { previous: { topics, places } })).toEqual(result);
  });

  it('seeded from its own disc places but the papers of no topic, keeps the seeded discs where they were relative to each other', () => {
    const places = Object.fromEntries(result.topics.filter((t) => t.topic !== '').map((t) => [t.topic, [t.x, t.y] as [number, number]]));
    const previous = { topics, places };
    const again = paperLayout(ids, knn, topics, { previous });
    // The unseeded disc (papers of no topic) may move, and the map is re-centred: compare offsets from disc 'a'.
    const offsets = (r: typeof result) => r.topics.slice(1, 3).map((t) => [t.x - (r.topics[0]?.x ?? 0), t.y - (r.topics[0]?.y ?? 0)]);
    offsets(again).forEach(([dx, dy], i) => {
      expect(Math.abs((dx as number) - (offsets(result)[i]?.[0] as number))).toBeLessThan(0.03);
      expect(Math.abs((dy as number) - (offsets(result)[i]?.[1] as number))).toBeLessThan(0.03);
    });
  });

  it("seeded with a new topic's papers, starts its disc where they were", () => {
    // Turned by 180° round the origin: 'a' and 'b' swap sides, and 'c' (whose papers moved with them) follows.
    const places = Object.fromEntries(result.topics.filter((t) => t.topic !== '').map((t) => [t.topic, [-t.x, -t.y] as [number, number]]));
    const renamed = topics.map((t) => ({ ...t, id: `old-${t.id}` }));
    const seeded = paperLayout(ids, knn, topics, { previous: { topics: renamed, places: Object.fromEntries(Object.entries(places).map(([k, v]) => [`old-${k}`, v])) } });
    const dot = (i: number) => (seeded.topics[i]?.x ?? 0) * (result.topics[i]?.x ?? 0) + (seeded.topics[i]?.y ?? 0) * (result.topics[i]?.y ?? 0);
    for (const i of [0, 1, 2]) expect(dot(i), result.topics[i]?.topic).toBeLessThan(0);
  });

  it('places a single paper at its disc centre', () => {
    expect(paperLayout(['x'], [], [{ id: 't', papers: ['x'] }])).toEqual({
      papers: ['x'],
      x: [0],
      y: [0],
      topics: [{ topic: 't', x: 0, y: 0, r: Math.round(discRadius(1) * 100) / 100, count: 1 }],
    });
  });
});

describe('areaGaps', () => {
  it('lengthens the distances across areas by the mean distance, and none within an area', () => {
    const d = Float64Array.from([0, 1, 2, 1, 0, 3, 2, 3, 0]);
    // Mean of the off-diagonal distances: 2, so 2 is added between a and b (and to the topic of no area).
    expect([...areaGaps(d, ['a', 'a', 'b'])].map((v) => Math.round(v * 100) / 100)).toEqual([0, 1, 4, 1, 0, 5, 4, 5, 0]);
    expect([...areaGaps(d, ['a', 'a', ''])].map((v) => Math.round(v * 100) / 100)).toEqual([0, 1, 4, 1, 0, 5, 4, 5, 0]);
    expect(areaGaps(d, ['', '', ''])).toBe(d);
  });
});
