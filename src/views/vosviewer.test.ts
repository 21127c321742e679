import { describe, expect, it } from 'vitest';
import { vosviewerJson } from './vosviewer';

describe('vosviewerJson', () => {
  const map = {
    nodes: [
      { term: 'a', label: 'Alpha', weight: 5, x: 100, y: 50, cluster: 0 },
      { term: 'b', label: 'Beta', weight: 3, x: 300, y: 150, cluster: 1 },
      { term: 'c', label: 'Gamma', weight: 2, x: 200, y: 100, cluster: 1 },
    ],
    links: [
      { source: 'a', target: 'b', count: 2 },
      { source: 'b', target: 'c', count: 1 },
      { source: 'a', target: 'gone', count: 4 },
    ],
  };
  const json = vosviewerJson(map, (term) => (term === 'c' ? undefined : `https://example.org/terms/${term}/`));

  it('numbers items from 1, centres and scales coordinates to [-1, 1] with y up, and counts clusters from 1', () => {
    expect(json.network.items).toEqual([
      { id: 1, label: 'Alpha', x: -1, y: 0.5, cluster: 1, weights: { Occurrences: 5 }, url: 'https://example.org/terms/a/' },
      { id: 2, label: 'Beta', x: 1, y: -0.5, cluster: 2, weights: { Occurrences: 3 }, url: 'https://example.org/terms/b/' },
      { id: 3, label: 'Gamma', x: 0, y: 0, cluster: 2, weights: { Occurrences: 2 } },
    ]);
  });

  it('links items by id with the papers they share as strength, dropping links to terms not on the map', () => {
    expect(json.network.links).toEqual([
      { source_id: 1, target_id: 2, strength: 2 },
      { source_id: 2, target_id: 3, strength: 1 },
    ]);
    expect(json.config.terminology['item']).toBe('Term');
  });
});
