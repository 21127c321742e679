import { describe, expect, test } from 'vitest';
import { topicStability } from './stability';
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
