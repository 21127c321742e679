#!/usr/bin/env -S npx tsx
/**
 * `npm run check [-- <digest folder>]`: validates every digest without building the site (for the CI
 * of a content repository). Prints each problem as `file:line: message` (the build's messages), the
 * build's summary line, and exits 1 when there is any problem (2 when the folder cannot be read).
 * Also checks that the topic state file (topics.json), when present, is readable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { digestsDir, readDigestFiles } from '../src/content/digest-files';
import { readTopicState, topicStatePath } from '../src/content/topic-state-file';
import { mergeDigests } from '../src/pipeline/merge';
import { parseDigest } from '../src/pipeline/parse';
import { formatProblem, summaryLine } from '../src/pipeline/report';

const USAGE = `Usage: npm run check [-- <digest folder>]
Validates every *.txt digest in the folder ($DIGESTS_DIR or content/digests) without building.
Exit status: 0 no problems, 1 problems found, 2 the folder could not be read.`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const dir = argv[0] !== undefined ? path.resolve(argv[0]) : digestsDir();
  if (!existsSync(dir)) {
    console.error(`check: the digest folder ${dir} does not exist`);
    return 2;
  }
  const files = await readDigestFiles(dir);
  const corpus = mergeDigests(files.map((f) => parseDigest(f.name, f.bytes)));
  for (const problem of corpus.problems) console.log(formatProblem(problem));
  let stateProblem = false;
  const statePath = topicStatePath(dir);
  if (statePath !== null) {
    try {
      await readTopicState(statePath);
    } catch (error) {
      console.log((error as Error).message);
      stateProblem = true;
    }
  }
  console.log(summaryLine({ digests: corpus.digests.length, papers: corpus.papers.length, duplicates: corpus.duplicates, problems: corpus.problems }));
  if (files.length === 0) console.log(`check: no *.txt digests in ${dir}`);
  return corpus.problems.length > 0 || stateProblem ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
