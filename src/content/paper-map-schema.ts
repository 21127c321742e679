/** Schema of the paper map's layout in the corpus entry (see `src/pipeline/paper-layout.ts`). */
import { z } from 'astro/zod';

/** Every paper's place on the paper map, grouped by topic. */
export const paperMapSchema = z
  .object({
    papers: z.array(z.string()).describe('Paper ids, topic by topic (in `topics` order), most central first'),
    x: z.array(z.number()).describe('x of each paper, in `papers` order'),
    y: z.array(z.number()).describe('y of each paper, in `papers` order'),
    topics: z
      .array(
        z.object({
          topic: z.string().describe("Topic id ('' for papers in no topic)"),
          x: z.number().describe('Disc centre x'),
          y: z.number().describe('Disc centre y'),
          r: z.number().describe('Disc radius'),
          count: z.number().int().describe('Papers in the disc: the next `count` entries of `papers`'),
        }),
      )
      .describe('Topic discs, in the order their papers are listed'),
  })
  .describe('The paper map: where every paper sits');
