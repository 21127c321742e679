import { describe, expect, it } from 'vitest';
import { labelBox, layout, type LayoutLink, type LayoutNode } from './force-layout';

const labels = [
  'mixture of experts',
  'routing',
  'load balancing',
  'sparse MoE',
  'expert parallelism',
  'pruning',
  'sparsity',
  'structured pruning',
  'magnitude',
  'lottery ticket hypothesis',
  'recommendation',
  'click-through rate',
  'user behavior',
  'meta-learning',
  'few-shot learning',
  'MAML',
];
const nodes: LayoutNode[] = labels.map((label, i) => ({ id: label.toLowerCase(), label, fontSize: 12.5, radius: 14 - i * 0.6, cluster: Math.floor(i / 5) }));
const link = (a: number, b: number, strength: number): LayoutLink => ({ source: nodes[a]?.id ?? '', target: nodes[b]?.id ?? '', strength });
const links: LayoutLink[] = [
  link(0, 1, 3),
  link(0, 2, 2),
  link(0, 3, 5),
  link(1, 2, 4),
  link(3, 4, 1.5),
  link(5, 6, 2),
  link(5, 7, 6),
  link(6, 8, 1.2),
  link(5, 9, 2.5),
  link(10, 11, 3),
  link(10, 12, 2),
  link(11, 12, 1.1),
  link(13, 14, 4),
  link(13, 15, 8),
  link(3, 6, 0.8),
];

/** Label boxes of a layout result. */
function boxes(result: ReturnType<typeof layout>, of: readonly LayoutNode[]): { id: string; x0: number; x1: number; y0: number; y1: number }[] {
  return of.map((n) => {
    const p = result.positions.get(n.id) ?? { x: NaN, y: NaN };
    const box = labelBox(n.label, n.fontSize, n.radius);
    return { id: n.id, x0: p.x - box.width / 2, x1: p.x + box.width / 2, y0: p.y - box.height / 2, y1: p.y + box.height / 2 };
  });
}

describe('labelBox', () => {
  it('approximates a label box as 0.6 × font size per character by 1.2 × font size per line, stacked with the circle', () => {
    expect(labelBox('routing', 10)).toEqual({ width: 42, height: 12 });
    expect(labelBox('μLO', 20)).toEqual({ width: 36, height: 24 });
    expect(labelBox('routing', 10, 5)).toEqual({ width: 42, height: 22 });
    expect(labelBox('a', 10, 5)).toEqual({ width: 10, height: 22 });
    expect(labelBox('pruning\nsparse training', 10)).toEqual({ width: 90, height: 24 });
  });
});

describe('layout', () => {
  it('gives the same coordinates for the same input, byte for byte, whatever the input order', () => {
    const first = layout(nodes, links);
    const again = layout(nodes, links);
    const reordered = layout([...nodes].reverse(), [...links].reverse());
    const json = (r: ReturnType<typeof layout>): string => JSON.stringify({ ...r, positions: [...r.positions] });
    expect(json(again)).toBe(json(first));
    expect(json(reordered)).toBe(json(first));
  });

  it('places every label inside the viewBox, rounded to 0.1, without overlapping label boxes', () => {
    const result = layout(nodes, links);
    expect(result.width).toBeGreaterThanOrEqual(800);
    expect(result.height).toBeGreaterThanOrEqual(600);
    const all = boxes(result, nodes);
    for (const b of all) {
      const p = result.positions.get(b.id);
      expect(Number.isFinite(p?.x)).toBe(true);
      expect(Math.round((p?.x ?? 0) * 10) / 10).toBe(p?.x);
      expect(Math.round((p?.y ?? 0) * 10) / 10).toBe(p?.y);
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(result.width);
      expect(b.y1).toBeLessThanOrEqual(result.height);
    }
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) {
        const a = all[i];
        const b = all[j];
        if (!a || !b) continue;
        const overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlaps, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('pulls strongly linked labels closer than unlinked ones', () => {
    const result = layout(nodes, links);
    const distance = (a: string, b: string): number => {
      const p = result.positions.get(a);
      const q = result.positions.get(b);
      return Math.hypot((p?.x ?? 0) - (q?.x ?? 0), (p?.y ?? 0) - (q?.y ?? 0));
    };
    expect(distance('meta-learning', 'maml')).toBeLessThan(distance('meta-learning', 'routing'));
    expect(distance('pruning', 'structured pruning')).toBeLessThan(distance('pruning', 'user behavior'));
  });

  it('grows the viewBox rather than shrinking labels when they need more room', () => {
    const crowd: LayoutNode[] = Array.from({ length: 150 }, (_, i) => ({ id: `n${i}`, label: `a rather long term label ${i}`, fontSize: 16, cluster: 0 }));
    const result = layout(crowd, []);
    expect(result.width * result.height).toBeGreaterThan(800 * 600);
    const all = boxes(result, crowd);
    const overlapping = all.filter((a, i) => all.some((b, j) => j > i && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
    expect(overlapping).toEqual([]);
  });

  it('lays clusters out as separate regions when cohesion is set, without overlaps, deterministically', () => {
    const clustered: LayoutNode[] = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, label: `term ${i}`, fontSize: 12.5, radius: 4, cluster: i % 3 }));
    // A chain inside every cluster (n0–n3–n6…), and every fifth node tied as strongly to the next cluster.
    const mixed: LayoutLink[] = [
      ...Array.from({ length: 57 }, (_, i) => ({ source: `n${i}`, target: `n${i + 3}`, strength: 1 })),
      ...Array.from({ length: 12 }, (_, i) => ({ source: `n${5 * i}`, target: `n${5 * i + 1}`, strength: 1 })),
    ];
    const result = layout(clustered, mixed, { cohesion: 0.3 });
    expect(JSON.stringify([...layout(clustered, mixed, { cohesion: 0.3 }).positions])).toBe(JSON.stringify([...result.positions]));
    const centre = (c: number): { x: number; y: number } => {
      const members = clustered.filter((n) => n.cluster === c).map((n) => result.positions.get(n.id) ?? { x: 0, y: 0 });
      return { x: members.reduce((s, p) => s + p.x, 0) / members.length, y: members.reduce((s, p) => s + p.y, 0) / members.length };
    };
    const centres = [0, 1, 2].map(centre);
    for (const n of clustered) {
      const p = result.positions.get(n.id) ?? { x: 0, y: 0 };
      const d = centres.map((c) => Math.hypot(p.x - c.x, p.y - c.y));
      expect(d.indexOf(Math.min(...d)), n.id).toBe(n.cluster);
    }
    const all = boxes(result, clustered);
    const overlapping = all.filter((a, i) => all.some((b, j) => j > i && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
    expect(overlapping).toEqual([]);
  });

  it('lays out an empty or single-node graph', () => {
    expect(layout([], [])).toEqual({ positions: new Map(), width: 800, height: 600 });
    expect(layout([{ id: 'x', label: 'x', fontSize: 12, cluster: 0 }], []).positions.get('x')).toEqual({ x: 400, y: 300 });
  });
});
