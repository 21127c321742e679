import { describe, expect, it } from 'vitest';
import type { PaperMapMeta } from './paper-map';
import { paperMapPageView } from './paper-map-page';

const topic = (label: string, x: number, y: number, r: number, start: number, count: number, colour: number) => ({ label, href: `/topics/${label}/`, x, y, r, start, count, colour });
const meta: PaperMapMeta = {
  count: 1234,
  width: 2000,
  height: 1000,
  digestBytes: 1,
  chunk: 256,
  topics: [topic('zeta', 500, 500, 400, 0, 1000, 0), topic('alpha', 1500, 500, 200, 1000, 234, 1), topic('empty', 0, 0, 0, 1234, 0, 2)],
  digests: ['Mar 1', 'Mar 2'],
};

describe('paperMapPageView', () => {
  it('scales the overview to 1000 units, lists topics A–Z and digests with the range ends selected', () => {
    const view = paperMapPageView(meta, 3);
    expect(view.overview.width).toBe(1000);
    expect(view.overview.height).toBe(500);
    expect(view.overview.discs).toEqual([
      { cx: 250, cy: 250, r: 200, href: '/topics/zeta/', label: 'zeta (1,000 papers)', colour: 0 },
      { cx: 750, cy: 250, r: 100, href: '/topics/alpha/', label: 'alpha (234 papers)', colour: 1 },
    ]);
    expect(view.overview.labels.map((l) => l.text)).toEqual(['zeta', 'alpha']);
    expect(view.topics).toEqual([
      { value: '1', text: 'alpha (234)' },
      { value: '0', text: 'zeta (1,000)' },
    ]);
    expect(view.digests).toEqual([
      { label: 'Mar 1', value: '0', first: true, last: false },
      { label: 'Mar 2', value: '1', first: false, last: true },
    ]);
    expect(view.description).toBe('All 1,234 papers on one map, placed by similarity and coloured by topic.');
    expect(view.files.points).toBe('/map/papers/points.bin');
  });

  it('escapes < in the embedded meta so a label cannot close the script element', () => {
    const view = paperMapPageView({ ...meta, topics: [topic('</script><b>', 10, 10, 5, 0, 1234, 0)] }, 1);
    expect(view.metaJson).not.toContain('</script>');
    expect(JSON.parse(view.metaJson).topics[0].label).toBe('</script><b>');
  });
});
