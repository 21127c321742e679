import { describe, expect, it } from 'vitest';
import type { PaperMapMeta } from './paper-map';
import { paperMapPageView } from './paper-map-page';
import { mapColour } from '../client/paper-map-data';

const topic = (label: string, x: number, y: number, r: number, start: number, count: number, colour: number, area = 0) => ({
  label,
  href: `/topics/${label}/`,
  x,
  y,
  r,
  start,
  count,
  colour,
  shade: colour,
  area,
});
const meta: PaperMapMeta = {
  count: 1234,
  width: 2000,
  height: 1000,
  digestBytes: 1,
  chunk: 256,
  topics: [topic('zeta', 500, 500, 400, 0, 1000, 0), topic('alpha', 1500, 500, 200, 1000, 200, 1), topic('beta', 1800, 100, 10, 1200, 34, 12, -1), topic('empty', 0, 0, 0, 1234, 0, 2)],
  areas: [{ label: 'The area', href: '/areas/the-area/', x: 1000, y: 500, r: 1000, count: 1200, colour: 3 }],
  digests: ['Mar 1', 'Mar 2'],
};

describe('paperMapPageView', () => {
  it('scales the overview to 1000 units, labels the areas, lists places by area and digests with the range ends selected', () => {
    const view = paperMapPageView(meta, 3);
    expect(view.overview.width).toBe(1000);
    expect(view.overview.height).toBe(500);
    expect(view.overview.discs.map(({ light, dark, ...d }) => d)).toEqual([
      { cx: 250, cy: 250, r: 200, href: '/topics/zeta/', label: 'zeta (1,000 papers)' },
      { cx: 750, cy: 250, r: 100, href: '/topics/alpha/', label: 'alpha (200 papers)' },
      { cx: 900, cy: 50, r: 5, href: '/topics/beta/', label: 'beta (34 papers)' },
    ]);
    // Each disc in its colour and shade, light and dark.
    expect(view.overview.discs.map((d) => [d.light, d.dark])).toEqual([
      [mapColour(0, 0, false), mapColour(0, 0, true)],
      [mapColour(1, 1, false), mapColour(1, 1, true)],
      [mapColour(12, 12, false), mapColour(12, 12, true)],
    ]);
    expect(view.overview.labels).toEqual([{ x: 500, y: 250, href: '/areas/the-area/', text: 'The area' }]);
    expect(view.legend).toEqual([{ label: 'The area', href: '/areas/the-area/', count: '1,200', light: mapColour(3, 0, false), dark: mapColour(3, 0, true) }]);
    expect(view.places).toEqual([
      {
        label: 'The area',
        options: [
          { value: 'a0', text: 'The whole area (1,200)' },
          { value: '1', text: 'alpha (200)' },
          { value: '0', text: 'zeta (1,000)' },
        ],
      },
      { label: 'In no area', options: [{ value: '2', text: 'beta (34)' }] },
    ]);
    expect(view.digests).toEqual([
      { label: 'Mar 1', value: '0', first: true, last: false },
      { label: 'Mar 2', value: '1', first: false, last: true },
    ]);
    expect(view.description).toBe('All 1,234 papers on one map, placed by similarity and coloured by area.');
    expect(view.files.points).toBe('/map/papers/points.bin');
  });

  it('draws only the largest topics when there are more than the overview takes', () => {
    expect(paperMapPageView(meta, 3, 2).overview.discs.map((d) => d.href)).toEqual(['/topics/zeta/', '/topics/alpha/']);
    expect(paperMapPageView(meta, 3, 1).overview.discs.map((d) => d.href)).toEqual(['/topics/zeta/']);
  });

  it('escapes < in the embedded meta so a label cannot close the script element', () => {
    const view = paperMapPageView({ ...meta, topics: [topic('</script><b>', 10, 10, 5, 0, 1234, 0)] }, 1);
    expect(view.metaJson).not.toContain('</script>');
    expect(JSON.parse(view.metaJson).topics[0].label).toBe('</script><b>');
  });
});
