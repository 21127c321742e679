import { describe, expect, test } from 'vitest';
import { sizeSummary, topicChanges, topicStability } from './stability';
import type { TopicState } from '../pipeline/topic-ids';

describe('topicStability', () => {
  const previous: TopicState = {
    version: 1,
    topics: [
      { id: 't01', slug: 'a', label: 'A', papers: ['p1', 'p2', 'p3', 'gone'] },
      { id: 't02', slug: 'b', label: 'B', papers: ['p4', 'p5'] },
      { id: 't03', slug: 'c', label: 'C', papers: ['p6'] },
    ],
    retired: [],
  };

  test('counts existing papers in another topic and topics that keep id, label and slug', () => {
    const built = {
      topics: [
        { id: 't01', slug: 'a', label: 'A', papers: ['p1', 'p2', 'new1'] },
        { id: 't02', slug: 'b-2', label: 'B', papers: ['p3', 'p4', 'p5', 'p6'] },
      ],
    };
    expect(topicStability(previous, built)).toEqual({ existing: 6, movedShare: 2 / 6, previousTopics: 3, topics: 2, keptShare: 1 / 3 });
  });

  test('the same topics: nothing moved, every topic kept', () => {
    expect(topicStability(previous, previous)).toEqual({ existing: 7, movedShare: 0, previousTopics: 3, topics: 3, keptShare: 1 });
  });
});

describe('topicChanges', () => {
  const previous: TopicState = {
    version: 1,
    topics: [
      { id: 't01', slug: 'a', label: 'A', papers: ['p1', 'p2', 'p3', 'p4'] },
      { id: 't02', slug: 'b', label: 'B', papers: ['p5', 'p6'] },
      { id: 't03', slug: 'c', label: 'C', papers: ['p7', 'p8'] },
    ],
    retired: [],
  };

  test('tells split parts (mostly old papers) from created topics (mostly new papers), and counts merged and relabelled ids', () => {
    const built = {
      topics: [
        { id: 't01', slug: 'a', label: 'A', papers: ['p1', 'p2'] },
        { id: 't04', slug: 'd', label: 'D', papers: ['p3', 'p4', 'n1'] },
        { id: 't02', slug: 'b2', label: 'B2', papers: ['p5', 'p6', 'p7', 'p8'] },
        { id: 't05', slug: 'e', label: 'E', papers: ['n2', 'n3', 'p1x'] },
      ],
    };
    expect(topicChanges(previous, built)).toEqual({ split: 1, created: 1, merged: 1, relabelled: 1 });
  });

  test('a topic whose papers all left the corpus is not counted as merged', () => {
    const built = { topics: previous.topics.filter((t) => t.id !== 't03') };
    expect(topicChanges(previous, built)).toEqual({ split: 0, created: 0, merged: 0, relabelled: 0 });
  });
});

describe('sizeSummary', () => {
  test('gives the smallest, largest and median size and the shares of papers outside the range', () => {
    expect(sizeSummary([400, 10, 100, 30], [20, 300])).toEqual({ topics: 4, smallest: 10, largest: 400, median: 65, overShare: 400 / 540, underShare: 10 / 540 });
  });

  test('no topics: zeros', () => {
    expect(sizeSummary([], [20, 300])).toEqual({ topics: 0, smallest: 0, largest: 0, median: 0, overShare: 0, underShare: 0 });
  });
});
