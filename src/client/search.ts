/**
 * The /search/ page: runs Pagefind in the browser and keeps the query, filters and order in the URL.
 * Pagefind (`/pagefind/pagefind.js`) is imported dynamically, so only this page ever downloads it.
 * Results are rendered as text nodes; the excerpt is rebuilt from text runs and <mark> elements.
 */
import { openPagefind } from './pagefind-open';
import { excerptParts } from './search-excerpt';
import {
  FILTER_DIGEST,
  FILTER_TOPIC,
  pagefindOptions,
  type FilterCounts,
  type PagefindApi,
  type PagefindResult,
  type PagefindSearch,
  type PagefindSearchOptions,
} from './search-pagefind';
import { SEARCH_SORTS, hasFilters, hasSearch, parseSearchState, sameSearch, serializeSearchState, type SearchSort, type SearchState } from './search-state';

/** Results rendered at once (and per "Show more"); only these have their data loaded. */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_DELAY_MS = 80;
const PAGEFIND_URL = '/pagefind/pagefind.js';

type ViewState = 'idle' | 'loading' | 'results' | 'empty' | 'error';

interface FilterGroup {
  name: typeof FILTER_TOPIC | typeof FILTER_DIGEST;
  fieldset: HTMLFieldSetElement;
  boxes: HTMLInputElement[];
}

/** The page's elements, looked up once. */
interface View {
  form: HTMLFormElement;
  input: HTMLInputElement;
  refine: HTMLElement;
  filters: HTMLDetailsElement;
  counting: HTMLElement;
  sort: HTMLSelectElement;
  groups: FilterGroup[];
  region: HTMLElement;
  status: HTMLElement;
  intro: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  emptyTitle: HTMLElement;
  emptyFilters: HTMLElement;
  error: HTMLElement;
  more: HTMLButtonElement;
  clears: HTMLButtonElement[];
}

function need<T extends Element>(selector: string, type: new () => T): T {
  const el = document.querySelector(selector);
  if (!(el instanceof type)) throw new Error(`Search page: missing ${selector}`);
  return el;
}

function findView(): View {
  const groups = ([FILTER_TOPIC, FILTER_DIGEST] as const).map((name): FilterGroup => {
    const fieldset = need(`fieldset[data-filter-group="${name}"]`, HTMLFieldSetElement);
    return { name, fieldset, boxes: [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')] };
  });
  return {
    form: need('[data-search-form]', HTMLFormElement),
    input: need('[data-search-form] [data-search-input]', HTMLInputElement),
    refine: need('[data-search-refine]', HTMLElement),
    filters: need('[data-search-filters]', HTMLDetailsElement),
    counting: need('[data-search-counting]', HTMLElement),
    sort: need('[data-search-sort]', HTMLSelectElement),
    groups,
    region: need('[data-search-results-region]', HTMLElement),
    status: need('[data-search-status]', HTMLElement),
    intro: need('[data-search-intro]', HTMLElement),
    list: need('[data-search-results]', HTMLOListElement),
    empty: need('[data-search-empty]', HTMLElement),
    emptyTitle: need('[data-search-empty-title]', HTMLElement),
    emptyFilters: need('[data-search-empty-filters]', HTMLElement),
    error: need('[data-search-error]', HTMLElement),
    more: need('[data-search-more]', HTMLButtonElement),
    clears: [...document.querySelectorAll<HTMLButtonElement>('[data-search-clear]')],
  };
}

let pagefind: Promise<PagefindApi> | undefined;
let filtersLoaded: Promise<unknown> | undefined;
/**
 * Set once the filter index is in: from then on every search returns counts, which costs time on broad
 * queries (measured on 8,520 papers: "model" went from about 150 to 300 ms), so it is loaded only when the
 * filter panel is opened.
 */
let filtersReady = false;

/** Imports and configures Pagefind once (the dynamic import keeps it out of every other page). */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= openPagefind(PAGEFIND_URL).catch((error: unknown) => {
    pagefind = undefined; // let a later search try again
    throw error;
  });
  return pagefind;
}

/** Loads the filter index once; Pagefind only returns counts per filter value after this. */
function loadFilters(api: PagefindApi): Promise<unknown> {
  filtersLoaded ??= api.filters().then((counts) => {
    filtersReady = true;
    return counts;
  });
  return filtersLoaded;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The checked filter values (Pagefind labels) and URL keys of a group. */
function checked(group: FilterGroup): { keys: string[]; values: string[] } {
  const boxes = group.boxes.filter((b) => b.checked);
  return { keys: boxes.map((b) => b.value), values: boxes.map((b) => b.dataset.filterValue ?? b.value) };
}

function groupOf(view: View, name: string): FilterGroup {
  const group = view.groups.find((g) => g.name === name);
  if (!group) throw new Error(`No filter group ${name}`);
  return group;
}

/** The state the form currently shows. */
function readForm(view: View): SearchState {
  const sort = view.sort.value;
  return {
    q: view.input.value.replace(/\s+/g, ' ').trimStart(),
    topics: checked(groupOf(view, FILTER_TOPIC)).keys,
    digests: checked(groupOf(view, FILTER_DIGEST)).keys,
    sort: (SEARCH_SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : 'relevance',
  };
}

/** Shows a state in the form (after a page load or back/forward) and returns it as shown: unknown filter keys (a topic that no longer exists) are dropped. */
function writeForm(view: View, state: SearchState): SearchState {
  if (view.input.value.trim() !== state.q.trim()) view.input.value = state.q;
  const wanted: Record<string, string[]> = { [FILTER_TOPIC]: state.topics, [FILTER_DIGEST]: state.digests };
  for (const g of view.groups) for (const box of g.boxes) box.checked = (wanted[g.name] ?? []).includes(box.value);
  view.sort.value = state.sort;
  return { ...readForm(view), q: state.q };
}

/** Pagefind options for the form's state; `without` drops one filter group (for that group's own counts). */
function optionsFor(view: View, state: SearchState, without?: string): PagefindSearchOptions {
  const values = (name: string) => (name === without ? [] : checked(groupOf(view, name)).values);
  return pagefindOptions(values(FILTER_TOPIC), values(FILTER_DIGEST), state.sort);
}

function runSearch(api: PagefindApi, state: SearchState, options: PagefindSearchOptions): Promise<PagefindSearch | null> {
  const q = state.q.trim();
  return api.search(q === '' ? null : q, options);
}

/** What kind of page a result is, from its URL. */
function kindOf(url: string, topic: string | undefined): string {
  if (url.startsWith('/topics/')) return 'Topic';
  if (url.startsWith('/terms/')) return 'Key term';
  return topic ? `Topic: ${topic}` : 'Paper';
}

/** One result as a list item: linked title, kind or topic, and the highlighted excerpt (text nodes only). */
function resultItem(data: { url: string; excerpt: string; meta: Record<string, string | undefined> }): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'py-4';
  const heading = document.createElement('h3');
  heading.className = 'text-lg leading-snug font-semibold';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  link.dataset.searchResultLink = '';
  heading.append(link);
  const kind = document.createElement('p');
  kind.className = 'mt-0.5 text-sm text-slate-600 dark:text-slate-400';
  kind.textContent = kindOf(data.url, data.meta.topic);
  const excerpt = document.createElement('p');
  excerpt.className = 'prose-text mt-1 text-slate-700 dark:text-slate-300';
  for (const part of excerptParts(data.excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.className = 'rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-400/30 dark:text-amber-50';
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(part.text));
    }
  }
  li.append(heading, kind, excerpt);
  return li;
}

/** Controller of the search page. */
class SearchPage {
  private readonly view: View;
  /** Increases with every search; answers to older ones are dropped. */
  private seq = 0;
  private results: PagefindResult[] = [];
  private shown = 0;
  private typingTimer: number | undefined;
  /** True while the current history entry belongs to an ongoing run of typing (it is replaced, not pushed). */
  private typing = false;
  /** The state of the last search started. */
  private current: SearchState | undefined;

  constructor(view: View) {
    this.view = view;
  }

  /** Wires the events and runs the search in the URL, if any. */
  start(): void {
    const { view } = this;
    view.form.addEventListener('submit', (e) => {
      e.preventDefault();
      window.clearTimeout(this.typingTimer);
      this.commit(readForm(view), 'push');
    });
    const typed = () => {
      performance.clearMarks('search:input');
      performance.mark('search:input');
      window.clearTimeout(this.typingTimer);
      this.typingTimer = window.setTimeout(() => this.onTyped(), TYPING_DELAY_MS);
      // Fetch the query's index chunk during the pause. Chunks hold alphabetical word ranges, so the prefixes
      // of a word mostly share one chunk; words under 3 letters are skipped (their chunks are rarely the final ones).
      const last = view.input.value.trim().split(/\s+/).pop() ?? '';
      if (last.length >= 3 && pagefind) void pagefind.then((api) => api.preload(view.input.value.trim())).catch(() => undefined);
    };
    // While an input method composes a word, wait for the composed text.
    view.input.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) typed();
    });
    view.input.addEventListener('compositionend', typed);
    view.input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && !e.altKey) {
        const first = view.list.querySelector<HTMLAnchorElement>('a[data-search-result-link]');
        if (first) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    view.list.addEventListener('keydown', (e) => this.onResultKey(e));
    view.refine.addEventListener('change', () => {
      window.clearTimeout(this.typingTimer);
      this.commit(readForm(view), 'push');
    });
    for (const clear of view.clears) {
      clear.addEventListener('click', () => {
        const state = { ...readForm(view), topics: [], digests: [] };
        writeForm(view, state);
        this.commit(state, 'push');
        view.input.focus();
      });
    }
    view.more.addEventListener('click', () => void this.showMore(true));
    window.addEventListener('popstate', () => {
      this.typing = false;
      void this.search(writeForm(view, parseSearchState(location.search)));
    });

    // Opening the filter panel fetches the filter index and counts the current results.
    view.filters.addEventListener('toggle', () => {
      if (view.filters.open && this.current && hasSearch(this.current) && view.refine.dataset.counts !== 'pending') {
        void this.counts(this.current, null, this.seq);
      }
    });

    const initial = writeForm(view, parseSearchState(location.search));
    if (hasFilters(initial)) view.filters.open = true;
    if (hasSearch(initial)) void this.search(initial);
    else void loadPagefind().catch(() => undefined);
  }

  /** After a pause in typing: search, and record the query in the URL (one history entry per run of typing). */
  private onTyped(): void {
    const state = readForm(this.view);
    const current = parseSearchState(location.search);
    if (!sameSearch(state, current)) {
      // The first change of a run of typing adds an entry (unless the page showed nothing yet); later ones replace it.
      const mode = this.typing || !hasSearch(current) ? 'replace' : 'push';
      this.setUrl(state, mode);
      this.typing = true;
    }
    void this.search(state);
  }

  /** A deliberate change (Enter, a filter, the order): search now and add a history entry. */
  private commit(state: SearchState, mode: 'push' | 'replace'): void {
    const current = parseSearchState(location.search);
    if (!sameSearch(state, current)) this.setUrl(state, this.typing ? 'replace' : mode);
    this.typing = false;
    void this.search(state);
  }

  private setUrl(state: SearchState, mode: 'push' | 'replace'): void {
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private setView(state: ViewState): void {
    const { view } = this;
    view.region.dataset.state = state;
    view.intro.hidden = state !== 'idle';
    view.empty.hidden = state !== 'empty';
    view.error.hidden = state !== 'error';
    view.region.setAttribute('aria-busy', String(state === 'loading'));
  }

  /** Runs a search for a state and renders its first page of results, then the filter counts. */
  private async search(state: SearchState): Promise<void> {
    const seq = ++this.seq;
    const { view } = this;
    this.current = state;
    view.refine.dataset.counts = 'pending';
    if (!hasSearch(state)) {
      this.results = [];
      this.shown = 0;
      view.list.replaceChildren();
      view.more.hidden = true;
      view.refine.hidden = true;
      view.status.textContent = '';
      view.refine.dataset.counts = 'off';
      this.setView('idle');
      return;
    }
    this.setView('loading');
    performance.mark('search:start');
    let api: PagefindApi;
    let found: PagefindSearch | null;
    let withCounts = false;
    try {
      api = await loadPagefind();
      withCounts = filtersReady;
      found = await runSearch(api, state, optionsFor(view, state));
    } catch (error) {
      if (seq !== this.seq) return;
      console.error('Search failed', error);
      view.list.replaceChildren();
      view.more.hidden = true;
      view.status.textContent = 'Search is unavailable.';
      this.setView('error');
      return;
    }
    if (seq !== this.seq || found === null) return;
    performance.measure('search:query', 'search:start');
    this.results = found.results;
    this.shown = 0;
    const rendered = await this.showMore(false, seq);
    if (!rendered) return;
    // Keystroke (or page start, for a search from the URL) to rendered results; read by the benchmark.
    performance.measure('search:render', performance.getEntriesByName('search:input').length > 0 ? 'search:input' : undefined);
    performance.clearMarks('search:input');
    this.announce(state);
    view.refine.hidden = this.results.length === 0 && !hasFilters(state);
    for (const clear of view.clears) if (clear.closest('[data-search-refine]')) clear.hidden = !hasFilters(state);
    await this.counts(state, withCounts ? found : null, seq, api);
  }

  /** Counts per filter value when the filter panel is open; otherwise marks the counts as off. */
  private async counts(state: SearchState, found: PagefindSearch | null, seq: number, api?: PagefindApi): Promise<void> {
    const { view } = this;
    if (!view.filters.open) {
      view.refine.dataset.counts = 'off';
      return;
    }
    view.refine.dataset.counts = 'pending';
    view.counting.textContent = 'Counting…';
    view.counting.hidden = false;
    try {
      await this.updateCounts(api ?? (await loadPagefind()), state, found, seq);
    } catch (error) {
      console.error('Counting failed', error);
      if (seq === this.seq) view.counting.textContent = 'The counts could not be loaded.';
    }
  }

  /** Loads the data of the next page of results and appends them; returns false if a newer search took over. */
  private async showMore(moveFocus: boolean, seq = this.seq): Promise<boolean> {
    const { view } = this;
    const page = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (seq !== this.seq) return false;
    const items = data.map(resultItem);
    if (this.shown === 0) view.list.replaceChildren(...items);
    else view.list.append(...items);
    this.shown += items.length;
    const left = this.results.length - this.shown;
    view.more.hidden = left <= 0;
    view.more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${this.shown.toLocaleString('en-US')} of ${this.results.length.toLocaleString('en-US')} shown)`;
    this.setView(this.results.length === 0 ? 'empty' : 'results');
    if (moveFocus) items[0]?.querySelector('a')?.focus();
    return true;
  }

  /** Announces the count (the status is a polite live region) and fills the empty state. */
  private announce(state: SearchState): void {
    const { view } = this;
    const q = state.q.trim();
    const filters = hasFilters(state) ? ' with the chosen filters' : '';
    const n = this.results.length;
    if (q === '') {
      view.status.textContent = n === 0 ? 'No paper matches the chosen filters.' : `${plural(n, 'paper')} match the chosen filters.`;
      view.emptyTitle.textContent = 'No paper matches the chosen filters.';
    } else {
      view.status.textContent = n === 0 ? `No results for “${q}”${filters}.` : `${plural(n, 'result')} for “${q}”${filters}.`;
      view.emptyTitle.textContent = `Nothing matches “${q}”${filters}.`;
    }
    view.emptyFilters.hidden = !hasFilters(state);
  }

  /**
   * Counts per filter value, as in faceted search: a group's counts ignore that group's own choices
   * (so checking a topic does not zero the others), but apply the other groups'.
   */
  private async updateCounts(api: PagefindApi, state: SearchState, found: PagefindSearch | null, seq: number): Promise<void> {
    const { view } = this;
    let base = found;
    if (base === null) {
      // The search ran before the filter index arrived: its results came first, its counts follow.
      await loadFilters(api);
      if (seq !== this.seq) return;
      base = await runSearch(api, state, optionsFor(view, state));
      if (seq !== this.seq || base === null) return;
    }
    const counts: FilterCounts = {};
    for (const group of view.groups) {
      const own = checked(group).values.length > 0;
      const source = own ? await runSearch(api, state, optionsFor(view, state, group.name)) : base;
      if (seq !== this.seq) return;
      counts[group.name] = source?.filters[group.name] ?? {};
    }
    this.renderCounts(counts);
  }

  private renderCounts(counts: FilterCounts): void {
    const { view } = this;
    let anyVisible = false;
    for (const group of view.groups) {
      const values = counts[group.name] ?? {};
      let visible = 0;
      for (const box of group.boxes) {
        const n = values[box.dataset.filterValue ?? box.value] ?? 0;
        const item = box.closest<HTMLElement>('[data-filter-option]');
        const count = item?.querySelector<HTMLElement>('[data-filter-count]');
        if (count) count.textContent = `(${n.toLocaleString('en-US')})`;
        if (item) item.hidden = n === 0 && !box.checked;
        if (n > 0 || box.checked) visible += 1;
      }
      group.fieldset.hidden = visible === 0;
      anyVisible ||= visible > 0;
    }
    if (!anyVisible) view.counting.textContent = 'No topic or digest to filter by.';
    view.counting.hidden = anyVisible;
    view.refine.dataset.counts = 'ready';
  }

  /** Arrow keys move between result links; ArrowUp from the first goes back to the box. */
  private onResultKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...this.view.list.querySelectorAll<HTMLAnchorElement>('a[data-search-result-link]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? links[at + 1] : links[at - 1];
    if (next) next.focus();
    else if (e.key === 'ArrowUp') this.view.input.focus();
    else if (!this.view.more.hidden) this.view.more.focus();
  }
}

/** Starts the search page if its elements are there. */
export function startSearchPage(): void {
  const view = findView();
  new SearchPage(view).start();
}

if (document.querySelector('[data-search-form]')) startSearchPage();

