import { describe, expect, test } from 'vitest';
import { analyze } from './analyze';
import { areaCount } from './areas';
import { parseTopicState, serializeTopicState } from './topic-ids';
import { readDigests } from '../../tests/digest-fixtures';

describe('areas of the seed digests', () => {
  const first = analyze(readDigests());
  const { areas } = first.corpus;

  test('every topic is in exactly one area, and there are areaCount(topics) of them', () => {
    expect(areas).toHaveLength(areaCount(first.topics.length));
    const members = areas.flatMap((a) => a.topics);
    expect([...members].sort()).toEqual(first.topics.map((t) => t.id).sort());
    for (const a of areas) {
      const size = a.topics.reduce((n, id) => n + (first.topics.find((t) => t.id === id)?.papers.length ?? 0), 0);
      expect(a.size).toBe(size);
      expect(a.central.length).toBe(Math.min(20, size));
      expect(a.map.nodes.length).toBeGreaterThan(0);
    }
    expect(areas.map((a) => a.size)).toEqual([...areas.map((a) => a.size)].sort((x, y) => y - x));
  });

  test('area labels are distinct, of 2–3 terms, and no area is named exactly like one of its topics', () => {
    const labels = areas.map((a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const a of areas) {
      expect(a.label.split(' · ').length).toBeGreaterThanOrEqual(2);
      expect(a.label.split(' · ').length).toBeLessThanOrEqual(3);
      for (const id of a.topics) expect(first.topics.find((t) => t.id === id)?.label).not.toBe(a.label);
    }
  });

  test('the state file keeps the areas, and a rebuild with it keeps their ids, slugs and labels', () => {
    const saved = parseTopicState(serializeTopicState(first.topicState));
    expect(saved.areas?.areas.map((a) => a.id)).toEqual(areas.map((a) => a.id).sort());
    const again = analyze(readDigests(), { previousTopics: saved });
    expect(again.corpus.areas.map((a) => [a.id, a.slug, a.label, a.topics])).toEqual(areas.map((a) => [a.id, a.slug, a.label, a.topics]));
    expect(again.topicState.areas).toEqual(saved.areas);
  });
});
