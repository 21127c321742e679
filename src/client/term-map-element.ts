/**
 * `<term-map>`: the interactive layer over a build-time term map SVG (see TermMap.astro).
 * Zoom and pan (Ctrl/⌘ + wheel, drag, pinch, buttons), labels re-placed for the actual size and
 * zoom, neighbour highlighting on hover/focus, and, when the map has a `data-filter-target`, a
 * filter of the page's paper list by term that lives in the URL (`?term=`).
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import {
  LABEL_GAP_PX,
  LABEL_LINE,
  LABEL_PX,
  LIFT_PX,
  PLACE_LINE_PX,
  PLACE_PX,
  discScale,
  estimateTextWidth,
  labelShift,
  placeLabels,
  type LabelCandidate,
  type LabelPlacement,
} from './map-geometry';
import { filterStatus, papersText, resolveTerm, termFromUrl, termParam, urlWithTerm } from './map-filter';

interface MapNodeEl {
  el: SVGElement;
  text: SVGTextElement | null;
  id: string;
  slug: string | null;
  label: string;
  weight: number;
  r: number;
  x: number;
  y: number;
  width: number;
  /** Neighbour indices, strongest link first. */
  near: number[];
  lines: SVGLineElement[];
  placed: string;
}

interface MapPlaceEl {
  el: SVGAElement;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
  placed: string;
}

const MAX_ZOOM = 8;

/** `translate(x y)` → [x, y]. */
function translation(el: Element): [number, number] {
  const m = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)/.exec(el.getAttribute('transform') ?? '');
  return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
}

/** Measured text width in glyph units (CSS px), or an estimate when the browser cannot measure yet. */
function measure(text: SVGTextContentElement | null, fallback: string, fontPx: number, bold = false): number {
  try {
    const w = text?.getComputedTextLength() ?? 0;
    if (w > 0) return w;
  } catch {
    /* not rendered yet */
  }
  return estimateTextWidth(fallback, fontPx, bold);
}

class TermMapElement extends HTMLElement {
  private svg!: SVGSVGElement;
  private viewport!: SVGGElement;
  private info: HTMLElement | null = null;
  private nodes: MapNodeEl[] = [];
  private places: MapPlaceEl[] = [];
  private transform: ZoomTransform = zoomIdentity;
  private pxPerUnit = 1;
  private frame = 0;
  private active = -1;
  private selected = -1;
  private behaviour!: ZoomBehavior<SVGSVGElement, unknown>;
  private selection!: Selection<SVGSVGElement, unknown, null, undefined>;
  private toastTimer = 0;
  private filtered = false;

  connectedCallback(): void {
    if (this.svg) return;
    const svg = this.querySelector<SVGSVGElement>('svg.tm-svg');
    const viewport = svg?.querySelector<SVGGElement>('.tm-viewport');
    if (!svg || !viewport) return;
    this.svg = svg;
    this.viewport = viewport;
    this.info = this.querySelector<HTMLElement>('.tm-info');
    if (this.info) this.info.textContent = this.info.dataset.default ?? this.info.textContent;
    this.readNodes();
    this.setupZoom();
    this.setupHighlight();
    if (this.dataset.filterTarget) this.setupFilter(this.dataset.filterTarget);
    new ResizeObserver(() => this.resize()).observe(svg);
    this.resize();
    this.classList.add('is-live');
  }

  /** Reads nodes, places and links back from the server-rendered SVG. */
  private readNodes(): void {
    // Nodes are drawn lightest first; data-i is their heaviest-first index, which the links use.
    const els = [...this.svg.querySelectorAll<SVGElement>('.tm-node')].sort((a, b) => Number(a.dataset.i) - Number(b.dataset.i));
    this.nodes = els.map((el) => {
      const [x, y] = translation(el);
      const text = el.querySelector<SVGTextElement>('.tm-label');
      const label = el.dataset.label ?? '';
      return {
        el,
        text,
        id: el.dataset.term ?? '',
        slug: el.dataset.slug ?? null,
        label,
        weight: Number(el.dataset.w ?? 1),
        r: Number(el.dataset.r ?? 4),
        x,
        y,
        width: measure(text, label, LABEL_PX) + 3,
        near: [],
        lines: [],
        placed: '',
      };
    });
    // Links are drawn weakest first, so walking them backwards lists each node's neighbours strongest first.
    const lines = [...this.svg.querySelectorAll<SVGLineElement>('.tm-link')].reverse();
    for (const line of lines) {
      const a = Number(line.dataset.a);
      const b = Number(line.dataset.b);
      const na = this.nodes[a];
      const nb = this.nodes[b];
      if (!na || !nb) continue;
      na.near.push(b);
      nb.near.push(a);
      na.lines.push(line);
      nb.lines.push(line);
    }
    this.places = [...this.svg.querySelectorAll<SVGAElement>('.tm-place')].map((el) => {
      const [x, y] = translation(el);
      const spans = [...el.querySelectorAll<SVGTSpanElement>('tspan')];
      return {
        el,
        x,
        y,
        width: Math.max(0, ...spans.map((s) => measure(s, s.textContent ?? '', PLACE_PX, true))) + 4,
        height: spans.length * PLACE_LINE_PX,
        priority: Number(el.dataset.p ?? 0),
        placed: '',
      };
    });
  }

  private setupZoom(): void {
    const vb = this.svg.viewBox.baseVal;
    this.behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .translateExtent([
        [vb.x, vb.y],
        [vb.x + vb.width, vb.y + vb.height],
      ])
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          if (wheel.ctrlKey || wheel.metaKey) return true;
          this.toast();
          return false;
        }
        if (event.type === 'dblclick' && (event.target as Element).closest('.tm-node, .tm-place')) return false;
        const mouse = event as MouseEvent;
        return !mouse.ctrlKey && !mouse.button;
      })
      .wheelDelta((event: WheelEvent) => {
        const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
        // Trackpad pinches arrive as small Ctrl+wheel deltas; a Ctrl+mouse wheel notch is ~100.
        return -event.deltaY * unit * (Math.abs(event.deltaY) < 30 ? 5 : 1);
      })
      .on('start', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (event.sourceEvent?.type === 'mousedown') this.svg.classList.add('is-grabbing');
      })
      .on('end', () => this.svg.classList.remove('is-grabbing'))
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.viewport.setAttribute('transform', event.transform.toString());
        this.schedule();
      });
    this.selection = select(this.svg);
    this.selection.call(this.behaviour);
    const controls = this.querySelector<HTMLElement>('.tm-controls');
    if (controls) {
      controls.hidden = false;
      controls.addEventListener('click', (event) => {
        const button = (event.target as Element).closest<HTMLButtonElement>('button[data-zoom]');
        if (!button) return;
        const action = button.dataset.zoom;
        if (action === 'in') this.behaviour.scaleBy(this.selection, 1.6);
        else if (action === 'out') this.behaviour.scaleBy(this.selection, 1 / 1.6);
        else this.behaviour.transform(this.selection, zoomIdentity);
      });
    }
  }

  /** Briefly explains how to zoom with the wheel (plain wheel scrolls the page). */
  private toast(): void {
    const toast = this.querySelector<HTMLElement>('.tm-toast');
    if (!toast) return;
    toast.hidden = false;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (toast.hidden = true), 1400);
  }

  private resize(): void {
    const vb = this.svg.viewBox.baseVal;
    const width = this.svg.clientWidth || this.svg.getBoundingClientRect().width;
    if (!width || !vb.width) return;
    this.pxPerUnit = width / vb.width;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /** Glyphs back to their CSS-pixel size at the current scale, then labels re-placed without overlaps. */
  private layout(): void {
    const t = this.transform;
    const s = this.pxPerUnit * t.k;
    const k = discScale(s);
    this.svg.style.setProperty('--tm-s', String(1 / s));
    this.svg.style.setProperty('--tm-rk', String(k));
    const vb = this.svg.viewBox.baseVal;
    const view = { width: vb.width * this.pxPerUnit, height: vb.height * this.pxPerUnit };
    const sx = (x: number) => t.applyX(x) * this.pxPerUnit;
    const sy = (y: number) => t.applyY(y) * this.pxPerUnit;
    const candidates: LabelCandidate[] = [
      ...this.nodes.map((n, i) => ({ x: sx(n.x), y: sy(n.y) - LIFT_PX, width: n.width, height: LABEL_PX * LABEL_LINE, r: n.r * k, priority: this.priority(i) })),
      ...this.places.map((p) => ({ x: sx(p.x), y: sy(p.y), width: p.width, height: p.height, r: 0, priority: 1e6 + p.priority, overNodes: true })),
    ];
    const obstacles = this.nodes.map((n, i) => ({ x: sx(n.x), y: sy(n.y) - LIFT_PX, r: n.r * k + 1, owner: i, priority: this.priority(i) }));
    const placed = placeLabels(candidates, obstacles, view);
    this.nodes.forEach((n, i) => {
      const p = placed[i];
      this.apply(n, p, labelShift(p?.show ? p.top : n.r * k + LABEL_GAP_PX));
    });
    this.places.forEach((p, i) => {
      const at = placed[this.nodes.length + i];
      this.apply(p, at, at?.show ? at.top + p.height / 2 : 0);
    });
  }

  /** Label priority of node i: the highlighted term, then its neighbours and the filtered term, above topic names, then by papers. */
  private priority(i: number): number {
    const n = this.nodes[i];
    if (!n) return 0;
    if (i === this.active) return 4e6 + n.weight;
    if (i === this.selected || this.nodes[this.active]?.near.includes(i)) return 3e6 + n.weight;
    return n.weight;
  }

  /** Shows or hides one label and sets its offsets, touching the DOM only when something changed. */
  private apply(item: { el: SVGElement; placed: string }, p: LabelPlacement | undefined, dy: number): void {
    const key = `${p?.show ? 1 : 0}|${p?.dx ?? 0}|${dy}`;
    if (key === item.placed) return;
    item.placed = key;
    const style = item.el.style;
    style.setProperty('--v', p?.show ? 'visible' : 'hidden');
    style.setProperty('--x', String(p?.dx ?? 0));
    style.setProperty('--y', String(dy));
  }

  private setupHighlight(): void {
    this.nodes.forEach((n, i) => {
      n.el.addEventListener('pointerenter', () => this.highlight(i));
      n.el.addEventListener('pointerleave', () => {
        if (this.active === i && !n.el.matches(':focus-visible')) this.highlight(-1);
      });
      n.el.addEventListener('focus', () => {
        if (n.el.matches(':focus-visible')) {
          this.highlight(i);
          this.reveal(n);
        }
      });
      n.el.addEventListener('blur', () => {
        if (this.active === i) this.highlight(-1);
      });
    });
    this.svg.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.active >= 0) this.highlight(-1);
    });
  }

  /** Pans a focused node into view when the map is zoomed in and it lies outside. */
  private reveal(n: MapNodeEl): void {
    const vb = this.svg.viewBox.baseVal;
    const x = this.transform.applyX(n.x);
    const y = this.transform.applyY(n.y);
    const margin = vb.width * 0.05;
    if (x < vb.x + margin || x > vb.x + vb.width - margin || y < vb.y + margin || y > vb.y + vb.height - margin) {
      this.behaviour.translateTo(this.selection, n.x, n.y);
    }
  }

  /** Marks node `i` and its neighbours (and their links) and dims the rest; -1 clears. */
  private highlight(i: number): void {
    const previous = this.nodes[this.active];
    if (previous) {
      previous.el.classList.remove('is-on');
      for (const j of previous.near) this.nodes[j]?.el.classList.remove('is-near');
      for (const line of previous.lines) line.classList.remove('is-on');
    }
    this.active = i;
    const n = this.nodes[i];
    if (!n) {
      delete this.svg.dataset.active;
      this.describe(this.nodes[this.selected]);
      this.schedule();
      return;
    }
    this.svg.dataset.active = '';
    n.el.classList.add('is-on');
    for (const j of n.near) this.nodes[j]?.el.classList.add('is-near');
    for (const line of n.lines) line.classList.add('is-on');
    this.describe(n);
    this.schedule();
  }

  /** Writes a node's facts into the caption line under the map (or the default hint when none). */
  private describe(n: MapNodeEl | undefined): void {
    const info = this.info;
    if (!info) return;
    if (!n) {
      info.textContent = info.dataset.default ?? '';
      return;
    }
    const strong = document.createElement('strong');
    strong.textContent = n.label;
    const near = n.near
      .slice(0, 5)
      .map((j) => this.nodes[j]?.label)
      .filter(Boolean);
    info.replaceChildren(strong, ` · ${papersText(n.weight)}${near.length ? ` · linked with ${near.join(', ')}` : ''}`);
  }

  private setupFilter(target: string): void {
    const list = document.querySelector<HTMLElement>(`.${CSS.escape(target)}`);
    const status = document.getElementById(`${target}-status`);
    if (!list) return;
    const items = [...list.querySelectorAll<HTMLElement>('li[data-paper]')];
    const terms = this.nodes.map((n) => ({ id: n.id, slug: n.slug }));
    const apply = (index: number, push: boolean, focusStatus = false) => {
      const node = this.nodes[index];
      const prev = this.nodes[this.selected];
      if (prev) {
        prev.el.classList.remove('is-selected');
        prev.el.removeAttribute('aria-current');
      }
      this.selected = node ? index : -1;
      let shown = 0;
      const ids = node?.el.dataset.papers !== undefined ? new Set(node.el.dataset.papers.split(' ')) : null;
      for (const li of items) {
        const show = !node || ids === null || ids.has(li.dataset.paper ?? '');
        li.hidden = !show;
        if (show) shown++;
      }
      if (node) {
        node.el.classList.add('is-selected');
        node.el.setAttribute('aria-current', 'true');
      }
      if (status) this.writeStatus(status, node, shown, items.length);
      if (push) {
        const url = urlWithTerm(location.href, node ? termParam(node) : null);
        history.pushState({ ...(history.state as object | null), term: node ? termParam(node) : null }, '', url);
      }
      if (this.active < 0) this.describe(node);
      this.schedule();
      if (focusStatus && status) {
        status.tabIndex = -1;
        status.focus();
      }
    };
    this.clear = () => apply(-1, true, true);
    const fromUrl = () => {
      const value = termFromUrl(location.href);
      const term = resolveTerm(terms, value);
      apply(term ? terms.indexOf(term) : -1, false);
      if (value && !term && status) status.textContent = `No term “${value}” on this map; showing all ${papersText(items.length)}.`;
    };
    this.nodes.forEach((n, i) => {
      if (n.el.tagName.toLowerCase() !== 'a') {
        n.el.setAttribute('tabindex', '0');
        n.el.setAttribute('role', 'button');
        n.el.setAttribute('aria-label', `${n.label}, ${papersText(n.weight)}`);
        n.el.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            apply(this.selected === i ? -1 : i, true);
          }
        });
      }
      n.el.addEventListener('click', (event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        apply(this.selected === i ? -1 : i, true);
      });
    });
    window.addEventListener('popstate', fromUrl);
    this.filtered = termFromUrl(location.href) !== null;
    if (this.filtered) fromUrl();
  }

  private clear: () => void = () => {};

  /** The status line: how many papers are shown for which term, a link to the term page and a Clear button. */
  private writeStatus(status: HTMLElement, node: MapNodeEl | undefined, shown: number, total: number): void {
    if (!node) {
      status.textContent = this.filtered ? `Showing all ${papersText(total)}.` : '';
      return;
    }
    this.filtered = true;
    const parts: (Node | string)[] = [filterStatus(shown, total, node.label), ' '];
    const href = node.el.getAttribute('href');
    if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = 'Term page';
      parts.push(link, ' ');
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tm-clear';
    button.textContent = 'Clear filter';
    button.addEventListener('click', () => this.clear());
    parts.push(button);
    status.replaceChildren(...parts);
  }
}

if (!customElements.get('term-map')) customElements.define('term-map', TermMapElement);
