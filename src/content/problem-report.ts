/** Reports the problems found in the digests to the build's log; in strict mode they fail the build. */
import type { LoaderContext } from 'astro/loaders';
import { formatProblem, summaryLine } from '../pipeline/report';
import type { Problem } from '../pipeline/types';

/** The corpus facts a report needs. */
export interface ReportedCorpus {
  digests: number;
  papers: number;
  duplicates: number;
  problems: readonly Problem[];
}

/** Prints every problem and the summary line; with `strict`, problems fail the build (an error naming `dir`). */
export function reportProblems(corpus: ReportedCorpus, dir: string, logger: LoaderContext['logger'], strict: boolean): void {
  for (const problem of corpus.problems) logger.warn(formatProblem(problem));
  logger.info(summaryLine(corpus));
  if (corpus.problems.length > 0 && strict) {
    throw new Error(`Strict mode: ${corpus.problems.length} problem(s) in the digests of ${dir} (listed above).`);
  }
}
