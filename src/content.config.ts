/** Content collections: everything the pages show comes from the digest loader. */
import { defineCollection } from 'astro:content';
import { digestLoader } from './content/loader';
import { corpusSchema, digestSchema, paperSchema, termSchema, topicSchema } from './content/schemas';

export const collections = {
  papers: defineCollection({ loader: digestLoader('papers'), schema: paperSchema }),
  digests: defineCollection({ loader: digestLoader('digests'), schema: digestSchema }),
  topics: defineCollection({ loader: digestLoader('topics'), schema: topicSchema }),
  terms: defineCollection({ loader: digestLoader('terms'), schema: termSchema }),
  corpus: defineCollection({ loader: digestLoader('corpus'), schema: corpusSchema }),
};
