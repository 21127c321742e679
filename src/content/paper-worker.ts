/**
 * Worker-process side of `paper-workers.ts`: the per-paper pass of the term extraction (tagging every title and
 * abstract, then finding their phrases: the pipeline's `phraseFinder`) for the batches of papers it is sent.
 * Texts the token cache holds come with their stored tokens, which are decoded instead of tokenized again.
 */
import { decodeTokens, encodeTokens, type EncodedTokens } from '../pipeline/token-codec';
import { tokenize, type NlpToken } from '../pipeline/tokenize';
import { phraseFinder, type PaperJob, type PaperPhrases, type PhraseFinder, type PhraseSetup } from '../pipeline/paper-pass';

/** A message to the worker: the corpus-wide setup (first), then batches of papers, then `close` (the thread ends). */
export type PaperWorkerRequest =
  | {
      kind: 'setup';
      setup: PhraseSetup;
      /** Whether to answer with the tokens of the texts tokenized (for a token cache), which costs a little. */
      encode: boolean;
    }
  | { kind: 'close' }
  | {
      kind: 'batch';
      batch: number;
      jobs: PaperJob[];
      /** Per job, per text: the token cache's stored entry (undefined: none). */
      stored: unknown[][];
    };

/** The worker's last message, before it ends: the CPU time it used (user + system, milliseconds). */
export interface PaperWorkerGoodbye {
  cpuMs: number;
}

/** What the worker says when a request fails, before it exits (code 1). */
export interface PaperWorkerFailure {
  error: string;
}

/** The worker's answer for a batch. */
export interface PaperWorkerReply {
  batch: number;
  phrases: PaperPhrases[];
  /**
   * Per job, per text: `'stored'` when its stored entry gave the tokens, else the tokens just tokenized in
   * the cache's compact form (null when that form cannot hold them, or when the setup asked for none).
   */
  tokens: (EncodedTokens | null | 'stored')[][];
}

let find: PhraseFinder | undefined;
let encode = false;

/** The phrases of one paper, and where each of its texts' tokens came from. */
function run(finder: PhraseFinder, job: PaperJob, stored: readonly unknown[]): { phrases: PaperPhrases; tokens: (EncodedTokens | null | 'stored')[] } {
  const outcomes: (EncodedTokens | null | 'stored')[] = [];
  const phrases = finder(job, (text) => {
    // The finder asks for the job's texts in order, so the outcomes so far count the texts before this one.
    const entry = stored[outcomes.length];
    const decoded: NlpToken[] | undefined = entry === undefined ? undefined : decodeTokens(text, entry);
    if (decoded !== undefined) {
      outcomes.push('stored');
      return decoded;
    }
    const tokens = tokenize(text);
    outcomes.push(encode ? (encodeTokens(text, tokens) ?? null) : null);
    return tokens;
  });
  return { phrases, tokens: outcomes };
}

/** Answers one request. */
function handle(request: PaperWorkerRequest): void {
  if (request.kind === 'setup') {
    find = phraseFinder(request.setup);
    encode = request.encode;
    return;
  }
  if (request.kind === 'close') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 } satisfies PaperWorkerGoodbye, () => process.disconnect());
    return;
  }
  if (find === undefined) throw new Error('paper worker: a batch arrived before the setup');
  const finder = find;
  const done = request.jobs.map((job, i) => run(finder, job, request.stored[i] ?? []));
  process.send?.({ batch: request.batch, phrases: done.map((d) => d.phrases), tokens: done.map((d) => d.tokens) } satisfies PaperWorkerReply);
}

process.on('message', (request: PaperWorkerRequest) => {
  try {
    handle(request);
  } catch (error) {
    // The parent reports it (and goes on without workers); then this worker ends.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ error: text } satisfies PaperWorkerFailure, () => process.exit(1));
  }
});
