/**
 * `<paper-map>`: every paper as a point on a canvas (pixels written straight into an ImageData, so 20,000
 * points draw in a few milliseconds) in its area's colour (topics in shades of it), with d3-zoom for mouse, touch
 * and keyboard, a quadtree for hovering, labels in layers (areas at full view, topics as you zoom in, then paper
 * titles when close; never overlapping), a Pagefind search that
 * marks what it finds, a time filter over the digests, and `?paper=` / `?topic=` / `?area=` to open zoomed on a spot.
 * Titles come in chunks, loaded when a point is hovered or titles are drawn.
 */
import { quadtree, type Quadtree } from 'd3-quadtree';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { abgr, chunkOf, decodePoints, inRange, MAP_BACKGROUND, mapColour, mapParams, mix, nearestShown, type MapMeta, type MapPoints } from './paper-map-data';
import { wireControls } from './paper-map-controls';
import { drawOverlay, TITLE_POINTS, type PlacedLabel } from './paper-map-overlay';
import { loadPagefind, searchPapers, searchStatusText } from './paper-map-search';

const MAX_ZOOM = 400;

type Title = [string, string];

class PaperMapElement extends HTMLElement {
  private meta!: MapMeta;
  private points!: MapPoints;
  private canvas!: HTMLCanvasElement;
  private ctx!: CanvasRenderingContext2D;
  private tip!: HTMLElement;
  private status!: HTMLElement;
  private searchStatus!: HTMLElement;
  private zoomer!: ZoomBehavior<HTMLCanvasElement, unknown>;
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private dpr = 1;
  /** Point positions in CSS px at zoom 1. */
  private bx = new Float32Array(0);
  private by = new Float32Array(0);
  /** CSS px per map unit at zoom 1, and the map's offset. */
  private s0 = 1;
  private ox = 0;
  private oy = 0;
  private tree: Quadtree<number> | null = null;
  private shown: Uint8Array = new Uint8Array(0);
  private shownCount = 0;
  /** Search hits (1) when a search is active. */
  private hits: Uint8Array | null = null;
  private marked = -1;
  private hover = -1;
  private frame = 0;
  private dark = false;
  private image: ImageData | null = null;
  private titles = new Map<number, Title[] | Promise<Title[]>>();
  private idBuckets = new Map<string, Promise<Record<string, number>>>();
  private labels: PlacedLabel[] = [];
  private searchRun = 0;
  private pointerType = 'mouse';

  async connectedCallback(): Promise<void> {
    this.meta = JSON.parse(this.querySelector('script[data-meta]')?.textContent ?? '{}') as MapMeta;
    this.canvas = this.querySelector('canvas') as HTMLCanvasElement;
    this.ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    this.tip = this.querySelector('[data-tip]') as HTMLElement;
    this.status = this.querySelector('[data-status]') as HTMLElement;
    this.searchStatus = this.querySelector('[data-search-status]') as HTMLElement;
    const response = await fetch(this.dataset.points ?? '');
    this.points = decodePoints(await response.arrayBuffer(), this.meta);
    this.shown = new Uint8Array(this.meta.count).fill(1);
    this.shownCount = this.meta.count;
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    this.dark = scheme.matches;
    scheme.addEventListener('change', (e) => {
      this.dark = e.matches;
      this.draw();
    });
    this.querySelector('[data-overview]')?.setAttribute('hidden', '');
    this.querySelector('[data-no-js]')?.remove();
    this.querySelectorAll('[data-interactive]').forEach((el) => el.removeAttribute('hidden'));
    this.setupZoom();
    this.setupControls();
    new ResizeObserver(() => this.resize()).observe(this.canvas);
    this.resize();
    this.openFromUrl();
  }

  /** Sizes the canvas to its box and recomputes the base positions and the quadtree. */
  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    if (rect.width === 0 || (rect.width === this.width && rect.height === this.height)) return;
    this.width = rect.width;
    this.height = rect.height;
    this.dpr = Math.min(2, window.devicePixelRatio || 1);
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.image = this.ctx.createImageData(this.canvas.width, this.canvas.height);
    const pad = 12;
    const s = Math.min((this.width - 2 * pad) / this.meta.width, (this.height - 2 * pad) / this.meta.height);
    const ox = (this.width - this.meta.width * s) / 2;
    const oy = (this.height - this.meta.height * s) / 2;
    [this.s0, this.ox, this.oy] = [s, ox, oy];
    const n = this.meta.count;
    this.bx = new Float32Array(n);
    this.by = new Float32Array(n);
    for (let i = 0; i < n; i += 1) {
      this.bx[i] = ox + (this.points.x[i] as number) * s;
      this.by[i] = oy + (this.points.y[i] as number) * s;
    }
    this.tree = quadtree<number>()
      .x((i) => this.bx[i] as number)
      .y((i) => this.by[i] as number)
      .addAll(Array.from({ length: n }, (_, i) => i));
    this.zoomer.extent([
      [0, 0],
      [this.width, this.height],
    ]);
    this.draw();
  }

  private setupZoom(): void {
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = event.transform;
        this.hideTip();
        this.draw();
      });
    const canvas = select(this.canvas);
    canvas.call(this.zoomer).on('dblclick.zoom', null);
    this.canvas.addEventListener('pointerdown', (e) => (this.pointerType = e.pointerType));
    this.canvas.addEventListener('pointermove', (e) => {
      if (e.pointerType !== 'mouse' || e.buttons !== 0) return;
      this.showPoint(this.pick(e.offsetX, e.offsetY), e.offsetX, e.offsetY);
    });
    this.canvas.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.hideTip();
    });
    this.canvas.addEventListener('click', (e) => void this.onClick(e.offsetX, e.offsetY));
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('focus', () => this.draw());
    this.canvas.addEventListener('blur', () => this.draw());
  }

  private setupControls(): void {
    wireControls(this, this.meta.digests.length, {
      search: (q) => void this.search(q),
      filter: (from, to) => this.filter(from, to),
      reset: () => this.reset(),
      zoomBy: (f) => this.zoomBy(f),
      zoomToArea: (k) => this.zoomToArea(k),
      zoomToTopic: (k) => this.zoomToTopic(k),
    });
  }

  /** Where point i is drawn now, in CSS px from the canvas's top left (for tests and tools). */
  screenPoint(i: number): [number, number] {
    const t = this.transform;
    return [t.x + t.k * (this.bx[i] as number), t.y + t.k * (this.by[i] as number)];
  }

  /** The points the current search marks (empty without a search). */
  markedPoints(): number[] {
    const out: number[] = [];
    this.hits?.forEach((h, i) => h && out.push(i));
    return out;
  }

  /** Shows only papers whose first digest lies in [from, to]. */
  private filter(from: number, to: number): void {
    const { shown, count } = inRange(this.points.digest, from, to);
    this.shown = shown;
    this.shownCount = count;
    this.draw();
  }

  private zoomBy(factor: number): void {
    select(this.canvas).call(this.zoomer.scaleBy, factor);
  }

  private reset(): void {
    select(this.canvas).call(this.zoomer.transform, zoomIdentity);
  }

  /** Zooms so that a circle (CSS px at zoom 1) fills the view. */
  private zoomTo(cx: number, cy: number, radius: number, maxK = MAX_ZOOM): void {
    const k = Math.max(1, Math.min(maxK, (0.45 * Math.min(this.width, this.height)) / Math.max(radius, 1e-6)));
    const t = zoomIdentity.translate(this.width / 2 - cx * k, this.height / 2 - cy * k).scale(k);
    select(this.canvas).call(this.zoomer.transform, t);
  }

  /** A topic's disc in CSS px at zoom 1: centre x, y and radius. */
  private topicCircle(k: number): [number, number, number] {
    const t = this.meta.topics[k];
    if (!t) return [this.width / 2, this.height / 2, this.width];
    return [this.ox + t.x * this.s0, this.oy + t.y * this.s0, t.r * this.s0];
  }

  /** An area's label spot and a circle round its discs in CSS px at zoom 1. */
  private areaCircle(k: number): [number, number, number] {
    const a = this.meta.areas[k];
    if (!a) return [this.width / 2, this.height / 2, this.width];
    return [this.ox + a.x * this.s0, this.oy + a.y * this.s0, a.r * this.s0];
  }

  private zoomToTopic(k: number): void {
    const [cx, cy, r] = this.topicCircle(k);
    this.zoomTo(cx, cy, r);
  }

  private zoomToArea(k: number): void {
    const [cx, cy, r] = this.areaCircle(k);
    this.zoomTo(cx, cy, r);
  }

  /** `?paper=<id>` marks that paper and zooms to it; `?topic=<slug>` and `?area=<slug>` zoom to the topic or area. */
  private openFromUrl(): void {
    const { paper, topic, area } = mapParams(location.search);
    const slugOf = (href: string) => href.replace(/\/$/, '').split('/').at(-1);
    const a = area ? this.meta.areas.findIndex((x) => slugOf(x.href) === area) : -1;
    if (a >= 0) {
      (this.querySelector('select[data-topic]') as HTMLSelectElement).value = `a${a}`;
      this.zoomToArea(a);
    }
    if (topic) {
      const k = this.meta.topics.findIndex((t) => t.href.replace(/\/$/, '').endsWith(`/${topic}`));
      if (k >= 0) {
        (this.querySelector('select[data-topic]') as HTMLSelectElement).value = String(k);
        this.zoomToTopic(k);
      }
    }
    if (paper) {
      void this.pointOfId(paper).then((i) => {
        if (i === undefined) return;
        this.marked = i;
        this.dataset.paper = String(i);
        this.zoomTo(this.bx[i] as number, this.by[i] as number, 0.02 * Math.min(this.width, this.height) + 6, 60);
        void this.titleOf(i).then(([, title]) => {
          this.status.textContent = `Marked: ${title}. ${this.countText()}`;
          this.showPoint(i, this.width / 2, this.height / 2);
        });
      });
    }
  }

  private pointOfId(id: string): Promise<number | undefined> {
    const key = id.charAt(0);
    let bucket = this.idBuckets.get(key);
    if (!bucket) {
      bucket = fetch(`${this.dataset.ids}${key}.json`).then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : {}));
      this.idBuckets.set(key, bucket);
    }
    return bucket.then((b) => b[id]);
  }

  private titleOf(i: number): Promise<Title> {
    const c = chunkOf(i, this.meta.chunk);
    let entry = this.titles.get(c);
    if (!entry) {
      const load = fetch(`${this.dataset.titles}${c}.json`)
        .then((r) => r.json() as Promise<Title[]>)
        .then((list) => {
          this.titles.set(c, list);
          this.requestDraw();
          return list;
        });
      this.titles.set(c, load);
      entry = load;
    }
    return Promise.resolve(entry).then((list) => list[i - c * this.meta.chunk] ?? ['', '']);
  }

  /** The loaded title of point i, if its chunk is in (starting the load when not). */
  private loadedTitle(i: number): Title | undefined {
    const entry = this.titles.get(chunkOf(i, this.meta.chunk));
    if (Array.isArray(entry)) return entry[i - chunkOf(i, this.meta.chunk) * this.meta.chunk];
    if (!entry) void this.titleOf(i);
    return undefined;
  }

  /** The shown point nearest to (px, py) in CSS px, within a few px, or -1. */
  private pick(px: number, py: number): number {
    if (!this.tree) return -1;
    const t = this.transform;
    const wx = (px - t.x) / t.k;
    const wy = (py - t.y) / t.k;
    const radius = Math.max(6, this.pointSize() / this.dpr) / t.k;
    return nearestShown(this.tree, this.bx, this.by, this.shown, wx, wy, radius);
  }

  private async onClick(px: number, py: number): Promise<void> {
    const label = this.labels.find(({ box }) => px >= box[0] && px <= box[2] && py >= box[1] && py <= box[3]);
    const i = this.pick(px, py);
    if (i < 0 && label) {
      if (label.kind === 'area') this.zoomToArea(label.index);
      else this.zoomToTopic(label.index);
      return;
    }
    if (i < 0) {
      this.hideTip();
      return;
    }
    if (this.pointerType !== 'mouse') {
      // A tap shows the paper; its title in the tip is the link.
      this.showPoint(i, px, py);
      return;
    }
    const [href] = await this.titleOf(i);
    if (href) location.href = href;
  }

  private onKey(e: KeyboardEvent): void {
    const step = 60;
    const sel = select(this.canvas);
    const keys: Record<string, () => void> = {
      ArrowLeft: () => sel.call(this.zoomer.translateBy, step / this.transform.k, 0),
      ArrowRight: () => sel.call(this.zoomer.translateBy, -step / this.transform.k, 0),
      ArrowUp: () => sel.call(this.zoomer.translateBy, 0, step / this.transform.k),
      ArrowDown: () => sel.call(this.zoomer.translateBy, 0, -step / this.transform.k),
      '+': () => this.zoomBy(2),
      '=': () => this.zoomBy(2),
      '-': () => this.zoomBy(0.5),
      '0': () => this.reset(),
      Enter: () => {
        const i = this.pick(this.width / 2, this.height / 2);
        if (i >= 0) void this.titleOf(i).then(([href]) => href && (location.href = href));
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
    if (e.key !== 'Enter') requestAnimationFrame(() => this.showCentre());
  }

  /** With the keyboard: the paper under the centre mark is shown in the tip. */
  private showCentre(): void {
    const i = this.pick(this.width / 2, this.height / 2);
    if (i >= 0) this.showPoint(i, this.width / 2, this.height / 2);
    else this.hideTip();
  }

  private showPoint(i: number, px: number, py: number): void {
    if (i < 0) {
      this.hideTip();
      return;
    }
    this.hover = i;
    const topic = this.meta.topics[this.points.topic[i] as number];
    void this.titleOf(i).then(([href, title]) => {
      if (this.hover !== i) return;
      const link = this.tip.querySelector('a') as HTMLAnchorElement;
      link.href = href;
      link.textContent = title;
      const area = this.meta.areas[topic?.area ?? -1];
      (this.tip.querySelector('[data-tip-topic]') as HTMLElement).textContent = `Topic: ${topic?.label ?? ''}${area ? ` · Area: ${area.label}` : ''}`;
      this.tip.hidden = false;
      const left = Math.min(px + 14, this.width - this.tip.offsetWidth - 4);
      const top = py + 14 + this.tip.offsetHeight > this.height ? py - 14 - this.tip.offsetHeight : py + 14;
      this.tip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
    });
    this.requestDraw();
  }

  private hideTip(): void {
    if (this.hover < 0 && this.tip.hidden) return;
    this.hover = -1;
    this.tip.hidden = true;
    this.requestDraw();
  }

  private async search(query: string): Promise<void> {
    const run = (this.searchRun += 1);
    const q = query.trim();
    if (q === '') {
      this.hits = null;
      delete this.dataset.marked;
      this.searchStatus.textContent = '';
      this.draw();
      return;
    }
    this.searchStatus.textContent = 'Searching…';
    try {
      const { pages, ids } = await searchPapers(await loadPagefind(this.dataset.pagefind ?? '/pagefind/pagefind.js'), q);
      const points = await Promise.all(ids.map((id) => this.pointOfId(id)));
      if (run !== this.searchRun) return;
      const hits = new Uint8Array(this.meta.count);
      let marked = 0;
      for (const i of points) {
        if (i !== undefined && !hits[i]) {
          hits[i] = 1;
          marked += 1;
        }
      }
      this.hits = hits;
      this.dataset.marked = String(marked);
      this.searchStatus.textContent = searchStatusText(q, pages, marked);
      this.draw();
    } catch (error) {
      this.searchStatus.textContent = `Search is unavailable (${String(error)}).`;
    }
  }

  private countText(): string {
    const n = this.shownCount;
    return n === this.meta.count
      ? `${n.toLocaleString('en')} papers on the map.`
      : `${n.toLocaleString('en')} of ${this.meta.count.toLocaleString('en')} papers shown.`;
  }

  private requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Point size in device px: grows slowly with the zoom. */
  private pointSize(): number {
    // Sparse maps get larger points: about a sixth of the mean spacing of the points in view at zoom 1.
    const base = Math.max(1.6, Math.min(5, Math.sqrt((this.width * this.height) / Math.max(1, this.meta.count)) / 6));
    return Math.max(2, Math.min(10, Math.round(this.dpr * (base + 1.1 * Math.log2(this.transform.k)))));
  }

  /** Draws points, marks and labels for the current transform, filter and search. */
  draw(): void {
    if (!this.image || !this.points) return;
    const { width: W, height: H } = this.canvas;
    const buf = new Uint32Array(this.image.data.buffer);
    const bg = this.dark ? MAP_BACKGROUND.dark : MAP_BACKGROUND.light;
    buf.fill(abgr(bg));
    // Each topic's colour: its area's, in the topic's shade; dimmed for points a search leaves out.
    const colours = this.meta.topics.map((tp) => mapColour(tp.colour, tp.shade, this.dark));
    const palette = colours.map((c) => abgr(c));
    const dim = colours.map((c) => abgr(mix(c, bg, 0.18)));
    const t = this.transform;
    const size = this.pointSize();
    const half = size >> 1;
    const n = this.meta.count;
    let visible = 0;
    const inView: number[] = [];
    const pass = (wantHits: boolean) => {
      for (let i = 0; i < n; i += 1) {
        if (!this.shown[i]) continue;
        const hit = this.hits === null || this.hits[i] === 1;
        if (hit !== wantHits) continue;
        const sx = ((t.x + t.k * (this.bx[i] as number)) * this.dpr) | 0;
        const sy = ((t.y + t.k * (this.by[i] as number)) * this.dpr) | 0;
        if (sx < -half || sy < -half || sx >= W + half || sy >= H + half) continue;
        const c = this.points.topic[i] as number;
        const colour = hit ? (palette[c] as number) : (dim[c] as number);
        const x0 = Math.max(0, sx - half);
        const y0 = Math.max(0, sy - half);
        const x1 = Math.min(W, sx - half + size);
        const y1 = Math.min(H, sy - half + size);
        for (let y = y0; y < y1; y += 1) buf.fill(colour, y * W + x0, y * W + x1);
        visible += 1;
        if (hit && inView.length <= TITLE_POINTS) inView.push(i);
      }
    };
    if (this.hits) pass(false);
    pass(true);
    this.ctx.putImageData(this.image, 0, 0);
    if (this.dataset.papers === undefined) performance.mark('paper-map-drawn');
    this.dataset.papers = String(this.shownCount);
    this.dataset.zoom = t.k.toFixed(3);
    this.dataset.visible = String(visible);
    if (this.status.dataset.count !== String(this.shownCount)) {
      this.status.dataset.count = String(this.shownCount);
      if (this.marked < 0) this.status.textContent = this.countText();
    }
    this.labels = drawOverlay(this.ctx, {
      dpr: this.dpr,
      width: this.width,
      height: this.height,
      dark: this.dark,
      transform: t,
      bx: this.bx,
      by: this.by,
      shown: this.shown,
      marked: this.marked,
      hover: this.hover,
      focused: document.activeElement === this.canvas,
      topics: this.meta.topics,
      areas: this.meta.areas,
      topicCircle: (k) => this.topicCircle(k),
      areaCircle: (k) => this.areaCircle(k),
      inView,
      title: (i) => this.loadedTitle(i)?.[1],
    });
    this.dataset.areaLabels = String(this.labels.filter((l) => l.kind === 'area').length);
    this.dataset.topicLabels = String(this.labels.filter((l) => l.kind === 'topic').length);
  }
}

customElements.define('paper-map', PaperMapElement);
