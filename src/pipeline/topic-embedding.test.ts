import { describe, expect, it } from 'vitest';
import { classicalMds, graphDistances, orientByKeys } from './topic-embedding';

describe('graphDistances', () => {
  it('gives shortest paths, and 1.5 × the longest for pairs in different components', () => {
    // 0 –1– 1 –2– 2, a shortcut 0 –5– 2 that is longer than the path; 3 is alone.
    const d = graphDistances(4, [
      { a: 0, b: 1, length: 1 },
      { a: 1, b: 2, length: 2 },
      { a: 0, b: 2, length: 5 },
    ]);
    expect([...d]).toEqual([0, 1, 3, 4.5, 1, 0, 2, 4.5, 3, 2, 0, 4.5, 4.5, 4.5, 4.5, 0]);
  });
});

describe('classicalMds', () => {
  it('recovers the distances of points that lie in a plane', () => {
    // A 3-4-5 right triangle and a fourth point: any 2-D embedding must keep all six distances.
    const pts = [
      [0, 0],
      [3, 0],
      [0, 4],
      [3, 4],
    ];
    const d = new Float64Array(16);
    pts.forEach((p, i) => pts.forEach((q, j) => (d[i * 4 + j] = Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!))));
    const xy = classicalMds(d, 4, [1, 1, 1, 1]);
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 4; j += 1) {
        expect(Math.hypot(xy[2 * i]! - xy[2 * j]!, xy[2 * i + 1]! - xy[2 * j + 1]!)).toBeCloseTo(d[i * 4 + j]!, 6);
      }
    }
  });

  it('signs each axis so that its heavy side is positive', () => {
    // Points on a line; the heavy point sits at one end.
    const line = [0, 1, 2, 10];
    const d = new Float64Array(16);
    line.forEach((a, i) => line.forEach((b, j) => (d[i * 4 + j] = Math.abs(a - b))));
    const xy = classicalMds(d, 4, [1, 1, 1, 8]);
    expect(xy[6]! > 0).toBe(true);
    expect(xy[6]! - xy[0]!).toBeCloseTo(10, 6);
  });
});

describe('orientByKeys', () => {
  it('gives the same picture however the input is turned or mirrored', () => {
    const keys = ['t01', 't02', 't03', 't04', 't05'];
    const weights = [5, 4, 3, 2, 1];
    const base = [0, 0, 3, 1, -1, 2, 2, -2, -3, -1];
    const turned = (angle: number, mirror: boolean) =>
      Float64Array.from(base, (_, i) => {
        const x = base[i - (i % 2)]!;
        const y = (mirror ? -1 : 1) * base[i - (i % 2) + 1]!;
        return i % 2 === 0 ? x * Math.cos(angle) - y * Math.sin(angle) : x * Math.sin(angle) + y * Math.cos(angle);
      });
    const reference = [...orientByKeys(turned(0, false), keys, weights)];
    for (const [angle, mirror] of [
      [1, false],
      [2.5, true],
      [-0.7, true],
    ] as const) {
      [...orientByKeys(turned(angle, mirror), keys, weights)].forEach((v, i) => expect(v).toBeCloseTo(reference[i]!, 9));
    }
  });
});
