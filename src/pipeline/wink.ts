/**
 * The wink-nlp instance behind the tokenizer (see `tokenize.ts`): set up once, renewed when it has grown too big,
 * and made to forget the words each text taught it. The only module that imports wink's model, which loads from
 * node_modules (no network).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One feature table of wink's core model: values, their index, and the next index to hand out. */
interface WinkFeature {
  hash: Record<string, number>;
  list: string[];
  index?: number;
}

/** The part of wink's core model (`model.core()`) that grows while texts are read. */
interface WinkCore {
  features: Record<string, WinkFeature | undefined>;
  packing: { efList: string[]; layout: Record<string, number[] | undefined> };
}

/** A wink instance with its core model, which the instance fills as it meets new words. */
export interface WinkInstance {
  wink: ReturnType<typeof winkNLP>;
  /** Lexemes (words) wink knows; the shipped vocabulary is the first `intrinsic` entries. */
  lexeme: WinkFeature;
  intrinsic: number;
  /** The other feature tables wink adds to for new words (prefix, suffix, shape). */
  others: WinkFeature[];
}

/**
 * A new instance is started once this many out-of-vocabulary lexemes have accumulated (their
 * strings and wink's packed data for them stay in memory, see {@link forgetNewLexemes}).
 */
const MAX_OOV_LEXEMES = 200_000;

let instance: WinkInstance | undefined;

/** The model's parts loaded by each new instance. */
interface WinkModelParts {
  core: () => WinkCore;
  metaCER: () => unknown;
}

let metaCER: unknown;

/**
 * The model's custom-entity meta model, loaded once: the shipped loader (`load-cer-meta-model.js`)
 * JSON-encodes its module-level value again on every call, so the string doubles in size with each
 * new instance until `JSON.stringify` throws (after about 20 instances in one process).
 */
function metaCerOnce(): unknown {
  metaCER ??= (model as unknown as WinkModelParts).metaCER();
  return metaCER;
}

/** Starts a wink instance (POS tagging; sentence boundaries are not needed by the tagger), keeping a hold on its core model. */
function createInstance(): WinkInstance {
  let core: WinkCore | undefined;
  // winkNLP calls `core()` once, in its set-up: the wrapper keeps the (fresh) object it returns.
  const wrapped = {
    ...model,
    core: () => {
      core = (model as unknown as WinkModelParts).core();
      return core;
    },
    metaCER: metaCerOnce,
  };
  const wink = winkNLP(wrapped as unknown as typeof model, ['pos']);
  const lexeme = core?.features.lexeme;
  if (core === undefined || lexeme === undefined) throw new Error('wink-nlp: the core model was not loaded through core()');
  const others: WinkFeature[] = [];
  for (const [name, feature] of Object.entries(core.features)) {
    if (name !== 'lexeme' && feature?.hash !== undefined && Array.isArray(feature.list)) others.push(feature);
  }
  return { wink, lexeme, intrinsic: lexeme.list.length, others };
}

/** The shared wink instance, created on first use (and again when it has grown too big). */
export function winkInstance(): WinkInstance {
  if (instance === undefined || instance.lexeme.list.length - instance.intrinsic > MAX_OOV_LEXEMES) {
    instance = createInstance();
  }
  return instance;
}

/**
 * Starts a fresh wink instance. Not needed for reproducible output (the tokenizer forgets every
 * text it read), only to start from a clean heap.
 */
export function resetWink(): void {
  instance = undefined;
}

/** Sizes of the growing feature tables before a text is read. */
export interface Marks {
  lexeme: number;
  others: { length: number; index: number | undefined }[];
}

/** The sizes of an instance's growing tables now, for {@link forgetNewLexemes} after a text. */
export function mark(inst: WinkInstance): Marks {
  return { lexeme: inst.lexeme.list.length, others: inst.others.map((f) => ({ length: f.list.length, index: f.index })) };
}

/**
 * Makes wink forget the words one text taught it, so that every text is read as if it were the
 * first: wink's tokenizer consults its lexeme table, so a word added by one text (`7B`) changes
 * how later texts are split (`7` `B` before, `7B` after), and a new word's features are fixed by
 * the text that first met it.
 *
 * - Lexemes: the new entries are deleted from the lookup hash, so the tokenizer no longer finds
 *   them. The list itself keeps them (and so keeps growing): wink stores each new lexeme's packed
 *   features in a private array at the lexeme's position in the list, which a shorter list would
 *   desynchronise. A word met again is added again, at a new position, exactly as the first time.
 * - Prefix, suffix and shape tables: truncated to their size before the text. Only the forgotten
 *   lexemes point at the values added, and these tables' indices are bit-packed with a maximum, so
 *   they must not grow without bound.
 *
 * Call only when every output of the text's document has been read.
 */
export function forgetNewLexemes(inst: WinkInstance, marks: Marks): void {
  const { hash, list } = inst.lexeme;
  for (let k = marks.lexeme; k < list.length; k += 1) delete hash[list[k] as string];
  inst.others.forEach((feature, i) => {
    const before = marks.others[i];
    if (before === undefined || feature.list.length === before.length) return;
    for (let k = before.length; k < feature.list.length; k += 1) delete feature.hash[feature.list[k] as string];
    feature.list.length = before.length;
    feature.index = before.index;
  });
}
