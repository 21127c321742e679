/**
 * The per-paper pass of the term extraction (pass 3): tags a paper's title and abstract and finds their phrase
 * occurrences and content words. Each paper's result depends on the corpus-wide setup and the paper alone, so
 * papers can be done in any order, on any thread or process: the caller of the analysis chooses where (see
 * {@link PerPaperPass}; by default here, {@link inProcessPass}).
 */
import { bump } from './counts';
import { acronymKey, extractPhrases, PhraseTrie, type PhraseContext, type PhraseOccurrence } from './phrases';
import { GENERIC_MODIFIERS, GENERIC_NOUNS, GENERIC_VERBS } from './stopwords';
import { tokenize, type NlpToken } from './tokenize';

/**
 * What the per-paper pass needs to know of the whole corpus: the multi-word forms to match, the corpus-wide
 * meaning of each acronym and the id words of every form. Plain data, so that the pass can run in other
 * threads or processes.
 */
export interface PhraseSetup {
  /** Multi-word forms in the order they go into the trie (folded words and group key; the first group of a sequence wins). */
  forms: [folded: string[], key: string][];
  /** Acronym key → its primary long-form group over the corpus. */
  acronyms: [key: string, group: string][];
  /** Form group → the words of its id. */
  formWords: [group: string, words: string[]][];
  /** Weight of an occurrence in the title. */
  titleWeight: number;
}

/** One paper's share of the per-paper pass: its cleaned texts and the acronyms it defines itself. */
export interface PaperJob {
  /** Title and abstract as they are tokenized (see `paperTexts`). */
  texts: [title: string, abstract: string];
  /** Acronym key → long-form group, as this paper defines them (they win over the corpus-wide meaning here). */
  acronyms: [key: string, group: string][];
}

/** The whole per-paper pass: the setup, and one job per paper (papers in id order). Plain data. */
export interface PaperWork {
  setup: PhraseSetup;
  jobs: readonly PaperJob[];
}

/** What one paper's texts give: its phrase occurrences (title, abstract) and its weighted content words. Plain data. */
export interface PaperPhrases {
  occurrences: [title: PhraseOccurrence[], abstract: PhraseOccurrence[]];
  /** Content words (see {@link addContentWords}) with their weighted counts, in order of first use. */
  words: [word: string, count: number][];
}

/**
 * Runs the per-paper pass: gives `sink` the result of every one of `work.jobs`, in job order. Synchronous, or a
 * promise when it runs elsewhere (the build hands the papers to worker processes).
 */
export type PerPaperPass<R extends void | Promise<void> = void | Promise<void>> = (work: PaperWork, sink: (phrases: PaperPhrases) => void) => R;

/** What a step that runs a per-paper pass giving `R` gives: `T`, or a promise of it when the pass gives a promise. */
export type AfterPass<R extends void | Promise<void>, T> = R extends Promise<void> ? Promise<T> : T;

/**
 * A store of tokenized texts, kept by the caller across runs. Tokens depend on the text alone (see
 * `tokenize.ts`), so a stored text gives exactly the tokens tokenizing it would give.
 */
export interface TokenMemo {
  /** The tokens of a text, if stored. They are shared: never modify them. */
  get(text: string): readonly NlpToken[] | undefined;
  /** Stores the tokens of a text just tokenized. */
  set(text: string, tokens: readonly NlpToken[]): void;
}

/** The tokens of a text: from the memo when it has them, else tokenized (and given to the memo). */
function tokensOf(text: string, memo: TokenMemo | undefined): readonly NlpToken[] {
  if (memo === undefined) return tokenize(text);
  let tokens = memo.get(text);
  if (tokens === undefined) {
    tokens = tokenize(text);
    memo.set(text, tokens);
  }
  return tokens;
}

/** The per-paper pass on this thread, paper by paper; with a memo, texts it holds are not tokenized again. */
export function inProcessPass(tokenMemo?: TokenMemo): PerPaperPass<void> {
  return (work, sink) => {
    const find = phraseFinder(work.setup);
    for (const job of work.jobs) sink(find(job, (text) => tokensOf(text, tokenMemo)));
  };
}

/** Token indices of acronyms inside their own definition's parentheses: `… (MoE)`. */
function definitionAcronyms(tokens: readonly NlpToken[], defined: ReadonlySet<string>): Set<number> {
  const skip = new Set<number>();
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    if (tokens[i]?.text !== '(') continue;
    const close = tokens[i + 2]?.text;
    if ((close === ')' || close === ';' || close === ',') && defined.has(acronymKey(tokens[i + 1]?.text ?? ''))) skip.add(i + 1);
  }
  return skip;
}

/** Words left out of the content words: generic nouns, modifiers and verbs. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([...GENERIC_NOUNS, ...GENERIC_MODIFIERS, ...GENERIC_VERBS]);

/** Content words of a token sequence (nouns singular, other words by lemma; stop and generic words left out). */
function addContentWords(tokens: readonly NlpToken[], weight: number, into: Map<string, number>): void {
  for (const t of tokens) {
    const pos = t.pos;
    const noun = pos === 'NOUN' || pos === 'PROPN';
    if (!noun && pos !== 'ADJ' && pos !== 'VERB' && pos !== 'ADV') continue;
    if (t.kind !== 'word' || t.stop || t.text.length < 2 || !/\p{L}/u.test(t.text) || /\.$|\p{L}\.\p{L}/u.test(t.text)) continue;
    if (t.parts.length > 1) {
      // A compound counts as itself and as each of its content parts (`Matryoshka-like` → `matryoshka`).
      for (const part of t.folded) {
        if (part.length >= 3 && !GENERIC_WORDS.has(part) && /\p{L}/u.test(part)) bump(into, part, weight * 0.5);
      }
    }
    const word = noun ? (t.parts.length > 1 ? t.folded.join('') : (t.folded[0] ?? t.lower)) : t.lemma.replace(/-/g, '');
    if (!GENERIC_WORDS.has(word)) bump(into, word, weight);
  }
}

/** The per-paper pass for one paper, given a way to get the tokens of a text. */
export type PhraseFinder = (job: PaperJob, tokens: (text: string) => readonly NlpToken[]) => PaperPhrases;

/**
 * One paper's pass: tags the paper's texts (through `tokens`) and finds their phrase occurrences and content
 * words. The result depends on the setup and the paper alone.
 */
export function phraseFinder(setup: PhraseSetup): PhraseFinder {
  const trie = new PhraseTrie();
  for (const [folded, key] of setup.forms) trie.add(folded, key);
  const globalAcronym = new Map(setup.acronyms);
  const formWords = new Map(setup.formWords);
  return (job, tokensFor) => {
    const local = new Map(job.acronyms);
    const defined = new Set(local.keys());
    const ctx: PhraseContext = {
      dictionary: trie,
      acronymGroup: (key) => local.get(key) ?? globalAcronym.get(key),
      groupWords: (group) => formWords.get(group) ?? [group],
    };
    const bag = new Map<string, number>();
    const occurrences = job.texts.map((text, segment) => {
      const title = segment === 0;
      const tokens = tokensFor(text);
      const found = extractPhrases(tokens, definitionAcronyms(tokens, defined), ctx, title);
      addContentWords(tokens, title ? setup.titleWeight : 1, bag);
      return found;
    }) as [PhraseOccurrence[], PhraseOccurrence[]];
    return { occurrences, words: [...bag] };
  };
}
