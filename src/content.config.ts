/** Content collections: everything the pages show comes from the digest loader, set up here from the environment. */
import { defineCollection } from 'astro:content';
import { digestSource } from './content/loader';
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from './content/schemas';

/**
 * The one place the loader's settings are read from the environment: `DIGESTS_DIR` (the digest folder),
 * `TOPICS_STATE` (the topic-id file, or `off`) and `STRICT` (`1` or `true`: problems in the digests fail the build).
 */
const digests = digestSource({
  digestsDir: process.env.DIGESTS_DIR,
  topicState: process.env.TOPICS_STATE,
  strict: process.env.STRICT === '1' || process.env.STRICT === 'true',
});

export const collections = {
  papers: defineCollection({ loader: digests.loader('papers'), schema: paperSchema }),
  digests: defineCollection({ loader: digests.loader('digests'), schema: digestSchema }),
  topics: defineCollection({ loader: digests.loader('topics'), schema: topicSchema }),
  terms: defineCollection({ loader: digests.loader('terms'), schema: termSchema }),
  corpus: defineCollection({ loader: digests.loader('corpus'), schema: corpusSchema }),
};
