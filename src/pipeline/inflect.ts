/**
 * English noun singularization for term folding (`models` → `model`, `LLMs` → `LLM`,
 * `matrices` → `matrix`, `data` stays `data`). Rule-based with exception lists; case-preserving.
 */

/** Irregular plurals (lower case) → singular. */
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries({
  criteria: 'criterion', phenomena: 'phenomenon', automata: 'automaton', corpora: 'corpus', genera: 'genus',
  matrices: 'matrix', indices: 'index', vertices: 'vertex', appendices: 'appendix', apices: 'apex',
  simplices: 'simplex', cortices: 'cortex', radii: 'radius', stimuli: 'stimulus', foci: 'focus', nuclei: 'nucleus',
  loci: 'locus', fungi: 'fungus', cacti: 'cactus', alumni: 'alumnus', children: 'child', men: 'man', women: 'woman',
  mice: 'mouse', feet: 'foot', teeth: 'tooth', geese: 'goose', oxen: 'ox', lemmata: 'lemma', schemata: 'schema',
  maxima: 'maximum', minima: 'minimum', optima: 'optimum', spectra: 'spectrum', quanta: 'quantum',
  curricula: 'curriculum', strata: 'stratum', errata: 'erratum', formulae: 'formula', antennae: 'antenna',
  vertebrae: 'vertebra', larvae: 'larva', algae: 'alga', analyses: 'analysis', hypotheses: 'hypothesis',
  syntheses: 'synthesis', theses: 'thesis', diagnoses: 'diagnosis', prognoses: 'prognosis', crises: 'crisis',
  parentheses: 'parenthesis', emphases: 'emphasis', axes: 'axis', ellipses: 'ellipsis', bases: 'base',
  biases: 'bias', lenses: 'lens', viruses: 'virus', statuses: 'status', focuses: 'focus', consensuses: 'consensus',
  corpuses: 'corpus', aliases: 'alias', atlases: 'atlas', canvases: 'canvas', gases: 'gas', buses: 'bus',
  campuses: 'campus', censuses: 'census', bonuses: 'bonus', apparatuses: 'apparatus', nexuses: 'nexus',
  caches: 'cache', niches: 'niche', avalanches: 'avalanche', heroes: 'hero', potatoes: 'potato',
  tomatoes: 'tomato', echoes: 'echo', vetoes: 'veto', torpedoes: 'torpedo', volcanoes: 'volcano',
  quizzes: 'quiz', leaves: 'leaf', wolves: 'wolf', halves: 'half', lives: 'life', knives: 'knife',
  shelves: 'shelf', selves: 'self', thieves: 'thief', calves: 'calf', loaves: 'loaf', wives: 'wife',
  scarves: 'scarf', elves: 'elf', movies: 'movie', cookies: 'cookie', zombies: 'zombie', calories: 'calorie',
  pies: 'pie', ties: 'tie', lies: 'lie', genies: 'genie', rookies: 'rookie', selfies: 'selfie', hoodies: 'hoodie',
  menus: 'menu', gurus: 'guru', emus: 'emu', metrics: 'metric', topics: 'topic', heuristics: 'heuristic',
  characteristics: 'characteristic', clinics: 'clinic', lyrics: 'lyric', rubrics: 'rubric', critics: 'critic',
  fabrics: 'fabric', logics: 'logic', mimics: 'mimic', comics: 'comic', relics: 'relic', epics: 'epic',
  graphics: 'graphics',
}));

/** Words ending in `s` that are singular (or have no singular): kept as they are. */
const INVARIANT = new Set([
  'data', 'media', 'series', 'species', 'news', 'means', 'chaos', 'cosmos', 'ethos', 'kudos', 'pathos', 'logos',
  'thermos', 'whereas', 'has', 'was', 'is', 'this', 'thus', 'its', 'his', 'yes', 'plus', 'minus', 'towards',
  'afterwards', 'across', 'always', 'perhaps', 'bias', 'gas', 'alias', 'atlas', 'canvas', 'pancreas', 'lens',
  'bus', 'corpus', 'virus', 'status', 'focus', 'consensus', 'census', 'campus', 'bonus', 'apparatus', 'nexus',
  'genus', 'radius', 'stimulus', 'nucleus', 'locus', 'modulus', 'calculus', 'syllabus', 'thesaurus', 'octopus',
  'sars', 'aids', 'mars', 'venus', 'physics', 'mathematics', 'statistics', 'dynamics', 'robotics', 'linguistics',
  'economics', 'semantics', 'kinematics', 'genomics', 'proteomics', 'analytics', 'optics', 'electronics',
  'pragmatics', 'ethics', 'acoustics', 'aesthetics', 'informatics', 'logistics', 'mechanics', 'phonetics',
  'politics', 'tactics', 'athletics', 'diagnostics', 'photonics', 'thermodynamics', 'hydrodynamics',
  'biomechanics', 'bioinformatics', 'econometrics', 'metabolomics', 'transcriptomics', 'omics', 'multiomics',
  'graphics', 'geophysics', 'astrophysics', 'biophysics', 'numerics', 'cybernetics', 'haptics', 'mechatronics',
  'gymnastics', 'basics', 'gas', 'christmas', 'texas', 'kansas', 'arkansas', 'vegas', 'paris', 'adams',
  'jones', 'wales', 'james', 'lewis', 'davis', 'reynolds', 'navier', 'stokes', 'ubiquitous', 'previous',
  'various', 'numerous', 'continuous', 'analogous', 'autonomous', 'synchronous', 'asynchronous', 'heterogeneous',
  'homogeneous', 'simultaneous', 'spontaneous', 'erroneous', 'extraneous', 'rigorous', 'tremendous',
  'miscellaneous', 'ambiguous', 'unambiguous', 'obvious', 'serious', 'curious', 'famous', 'nervous', 'enormous',
  'dangerous', 'generous', 'conscious', 'religious', 'precious', 'gracious', 'cautious', 'vicious', 'anxious',
  'mas', 'dos', 'pros', 'cons', 'ras', 'os', 'ios', 'macos', 'windows', 'glasses', 'scissors', 'trousers',
  'clothes', 'thanks', 'outskirts', 'surroundings', 'earnings', 'savings', 'headquarters', 'whereabouts',
  'lens', 'chess', 'mps', 'fps', 'gps', 'rms', 'dms', 'sms', 'cms',
]);

/** Singularize one lower-case word (a noun); words it does not know as plural come back unchanged. */
export function singularLower(word: string): string {
  const w = word;
  if (w.length <= 3) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (INVARIANT.has(w)) return w;
  if (!w.endsWith('s')) return w;
  if (/[^a-z]/.test(w.slice(-3))) return w;
  if (/(ss|us|is|ous|ics|ysis|itis)$/.test(w)) return w;
  if (/ies$/.test(w)) return w.length > 4 ? `${w.slice(0, -3)}y` : w;
  if (/(x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (/sses$/.test(w)) return w.slice(0, -2);
  if (/ves$/.test(w)) return w.slice(0, -1);
  if (/[a-z]'s$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** True for an acronym with a plural `s` (`LLMs`, `ViTs`, `LoRAs`, `3DGSs`): ≥ 2 capitals, ends in capital/digit + `s`. */
export function isPluralAcronym(word: string): boolean {
  if (!/^[A-Za-z0-9]+s$/.test(word)) return false;
  const stem = word.slice(0, -1);
  return /[A-Z0-9]$/.test(stem) && (stem.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** True for an acronym-like token: at least two capitals among its letters, no spaces (`MoE`, `LLM`, `NeRF`, `GPT-4`). */
export function isAcronymLike(word: string): boolean {
  const n = word.length;
  if (n < 2 || n > 12) return false;
  let capitals = 0;
  for (let i = 0; i < n; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals += 1;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (i > 0 && (c === 45 || c === 46)))) return false;
  }
  return capitals >= 2;
}

/**
 * Singular of a surface word, preserving its case: `Models` → `Model`, `LLMs` → `LLM`,
 * `Matrices` → `Matrix`; acronyms (`GPUs` → `GPU`, `3DGS` and `MODELS` kept) fold only a lower-case plural `s`.
 */
export function singular(word: string): string {
  let known = memo.get(word);
  if (known === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    known = singularUncached(word);
    memo.set(word, known);
  }
  return known;
}

/** Memo of {@link singular} (a pure function; bounded so huge inputs cannot exhaust memory). */
const memo = new Map<string, string>();
const MEMO_LIMIT = 500_000;

/** {@link singular} without the memo. */
function singularUncached(word: string): string {
  if (isPluralAcronym(word)) return word.slice(0, -1);
  if (isAcronymLike(word) || /\p{Ll}\p{Lu}/u.test(word)) return word; // acronyms and camel-case names (`nuScenes`)
  const lower = word.toLowerCase();
  const single = singularLower(lower);
  if (single === lower) return word;
  let prefix = 0;
  while (prefix < single.length && single[prefix] === lower[prefix]) prefix += 1;
  return word.slice(0, prefix) + single.slice(prefix);
}
