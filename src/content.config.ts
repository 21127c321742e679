/** Content collections: everything the pages show comes from the digest loader. */
import { defineCollection } from 'astro:content';
import { digestSource } from './content/loader';
import { siteConfig } from './site-config';
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from './content/schemas';

/** The loader's settings come from the site configuration (src/site-config.ts), which reads the environment once. */
const { build, analysis } = siteConfig;
const digests = digestSource({
  digestsDir: build.digestsDir ?? undefined,
  topicState: build.topicsState ?? undefined,
  strict: build.strict,
  policy: analysis,
});

export const collections = {
  papers: defineCollection({ loader: digests.loader('papers'), schema: paperSchema }),
  digests: defineCollection({ loader: digests.loader('digests'), schema: digestSchema }),
  topics: defineCollection({ loader: digests.loader('topics'), schema: topicSchema }),
  terms: defineCollection({ loader: digests.loader('terms'), schema: termSchema }),
  corpus: defineCollection({ loader: digests.loader('corpus'), schema: corpusSchema }),
};
