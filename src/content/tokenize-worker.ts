/**
 * Worker-thread side of {@link tokenizeInWorkers} (`tokenize-workers.ts`): tokenizes the batches of texts it is
 * sent with the pipeline's `analyze` and answers with their tokens in the cache's compact form.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, encodeTokens, type EncodedTokens } from '../pipeline/nlp';

/** A batch to tokenize: its number and its texts. */
export interface TokenizeRequest {
  batch: number;
  texts: string[];
}

/** The encoded tokens of a batch's texts, in order (null: a text the compact form cannot hold). */
export interface TokenizeReply {
  batch: number;
  encoded: (EncodedTokens | null)[];
}

parentPort?.on('message', (request: TokenizeRequest) => {
  const encoded = request.texts.map((text) => encodeTokens(text, analyze(text)) ?? null);
  parentPort?.postMessage({ batch: request.batch, encoded } satisfies TokenizeReply);
});
