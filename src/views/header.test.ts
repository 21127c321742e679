import { describe, expect, it } from 'vitest';
import { headerView } from './header';

describe('headerView', () => {
  it('marks the longest section the path is in, and only that one', () => {
    const current = (path: string) => headerView(path).links.filter((l) => l.current).map((l) => l.label);
    expect(current('/map/papers/')).toEqual(['Paper map']);
    expect(current('/map/')).toEqual(['Map']);
    expect(current('/topics/moe/2/')).toEqual(['Topics']);
    expect(current('/')).toEqual([]);
  });

  it('knows the search page with or without its trailing slash', () => {
    expect(headerView('/search/').onSearchPage).toBe(true);
    expect(headerView('/search').onSearchPage).toBe(true);
    expect(headerView('/searching/').onSearchPage).toBe(false);
  });

  it('leaves the Trends section out when trends are turned off', () => {
    expect(headerView('/trends/').links.map((l) => l.label)).toContain('Trends');
    expect(headerView('/trends/', false).links.map((l) => l.label)).toEqual(['Papers', 'Topics', 'Map', 'Paper map', 'Digests']);
  });
});
