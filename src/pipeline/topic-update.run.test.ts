import { describe, expect, test } from 'vitest';
import { analyze, type SiteData } from './analyze';
import { leafMaxSize, leafMinSize, topicCountRange } from './topic-sizes';
import { topicChanges, topicStability } from '../eval/stability';
import { readDigests, SAMPLE_DIR } from '../../tests/digest-fixtures';

describe('digests arrive one build at a time: the topics follow the corpus without re-clustering it', () => {
  // The first three seed digests afresh, then the other two and the two real bench-sample listings, one per build.
  const digests = [...readDigests(), ...readDigests(SAMPLE_DIR)];
  const first = analyze(digests.slice(0, 3));
  const steps: { data: SiteData; previous: SiteData['topicState'] }[] = [];
  let state = first.topicState;
  for (let end = 4; end <= digests.length; end += 1) {
    const data = analyze(digests.slice(0, end), { previousTopics: state });
    steps.push({ data, previous: state });
    state = data.topicState;
  }

  test('every build: at most 5 % of the existing papers move, at least 90 % of topics keep id, label and URL', () => {
    for (const f of steps.map(({ data, previous }) => topicStability(previous, data))) {
      expect(f.movedShare).toBeLessThanOrEqual(0.05);
      expect(f.keptShare).toBeGreaterThanOrEqual(0.9);
    }
  });

  test('every build: each paper in one topic, sizes within the clean clustering\'s limits, the count not under its range', () => {
    for (const { data } of steps) {
      const n = data.papers.length;
      expect(data.papers.every((p) => p.topic !== '')).toBe(true);
      expect(data.topics.reduce((s, t) => s + t.papers.length, 0)).toBe(n);
      const sizes = data.topics.map((t) => t.papers.length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(leafMinSize(n));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(leafMaxSize(n));
      expect(data.topics.length).toBeGreaterThanOrEqual(topicCountRange(n)[0]);
    }
  });

  test('the listings of another source bring topics of their own, and the count grows with the corpus', () => {
    const created = steps.reduce((sum, { data, previous }) => sum + topicChanges(previous, data).created, 0);
    expect(created).toBeGreaterThan(0);
    expect(steps[steps.length - 1]?.data.topics.length).toBeGreaterThan(first.topics.length);
  });
});
