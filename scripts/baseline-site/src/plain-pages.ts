/**
 * The baseline's pages: BASELINE_PAGES plain pages (title and abstract of the digests' papers, repeated
 * when there are fewer papers than pages), of which the first BASELINE_INDEXED are indexed by Pagefind.
 * Digests are read and parsed (not analysed), from DIGESTS_DIR.
 */
import { readDigestFiles } from '../../../src/content/digest-files';
import { parseDigest } from '../../../src/pipeline/parse';

/** One plain page. */
export interface PlainPage {
  params: { slug: string };
  props: { title: string; abstract: string; indexed: boolean };
}

/** Every page of the baseline site. */
export async function plainPages(): Promise<PlainPage[]> {
  const dir = process.env.DIGESTS_DIR;
  if (!dir) throw new Error('DIGESTS_DIR is not set');
  const entries = (await readDigestFiles(dir)).flatMap((f) => parseDigest(f.name, f.bytes).entries);
  if (entries.length === 0) throw new Error(`No papers in ${dir}`);
  const count = Number(process.env.BASELINE_PAGES ?? entries.length);
  const indexed = Number(process.env.BASELINE_INDEXED ?? count);
  return Array.from({ length: count }, (_, i) => {
    const e = entries[i % entries.length]!;
    return { params: { slug: `p${i}` }, props: { title: e.title, abstract: e.abstract, indexed: i < indexed } };
  });
}
