/**
 * Generic academic vocabulary that must not become (or dominate) key terms. All entries are
 * lower case and singular; compounds are written with hyphens.
 */

/** Build a set from a whitespace-separated word list. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

/**
 * Generic nouns of scientific prose: never a term on their own, and a phrase made only of them
 * (`model performance`, `training data`, `experimental result`) is no term either.
 */
export const GENERIC_NOUNS = words(`
  ability accuracy advance advancement advantage aim algorithm alternative amount analysis application approach
  architecture area art aspect assessment assumption attempt author baseline basis behavior
  behaviour benchmark benefit bit bottleneck capability capacity case challenge change characteristic choice claim
  class code collection combination community comparison component computation concept concern condition
  configuration consideration constraint context contribution core cost criterion data dataset deal degree
  demand demonstration deployment description design detail development difference difficulty dimension
  direction discussion domain effect effectiveness efficiency effort element emphasis end environment error
  evaluation evidence example existence experience experiment experimentation explanation exploration extension
  extent fact factor failure feasibility feature field finding focus form formulation foundation framework
  function gain gap goal ground group guideline half hand help idea impact implementation importance improvement
  increase information input insight instance integration interest investigation issue item kind knowledge lack
  level limitation line literature lot manner matter measure mechanism member method methodology metric mode model
  module need network notion number objective observation operation opportunity option order outcome output
  overview paper paradigm parameter part pattern people percent percentage performance period perspective phase
  piece pipeline place point portion possibility potential power practice practitioner principle priority problem
  procedure process product progress project property proposal purpose quality quantity question range rate
  reason reduction reference regard region relation relationship relevance report requirement
  research researcher resource respect response result review risk role rule sample scale scenario scheme scope
  score section sense set setting share side situation size solution sort source speed stage standard
  state statement step strategy strength structure study subject subset success suite summary superiority
  support survey system target task technique technology tendency term test thing time tool topic total
  page homepage website repository
  thanks consequence contrary spite behalf virtue lieu conjunction accordance dozen handful hope doubt endeavor
  endeavour essence excitement enthusiasm circumstance groundwork hallmark hurdle meantime plenty plethora multitude
  myriad paucity precedent priori vivo vitro vice whilst upto vs scratch today shed underscore takeaway par sake
  leap surge journey quest pursuit spirit threefold twofold
  trade-off tradeoff training trend type understanding unit usage use utility validation value variant variation
  variety version view way weakness whole work year
`);

/** Broad single words that may be part of a term but are too broad to be one alone. */
export const BROAD_WORDS = words(`
  learning representation network token input output layer agent image text video language user item query
  graph signal sequence object generation prediction classification regression optimization inference
  retrieval search evaluation embedding feedback memory instruction prompt answer document content sentence
  word vision action policy reward space world state-of-the-art human machine computer neural deep large small high low
  multi real world online offline end end-to-end downstream upstream zero-shot few-shot one-shot open closed
  good bad expert law length width height depth hour minute day week month million billion trillion thousand
  hundred table figure device overhead matrix weight throughput candidate creation channel head activation
  utilization acceleration speedup latency budget granularity dimensionality modality corpus factorization
  interaction preference optimizer parameterization theorem proof teacher student router gpu cpu tpu flop
  complexity distribution generalization modeling modelling loss update vector similarity addition nature
  family approximation dependency dynamics convergence bound initialization label tuning adaptation scaling
  transformer encoder decoder backbone instance sample example metadata consumption demand resolution noise
  accuracy precision recall speed memory storage bandwidth hardware software computation compute platform
  operation operator step iteration epoch batch layer block unit cell node edge path tree loop gradient
  objective constraint variable parameter hyperparameter configuration capacity cost effort frequency
  probability uncertainty confidence correctness quality diversity coverage consistency stability efficiency
  scalability robustness interpretability explainability transparency fairness privacy security safety
  trust reliability availability accessibility usability simplicity flexibility generality novelty
  creativity difficulty feasibility validity expert-level sota github era avenue cornerstone article access influence functionality row
  column encode align invariance density heuristic invariant face explosion advent landscape realm paradigm-shift
  breakthrough milestone pillar backbone fine-tune pre-train train deploy iterative
  contrast absence presence course turn account means fashion expense favor favour decade century chance desire
  ease drawback byproduct counterpart commonality convenience
  pair computing significance correlation sampling ad implication promise efficacy applicability versatility
  popularity phenomenon modification adoption emergence equivalent reproducibility setup guarantee magnitude limit
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen
`);

/**
 * Generic modifiers stripped from the start of a phrase (`novel framework` → `framework`,
 * `extensive experiments` → `experiment`): evaluative, vague or bibliographic adjectives and participles.
 */
export const GENERIC_MODIFIERS = words(`
  novel new various different existing extensive effective significant previous recent proposed current several
  many multiple numerous diverse certain specific particular general simple efficient robust strong powerful
  promising remarkable impressive superior competitive comprehensive key main major important crucial critical
  essential fundamental standard typical traditional conventional common popular prior related relevant similar
  same other further additional overall original final initial first second third fourth last single unified
  improved enhanced better best higher lower good great notable substantial considerable dramatic wide broad
  whole entire total full complete systematic thorough detailed careful empirical experimental theoretical
  rigorous practical challenging difficult complex rich unique innovative creative interesting useful valuable
  necessary possible potential available public given obtained used designed introduced presented developed
  achieved demonstrated known well-known emerging growing increasing rapid latest modern contemporary future
  underlying corresponding respective individual separate distinct excellent outstanding satisfactory
  reasonable acceptable feasible flexible versatile accurate reliable consistent fast faster quick cheap
  expensive costly minimal optimal suboptimal limited sufficient insufficient poor weak slight marginal
  comparable favorable desirable desired dedicated tailored customized such own more most less least few much
  each every both all any some only just even another whose little large-scale real-world state-of-the-art
  high-quality open-source fine-grained coarse-grained long-term short-term wide-ranging cutting-edge
  off-the-shelf plug-and-play general-purpose task-specific domain-specific data-driven well-established
  so-called non-trivial nontrivial extensive crucial vital huge massive tremendous enormous vast abundant
  scarce widespread prevalent prominent dominant leading top superior inferior strongest stronger simplest
  simpler easy easier hard harder straightforward elegant principled generic versatile adaptive able unable
  capable likely unlikely various mere pure true actual real exact precise approximate relative absolute
  primary secondary auxiliary alternative appropriate suitable proper efficient-yet effective-yet accompanying
  associated involved resulting remaining following above below aforementioned respective typical
  specialized sophisticated advanced simple-yet natural-looking scalable lightweight efficient unprecedented
  significantly considerable noticeable seamless holistic systematic preliminary ongoing persistent
  critical computational smaller larger bigger longer shorter deeper wider fewer greater lesser newer older
  cheaper heavier lighter stronger weaker richer broader narrower learned generated trained fine-tuned finetuned collected annotated labeled labelled extracted
  selected predicted estimated computed observed reported required specified defined described discussed
  mentioned shown employed adopted utilized considered obtained achieved resulting improved extended
  modified simplified combined integrated added
`);

/** Participles and suffixes that make a compound a generic modifier when it starts a phrase (`LLM-based`, `task-aware`). */
export const GENERIC_COMPOUND_ENDS = words(`
  based driven oriented specific agnostic aware free level scale quality art world grained like style related
  efficient friendly ready intensive centric guided powered enhanced augmented inspired informed induced
  dependent independent consistent compatible preserving wise
`);

/**
 * Heads stripped from the end of a phrase: they only say what kind of contribution it is
 * (`MoE framework` → `MoE`, `reasoning capability` → `reasoning`).
 */
export const GENERIC_HEADS = words(`
  framework approach method methodology technique paradigm scheme strategy result experiment performance study
  work paper setting scenario capability ability effectiveness efficiency improvement advantage superiority
  solution variant version procedure perspective manner way fashion issue challenge problem task application
  pipeline process accuracy dataset benchmark tool system-design analysis evaluation family series suite
  algorithm design idea concept principle strategy property behavior behaviour outcome finding contribution
`);

/** Heads stripped only after an acronym or name (`BERT model` → `BERT`, `MoE layer` stays). */
export const NAME_HEADS = words(`model architecture network system module backbone variant`);

/** Gerunds that are nouns in term position even when tagged VERB (`reinforcement learning`, `question answering`). */
export const GERUND_NOUNS = words(`
  learning training tuning fine-tuning finetuning pretraining pre-training reasoning planning understanding
  answering processing mining editing splatting rendering modeling modelling encoding decoding embedding
  prompting sampling clustering ranking reranking re-ranking pruning hashing parsing tagging matching tracking
  mapping forecasting captioning inpainting outpainting denoising grounding labeling labelling annotating
  filtering routing scheduling caching indexing programming computing engineering scaling merging unlearning
  streaming serving profiling benchmarking watermarking fingerprinting jailbreaking red-teaming boosting
  bagging stacking smoothing whitening pooling masking padding chunking proving captioning answering
`);

/**
 * Stock phrases of scientific prose that look like terms but name no subject (`an active area of research`, `an
 * open question`), as folded words (lower case, head singular): never a term, nor a nested part of one.
 */
export const GENERIC_PHRASES = words(`
  active-area active-research active-research-area open-question open-problem open-challenge open-issue hot-topic
  hot-research-topic research-hotspot
`);

/** Known `noun of noun` terms (singular head); other `of` phrases are terms only when written hyphenated or defined by an acronym. */
export const OF_TERMS: readonly string[] = [
  'mixture of experts', 'chain of thought', 'tree of thoughts', 'graph of thoughts', 'theory of mind',
  'bag of words', 'curse of dimensionality', 'point of interest', 'mixture of depths', 'product of experts',
  'program of thoughts', 'sum of squares', 'degree of freedom', 'proof of concept', 'internet of things',
  'line of sight', 'bag of visual words', 'skeleton of thought', 'mixture of agents', 'law of large numbers',
];

/**
 * Single words that stay corpus terms and vector features (they still tell papers apart) but are never shown as a
 * paper's key term: verbs and abstract nouns of scientific prose that name no subject (`combine`, `showcase`,
 * `reliance`, `generalizability`) and units (`ms`, `dB`).
 */
export const UNSHOWN_WORDS = words(`
  combine capture showcase estimate decrease rise harness exploit fuse extract tailor decouple overfit parameterize
  guide bridge correlate spread weakly post round list innovation inspiration conclusion introduction reliance
  scarcity inefficiency inability necessity burden interplay proliferation mistake nuance achievement compromise
  practicality mainstream representative transformative foundational quantitative qualitative lesson mystery
  intricacy usefulness breadth growth entry fraction default wild uniform infinite proportional prerequisite return
  cause margin barrier balance redundancy adaptability generalizability transferability expressiveness
  extensibility compatibility variability susceptibility distinction acceptance completeness frontier roadmap
  definition moment thought history mismatch discrepancy prevalence synergy adherence continuity ablation processing
  mitigation benchmarking interpretation construction refinement ms mm db
`);

/** Verbs of scientific prose, left out of the content-word vectors. */
export const GENERIC_VERBS = words(`
  propose show demonstrate achieve outperform present introduce use leverage improve provide enable develop
  conduct evaluate perform obtain include require make allow consider address apply base compare describe
  explore focus investigate lead offer study suggest yield exhibit remain help aim build find take give become
  report observe reveal highlight establish design employ utilize adopt enhance facilitate release make
  surpass exceed validate verify confirm examine analyze analyse assess measure discuss argue believe know
  need want get set see say try seek call name refer note mention indicate involve contain consist comprise
  represent rely depend result tend fail struggle suffer lack exist remain emerge arise occur happen
  be have do can could will would shall should may might must
`);
