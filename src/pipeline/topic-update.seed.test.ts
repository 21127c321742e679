import { describe, expect, test } from 'vitest';
import { analyze } from './analyze';
import { topicStability } from '../eval/stability';
import { readDigests, SAMPLE_DIR } from '../../tests/digest-fixtures';

/** Analyses `base` afresh, then `base` plus `added` with the state the first analysis wrote. */
function addDigests(base: ReturnType<typeof readDigests>, added: ReturnType<typeof readDigests>) {
  const before = analyze(base);
  const after = analyze([...base, ...added], { previousTopics: before.topicState });
  return { before, after, stability: topicStability(before.topicState, after) };
}

describe('a digest arrives: topics update, not re-cluster', () => {
  const seed = readDigests();

  test('the seed\'s last digest: at most 5 % of the existing papers move, at least 90 % of topics keep id, label and URL', () => {
    const { before, after, stability } = addDigests(seed.slice(0, 4), seed.slice(4));
    expect(stability.existing).toBe(before.papers.length);
    expect(after.papers.length).toBeGreaterThan(before.papers.length);
    expect(stability.movedShare).toBeLessThanOrEqual(0.05);
    expect(stability.keptShare).toBeGreaterThanOrEqual(0.9);
    // Every new paper is in a topic.
    expect(after.papers.every((p) => p.topic !== '')).toBe(true);
    // Re-clustering the whole corpus (the old way) moves far more of them.
    const reclustered = analyze(seed, { previousTopics: before.topicState, topics: 'recluster' });
    expect(topicStability(before.topicState, reclustered).movedShare).toBeGreaterThan(stability.movedShare);
  });

  test('a real digest of another source (bench sample) added to the seed: the same bounds', () => {
    const { stability } = addDigests(seed, readDigests(SAMPLE_DIR).slice(0, 1));
    expect(stability.movedShare).toBeLessThanOrEqual(0.05);
    expect(stability.keptShare).toBeGreaterThanOrEqual(0.9);
  });

  test('a rebuild of the same input with the state the update wrote gives byte-identical output', () => {
    const { after } = addDigests(seed.slice(0, 4), seed.slice(4));
    const again = analyze(seed, { previousTopics: after.topicState });
    expect(JSON.stringify(again)).toBe(JSON.stringify(after));
  });
});
