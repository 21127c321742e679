import { describe, expect, it } from 'vitest';
import { LABEL_BASELINE, assignColours, discScale, estimateTextWidth, labelShift, linkStyle, nodeRadius, placeLabels, wrapLabel } from './map-geometry';

describe('nodeRadius', () => {
  it('makes area proportional to papers, with a visible minimum', () => {
    expect(nodeRadius(40, 40)).toBe(14);
    expect(nodeRadius(10, 40)).toBe(7);
    expect(nodeRadius(0, 40)).toBe(3.5);
    expect(nodeRadius(5, 0)).toBe(3.5);
  });
});

describe('labels and discs', () => {
  it('puts the label below the circle or moves it above', () => {
    expect(LABEL_BASELINE).toBeGreaterThan(10);
    // A box whose top is 7 px below the centre: the baseline ends up one font ascent lower.
    expect(labelShift(7) + LABEL_BASELINE).toBeCloseTo(7 + 12.5 * 0.92, 1);
  });
  it('shrinks discs with the map, within limits', () => {
    expect(discScale(0.3)).toBe(0.55);
    expect(discScale(0.8)).toBe(0.8);
    expect(discScale(3)).toBe(1);
  });
});

describe('linkStyle', () => {
  it('scales width and opacity on a log scale between the weakest and strongest link', () => {
    const weak = linkStyle(1, 1, 100);
    const mid = linkStyle(10, 1, 100);
    const strong = linkStyle(100, 1, 100);
    expect(weak.width).toBeLessThan(mid.width);
    expect(mid.width).toBeLessThan(strong.width);
    expect(mid.width).toBeCloseTo((weak.width + strong.width) / 2, 1);
    expect(strong.opacity).toBeLessThanOrEqual(1);
  });
  it('copes with a single strength', () => {
    expect(linkStyle(3, 3, 3).width).toBeGreaterThan(0);
  });
});

describe('estimateTextWidth / wrapLabel', () => {
  it('estimates wider text for longer and bolder labels', () => {
    expect(estimateTextWidth('mixture of experts', 12)).toBeGreaterThan(estimateTextWidth('MoE', 12));
    expect(estimateTextWidth('abc', 12, true)).toBeGreaterThan(estimateTextWidth('abc', 12));
  });
  it('breaks topic labels at the separators, then at spaces', () => {
    expect(wrapLabel('mixture of experts · routing')).toEqual(['mixture of experts', 'routing']);
    expect(wrapLabel('a very long phrase that does not fit on one line', 20)).toEqual(['a very long phrase', 'that does not fit on', 'one line']);
  });
});

describe('placeLabels', () => {
  const view = { width: 400, height: 300 };
  it('hides the lighter of two colliding labels and keeps both when apart', () => {
    const a = { x: 100, y: 100, width: 80, height: 14, r: 5, priority: 10 };
    const b = { x: 110, y: 100, width: 80, height: 14, r: 5, priority: 5 };
    const placed = placeLabels([b, a], [], view);
    expect(placed[1]).toMatchObject({ show: true, dx: 0, top: 7 });
    // b moves above its node instead of overlapping a's label below.
    expect(placed[0]).toMatchObject({ show: true, dx: 0, top: -21 });
    // A third one at the same place finds no room (its side spots would touch the others).
    const three = placeLabels([a, b, { ...b, x: 105, priority: 1 }], [], view);
    expect(three[2]?.show).toBe(false);
    const far = placeLabels([a, { ...b, x: 300 }], [], view);
    expect(far.every((p) => p.show && p.top > 0)).toBe(true);
  });
  it('does not cover another node', () => {
    const a = { x: 100, y: 100, width: 80, height: 14, r: 5, priority: 10 };
    const ring = [
      { x: 100, y: 115, r: 6, owner: -1 },
      { x: 100, y: 85, r: 6, owner: -1 },
      { x: 130, y: 100, r: 6, owner: -1 },
      { x: 70, y: 100, r: 6, owner: -1 },
    ];
    expect(placeLabels([a], ring, view)[0]?.show).toBe(false);
    // With the left free, the label goes left of its node.
    const left = placeLabels([a], ring.slice(0, 3), view)[0];
    expect(left).toMatchObject({ show: true, top: -7 });
    expect(left!.dx).toBeLessThan(-40);
    expect(placeLabels([a], [{ x: 100, y: 100, r: 5, owner: 0 }], view)[0]?.show).toBe(true);
  });
  it('shifts labels at the edges into the view and skips nodes outside it', () => {
    const placed = placeLabels(
      [
        { x: 5, y: 50, width: 60, height: 14, r: 4, priority: 1 },
        { x: 398, y: 150, width: 60, height: 14, r: 4, priority: 1 },
        { x: -20, y: 50, width: 10, height: 14, r: 4, priority: 1 },
      ],
      [],
      view,
    );
    expect(placed[0]?.dx).toBe(29);
    expect(placed[1]?.dx).toBe(-32);
    expect(placed[2]?.show).toBe(false);
  });
  it('centres node-less labels (topic names) on their anchor and places them first', () => {
    const topic = { x: 200, y: 150, width: 120, height: 30, r: 0, priority: 1e6 };
    const term = { x: 200, y: 140, width: 50, height: 14, r: 4, priority: 50 };
    const placed = placeLabels([term, topic], [], view);
    expect(placed[1]).toMatchObject({ show: true, dx: 0, top: -15 });
    expect(placed[0]?.show).toBe(false);
  });
  it('lets a label overlap the edge of a lighter node but not its centre', () => {
    const a = { x: 100, y: 100, width: 80, height: 14, r: 5, priority: 10 };
    const edge = { x: 100, y: 124, r: 4, owner: -1, priority: 2 };
    expect(placeLabels([a], [edge], view)[0]).toMatchObject({ show: true, top: 7 });
    expect(placeLabels([a], [{ ...edge, priority: 20 }], view)[0]).toMatchObject({ show: true, top: -21 });
    expect(placeLabels([a], [{ ...edge, y: 112, priority: 5 }], view)[0]).toMatchObject({ show: true, top: -21 });
    // A much lighter node may be covered.
    expect(placeLabels([a], [{ ...edge, y: 112, priority: 3 }], view)[0]).toMatchObject({ show: true, top: 7 });
  });
  it('lets topic names cover node circles but not other labels', () => {
    const topic = { x: 200, y: 150, width: 120, height: 30, r: 0, priority: 1e6, overNodes: true };
    const dot = { x: 200, y: 150, r: 6, owner: -1 };
    // Moved above the node it would hide …
    expect(placeLabels([topic], [dot], view)[0]).toMatchObject({ show: true, top: -36 });
    // … or kept centred over it when there is no other room.
    const boxed = [dot, { ...dot, y: 120 }, { ...dot, y: 175 }];
    expect(placeLabels([topic], boxed, view)[0]).toMatchObject({ show: true, top: -15 });
    expect(placeLabels([{ ...topic, overNodes: false }], [dot], view)[0]?.show).toBe(false);
  });
});

describe('assignColours', () => {
  it('keeps cluster indices when the palette is large enough', () => {
    expect(assignColours([{ x: 0, y: 0 }, { x: 1, y: 1 }], 8)).toEqual([0, 1]);
  });
  it('gives a repeated colour to a far-away cluster', () => {
    const centres = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 1000, y: 0 },
    ];
    const colours = assignColours(centres, 2);
    expect(colours.slice(0, 2)).toEqual([0, 1]);
    expect(colours[2]).toBe(0);
    const ten = Array.from({ length: 20 }, (_, i) => ({ x: (i % 5) * 100, y: Math.floor(i / 5) * 100 }));
    const c = assignColours(ten, 8);
    expect(Math.max(...c)).toBeLessThan(8);
    // Horizontal neighbours never share a colour.
    for (let i = 0; i < 20; i++) if (i % 5 < 4) expect(c[i]).not.toBe(c[i + 1]);
  });
});
