/**
 * Zod schemas of the content collections (what the loader stores and the pages read): the pipeline's shapes
 * (`src/pipeline/types.ts`, `site-data.ts`), less the id (the entry's own) and what no page shows. Field order
 * is the stored order, so a schema here never reorders its pipeline shape's fields.
 */
import { z } from 'astro/zod';
import { analysedDigestSchema, analysedTermSchema, analysedTopicSchema, corpusSummarySchema } from '../pipeline/site-data';
import { paperSchema as paperShape, relatedPaperSchema, weightedTermSchema } from '../pipeline/types';

/** A distinct paper with what its pages show. */
export const paperSchema = paperShape.omit({ id: true }).extend({
  topic: z.string().describe('Id of the topic the paper belongs to'),
  terms: z
    .array(
      weightedTermSchema.pick({ term: true }).extend({
        label: z
          .string()
          .optional()
          .describe("Display label, kept only for a term without a page of its own whose label is not its id (a term with a page shows its page's label)"),
      }),
    )
    .describe('Key terms of the paper, best first (their BM25 weights, which no page shows, stay in the analysis)'),
  related: z
    .array(relatedPaperSchema.pick({ id: true, shared: true }))
    .describe('Most related papers, best first (their similarity scores, which no page shows, stay in the analysis)'),
});

/** One digest file, with what it brought. */
export const digestSchema = analysedDigestSchema.omit({ id: true });

/** One topic cluster with its term map. */
export const topicSchema = analysedTopicSchema.omit({ id: true });

/** One key term with a page (used by at least three papers). */
export const termSchema = analysedTermSchema.omit({ id: true });

/** Corpus-wide facts: counts, problems found in the digests, the corpus map. */
export const corpusSchema = corpusSummarySchema;

/**
 * What the content store keeps of a paper or a term: the file that holds its full entry (`entry-files.ts`), whose
 * shape is `paperSchema` or `termSchema`; the pages read the full entries from those files.
 */
export const entryFileSchema = z.object({
  file: z.string().describe("Absolute path of the JSON file in Astro's cache folder that holds the full entry"),
});
