/** What the collections store: every field the schemas keep (nothing dropped by parsing), without what no page shows. */
import { describe, expect, test } from 'vitest';
import { readDigests } from '../../tests/digest-fixtures';
import { analyze } from '../pipeline/analyze';
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from './schemas';
import { storedEntries } from './stored-entries';

describe('stored entries', () => {
  const data = analyze(readDigests());

  test('each collection stores exactly what its schema parses: parsing keeps every field, in the schema order', () => {
    const schemas = { papers: paperSchema, digests: digestSchema, topics: topicSchema, terms: termSchema, corpus: corpusSchema } as const;
    for (const kind of ['papers', 'digests', 'topics', 'terms', 'corpus'] as const) {
      for (const [, entry] of storedEntries(kind, data)) {
        const parsed = schemas[kind].parse(entry);
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(schemas[kind].parse(parsed)));
        expect(parsed).toEqual(entry);
      }
    }
  });

  test('papers: no weights or scores; a label only for a term without a page whose label is not its id', () => {
    const withPage = new Set(data.terms.map((t) => t.id));
    const papers = new Map(storedEntries('papers', data));
    expect(papers.size).toBe(data.papers.length);
    let labelled = 0;
    for (const paper of data.papers) {
      const stored = papers.get(paper.id);
      expect(stored?.related).toEqual(paper.related.map(({ id, shared }) => ({ id, shared })));
      expect(stored?.terms.map((t) => t.term)).toEqual(paper.terms.map((t) => t.term));
      paper.terms.forEach(({ term, label }, i) => {
        const kept = stored?.terms[i]?.label;
        if (withPage.has(term) || label === term) expect(kept).toBeUndefined();
        else {
          expect(kept).toBe(label);
          labelled += 1;
        }
      });
    }
    expect(labelled).toBeGreaterThan(0);
  });
});
