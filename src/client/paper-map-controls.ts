/**
 * The paper map's controls: the search form, the digest range (with "Latest only" and "All"), the "Go to area or
 * topic" list (`a<index>` for an area, a topic's index otherwise) and the zoom buttons, wired to the map's actions.
 */

/** What the controls ask the map to do. */
export interface MapActions {
  search: (query: string) => void;
  /** Show the papers whose first digest lies in [from, to]. */
  filter: (from: number, to: number) => void;
  reset: () => void;
  zoomBy: (factor: number) => void;
  zoomToArea: (k: number) => void;
  zoomToTopic: (k: number) => void;
}

/** Wires the controls inside `root` (the `<paper-map>` element) to `act`; `digests`: how many digests there are. */
export function wireControls(root: HTMLElement, digests: number, act: MapActions): void {
  const form = root.querySelector('form[data-search]') as HTMLFormElement;
  const input = form.querySelector('input') as HTMLInputElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act.search(input.value);
  });
  root.querySelector('[data-clear]')?.addEventListener('click', () => {
    input.value = '';
    act.search('');
  });
  const from = root.querySelector('select[data-from]') as HTMLSelectElement;
  const to = root.querySelector('select[data-to]') as HTMLSelectElement;
  const apply = () => act.filter(Number(from.value), Number(to.value));
  from.addEventListener('change', () => {
    if (Number(from.value) > Number(to.value)) to.value = from.value;
    apply();
  });
  to.addEventListener('change', () => {
    if (Number(to.value) < Number(from.value)) from.value = to.value;
    apply();
  });
  const last = String(digests - 1);
  root.querySelector('[data-latest]')?.addEventListener('click', () => {
    from.value = last;
    to.value = last;
    apply();
  });
  root.querySelector('[data-all]')?.addEventListener('click', () => {
    from.value = '0';
    to.value = last;
    apply();
  });
  const topic = root.querySelector('select[data-topic]') as HTMLSelectElement;
  topic.addEventListener('change', () => {
    if (topic.value === '') act.reset();
    else if (topic.value.startsWith('a')) act.zoomToArea(Number(topic.value.slice(1)));
    else act.zoomToTopic(Number(topic.value));
  });
  root.querySelector('[data-zoom-in]')?.addEventListener('click', () => act.zoomBy(2));
  root.querySelector('[data-zoom-out]')?.addEventListener('click', () => act.zoomBy(0.5));
  root.querySelector('[data-reset]')?.addEventListener('click', () => act.reset());
}
