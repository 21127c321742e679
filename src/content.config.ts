/** Content collections: everything the pages show comes from the digest loader. */
import { defineCollection } from 'astro:content';
import { digestSource } from './content/loader';
import { siteConfig } from './site-config';
import { corpusSchema, digestSchema, entryFileSchema, topicSchema } from './content/schemas';

/** The loader's settings come from the site configuration (src/site-config.ts), which reads the environment once. */
const { build, analysis } = siteConfig;
const digests = digestSource({
  digestsDir: build.digestsDir ?? undefined,
  topicState: build.topicsState ?? undefined,
  strict: build.strict,
  policy: analysis,
  // Incremental builds keep paper pages unchanged where the related papers and key terms barely moved.
  carryLists: build.incremental,
});

export const collections = {
  // Papers and terms keep their full entries in files (src/content/entry-files.ts), the store only each one's file.
  papers: defineCollection({ loader: digests.loader('papers'), schema: entryFileSchema }),
  digests: defineCollection({ loader: digests.loader('digests'), schema: digestSchema }),
  topics: defineCollection({ loader: digests.loader('topics'), schema: topicSchema }),
  terms: defineCollection({ loader: digests.loader('terms'), schema: entryFileSchema }),
  corpus: defineCollection({ loader: digests.loader('corpus'), schema: corpusSchema }),
};
