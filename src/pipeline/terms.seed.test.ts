import { describe, expect, it } from 'vitest';
import { mergeDigests } from './merge';
import { lsaInput, paperVectors, relatedPapers } from './related';
import { BROAD_WORDS, GENERIC_MODIFIERS, GENERIC_NOUNS, UNSHOWN_WORDS } from './stopwords';
import { extractTerms } from './terms';
import { lsaVectors } from './semantic';
import { rareTitleWords } from './title-words';
import { knnGraph } from './vectors';
import { readDigests } from '../../tests/digest-fixtures';

const papers = mergeDigests(readDigests()).papers;
const extraction = extractTerms(papers);
const vectors = paperVectors(extraction);
// As the analysis ranks them: the sparse cosine blended with the LSA cosine, with the bonus for a rare shared title word.
const byId = new Map(papers.map((p) => [p.id, p]));
const titleWords = rareTitleWords(extraction.paperIds.map((id) => byId.get(id) ?? { title: '', abstract: '' }));
const related = relatedPapers(extraction, vectors, 5, { semantic: lsaVectors(lsaInput(extraction)), titleWords });
const ids = (pattern: RegExp): string[] => papers.filter((p) => pattern.test(p.title)).map((p) => p.id);
const term = (id: string) => extraction.terms.find((t) => t.id === id);

describe('key terms of the seed corpus', () => {
  it('joins mixture of experts with MoE and large language model with LLM', () => {
    expect(term('mixture of experts')).toMatchObject({ acronym: 'MoE', slug: 'mixture-of-experts' });
    expect(term('large language model')).toMatchObject({ acronym: 'LLM', label: 'large language model' });
    // Most seed papers that use LoRA write only the acronym: it names the term, the long form stays with it.
    expect(term('low rank adaptation')).toMatchObject({ acronym: 'LoRA', label: 'LoRA', longForm: 'low-rank adaptation' });
    expect(term('large language model')?.longForm).toBeUndefined();
    expect(extraction.terms.filter((t) => t.acronym === 'MoE')).toHaveLength(1);
    expect(term('moe')).toBeUndefined();
    expect(term('llm')).toBeUndefined();
    expect(term('mixture of experts')?.papers.length).toBeGreaterThanOrEqual(30);
  });

  it('gives unique ids and slugs, ids in lower case without hyphens', () => {
    expect(new Set(extraction.terms.map((t) => t.id)).size).toBe(extraction.terms.length);
    expect(new Set(extraction.terms.map((t) => t.slug)).size).toBe(extraction.terms.length);
    for (const t of extraction.terms) expect(t.id, t.id).toBe(t.id.toLowerCase().replace(/-(?!\d)/g, ' '));
    expect(term('pre training')).toMatchObject({ label: 'pre-training' });
  });

  it('ranks no generic word among the top 50 and keeps generic phrases out', () => {
    const top = extraction.terms.slice(0, 50);
    for (const t of top) {
      const words = t.id.split(' ');
      if (words.length === 1) expect(GENERIC_NOUNS.has(t.id) || GENERIC_MODIFIERS.has(t.id) || BROAD_WORDS.has(t.id), t.id).toBe(false);
      else expect(words.every((w) => GENERIC_NOUNS.has(w) || GENERIC_MODIFIERS.has(w)), t.id).toBe(false);
    }
    for (const id of ['state of the art', 'experimental result', 'extensive experiment', 'novel framework', 'this paper', 'paper', 'method', 'approach', 'model', 'task', 'performance', 'active area', 'open question'])
      expect(term(id), id).toBeUndefined();
  });

  it('shows no generic single word as a key term, though such words stay corpus terms and vector features', () => {
    const unshown = extraction.terms.filter((t) => UNSHOWN_WORDS.has(t.id));
    expect(unshown.length).toBeGreaterThanOrEqual(5);
    const p = extraction.paperIds.indexOf(unshown[0]?.papers[0] ?? '');
    expect(extraction.termCounts[p]?.has(unshown[0]?.id ?? '')).toBe(true);
    for (const list of Object.values(extraction.paperTerms)) for (const t of list) expect(UNSHOWN_WORDS.has(t.term), t.term).toBe(false);
  });

  it('gives the same result when run again in the same process', () => {
    const again = extractTerms([...papers].reverse());
    expect(again.terms).toEqual(extraction.terms);
    expect(again.paperTerms).toEqual(extraction.paperTerms);
  });

  it('uses only corpus terms as paper key terms, at most 12, best first', () => {
    const known = new Set(extraction.terms.map((t) => t.id));
    for (const p of papers) {
      const list = extraction.paperTerms[p.id] ?? [];
      expect(list.length).toBeLessThanOrEqual(12);
      for (const t of list) expect(known.has(t.term)).toBe(true);
    }
    const withTerms = papers.filter((p) => (extraction.paperTerms[p.id] ?? []).length > 0).length;
    expect(withTerms / papers.length).toBeGreaterThan(0.95);
  });
});

describe('related papers of the seed corpus', () => {
  it('lets the two 2D Matryoshka papers find each other', () => {
    const group = ids(/2D Matryoshka/i);
    expect(group).toHaveLength(2);
    for (const id of group) {
      const top = (related[id] ?? []).map((r) => r.id);
      for (const other of group) if (other !== id) expect(top, `${id} → ${other}`).toContain(other);
    }
  });

  // The third (Matryoshka representation learning for recommendation) shares little more than the word with the
  // other two, and its LSA vector sits with the recommendation papers: the rare title word brings them together.
  it('lets all three Matryoshka-embedding papers find each other', () => {
    const group = ids(/matryoshka/i);
    expect(group).toHaveLength(3);
    for (const id of group) {
      const top = (related[id] ?? []).map((r) => r.id);
      for (const other of group) if (other !== id) expect(top, `${id} → ${other}`).toContain(other);
    }
  });

  it('lets the theorem-proving papers find each other', () => {
    const group = ids(/theorem prov|prover\b|minif2f/i);
    expect(group.length).toBeGreaterThanOrEqual(4);
    for (const id of group) {
      const top = (related[id] ?? []).map((r) => r.id);
      expect(top.filter((r) => group.includes(r)).length, id).toBeGreaterThanOrEqual(Math.min(3, group.length - 1));
    }
  });

  it('gives every paper 5 related papers and a kNN graph over paper indices', () => {
    for (const p of papers) expect(related[p.id]).toHaveLength(5);
    const edges = knnGraph(vectors, 12);
    expect(edges.length).toBeGreaterThan(papers.length * 6);
    for (const e of edges) {
      expect(e.source).toBeLessThan(e.target);
      expect(e.target).toBeLessThan(papers.length);
      expect(e.weight).toBeGreaterThan(0);
    }
  });
});
