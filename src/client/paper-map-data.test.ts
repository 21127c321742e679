import { describe, expect, it } from 'vitest';
import { quadtree } from 'd3-quadtree';
import { abgr, contrast, MAP_BACKGROUND, MAP_COLOURS_DARK, MAP_COLOURS_LIGHT, MAP_SHADES, mapColour, chunkOf, decodePoints, inRange, mapParams, mix, nearestShown, overlaps, placeBoxes, shorten, type MapMeta } from './paper-map-data';

const meta = (count: number, digestBytes: 1 | 2): MapMeta => ({
  count,
  width: 10,
  height: 10,
  digestBytes,
  chunk: 2,
  topics: [{ label: 'T', href: '/topics/t/', x: 0, y: 0, r: 1, start: 0, count, colour: 0, shade: 0, area: 0 }],
  areas: [{ label: 'A', href: '/areas/a/', x: 0, y: 0, r: 1, count, colour: 0 }],
  digests: ['a'],
});

describe('decodePoints', () => {
  it('reads x, y and two-byte digest indices, little-endian', () => {
    const bytes = new Uint8Array([1, 0, 0, 1, 2, 0, 3, 0, 4, 1, 5, 0]);
    const points = decodePoints(bytes.buffer, meta(2, 2));
    expect([...points.x, ...points.y, ...points.digest]).toEqual([1, 256, 2, 3, 260, 5]);
  });

  it('refuses a file of the wrong size', () => {
    expect(() => decodePoints(new ArrayBuffer(9), meta(2, 1))).toThrow('expected 10');
  });
});

describe('inRange', () => {
  it('keeps the points whose digest lies in the range, both ends included', () => {
    const { shown, count } = inRange([0, 1, 2, 3, 1], 1, 2);
    expect([...shown]).toEqual([0, 1, 1, 0, 1]);
    expect(count).toBe(3);
  });
});

describe('placeBoxes', () => {
  it('keeps boxes in order unless they overlap one kept or taken, or leave the view', () => {
    const view: [number, number, number, number] = [0, 0, 100, 100];
    const boxes: [number, number, number, number][] = [
      [0, 0, 10, 10],
      [5, 5, 15, 15],
      [10, 0, 20, 10],
      [95, 95, 105, 105],
      [30, 30, 40, 40],
    ];
    expect(placeBoxes(boxes, view)).toEqual([0, 2, 4]);
    expect(placeBoxes(boxes, view, [[35, 35, 36, 36]])).toEqual([0, 2]);
    expect(overlaps([0, 0, 10, 10], [10, 0, 20, 10])).toBe(false);
  });
});

describe('shorten', () => {
  it('cuts long titles at a word, with an ellipsis', () => {
    expect(shorten('Short title', 20)).toBe('Short title');
    expect(shorten('Attention is all you need for everything', 20)).toBe('Attention is all…');
  });
});

describe('mapParams', () => {
  it('reads the paper id and topic slug, ignoring values that are not ids', () => {
    expect(mapParams('?paper=ab12&topic=diffusion-models')).toEqual({ paper: 'ab12', topic: 'diffusion-models', area: null });
    expect(mapParams('?area=vision-language&paper=%3Cscript%3E')).toEqual({ paper: null, topic: null, area: 'vision-language' });
  });
});

describe('chunkOf', () => {
  it('gives the title chunk of a point', () => {
    expect([0, 255, 256, 511, 512].map((i) => chunkOf(i, 256))).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('nearestShown', () => {
  it('finds the nearest shown point within the radius, skipping hidden ones', () => {
    const bx = [0, 10, 12, 50];
    const by = [0, 0, 1, 50];
    const tree = quadtree<number>()
      .x((i) => bx[i]!)
      .y((i) => by[i]!)
      .addAll([0, 1, 2, 3]);
    expect(nearestShown(tree, bx, by, [1, 1, 1, 1], 11, 0, 5)).toBe(1);
    expect(nearestShown(tree, bx, by, [1, 0, 1, 1], 11, 0, 5)).toBe(2);
    expect(nearestShown(tree, bx, by, [1, 1, 1, 1], 30, 30, 5)).toBe(-1);
  });
});

describe('colours', () => {
  it('packs #rrggbb as the bytes R, G, B, A of a little-endian pixel, and mixes two colours', () => {
    const pixel = new Uint8Array(new Uint32Array([abgr('#102030')]).buffer);
    expect([...pixel]).toEqual([0x10, 0x20, 0x30, 255]);
    expect(mix('#ff0000', '#0000ff', 0.25)).toBe('#4000bf');
  });

  it("gives a topic its area's colour in a shade: darker steps on light, lighter or dimmer on dark", () => {
    expect(mapColour(0, 0, false)).toBe('#1f77b4');
    expect(mapColour(0, 1, false)).toBe(mix('#1f77b4', '#000000', 0.8));
    expect(mapColour(0, 2, true)).toBe(mix('#6fb3ea', MAP_BACKGROUND.dark, 0.72));
    // Out of range: the last colour (grey, for papers in no area).
    expect(mapColour(99, 0, false)).toBe('#6b6b6b');
  });

  it('keeps every colour and shade at 3:1 contrast or more with the background (WCAG non-text contrast)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(MAP_COLOURS_DARK.length).toBe(MAP_COLOURS_LIGHT.length);
    for (let c = 0; c < MAP_COLOURS_LIGHT.length; c += 1) {
      for (let s = 0; s < MAP_SHADES; s += 1) {
        expect(contrast(mapColour(c, s, false), MAP_BACKGROUND.light), `light ${c}/${s}`).toBeGreaterThanOrEqual(3);
        expect(contrast(mapColour(c, s, true), MAP_BACKGROUND.dark), `dark ${c}/${s}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
