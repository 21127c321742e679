/** Helpers for the checks that read the built site from disk (e2e/dist.spec.ts): files, tags, links, sizes. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built site under test: `$ASTRO_OUT_DIR` when set, else dist/ (as playwright.config.ts serves). */
export const distDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string, keep: (rel: string) => boolean = () => true): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter(keep)
    .sort();
}

/** One start tag: name (lower case), attributes (names lower case, values entity-decoded) and 1-based line. */
export interface Tag {
  name: string;
  attrs: Map<string, string>;
  line: number;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that occur in attribute values. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const TAG_RE = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR_RE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/** Raw-text elements and comments, whose content is not markup. */
const RAW_RE = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** The start tags of an HTML document (script/style bodies and comments skipped, line numbers kept). */
export function startTags(html: string): Tag[] {
  // Blank out raw text but keep its newlines, so line numbers stay right; keep the opening tag of script/style.
  const text = html.replace(RAW_RE, (m: string) => {
    const open = /^<(script|style)\b[^>]*>/i.exec(m)?.[0] ?? '';
    return open + m.slice(open.length).replace(/[^\n]/g, ' ');
  });
  const tags: Tag[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(TAG_RE)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR_RE)) {
      const name = (a[1] ?? '').toLowerCase();
      if (!attrs.has(name)) attrs.set(name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name: (m[1] ?? '').toLowerCase(), attrs, line });
  }
  return tags;
}

/** The ids (and `<a name>` anchors) a page defines, i.e. the fragments that land somewhere. */
export function anchorsOf(tags: readonly Tag[]): Set<string> {
  const ids = new Set<string>();
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (id) ids.add(id);
    const name = t.attrs.get('name');
    if (t.name === 'a' && name) ids.add(name);
  }
  return ids;
}

/** A URL a page refers to, with where it was found. */
export interface Reference {
  url: string;
  line: number;
  attr: string;
}

/** Every URL in href/src/srcset/action/xlink:href/poster attributes (srcset split into its candidates). */
export function referencesOf(tags: readonly Tag[]): Reference[] {
  const refs: Reference[] = [];
  for (const t of tags) {
    for (const attr of ['href', 'src', 'action', 'xlink:href', 'poster']) {
      const v = t.attrs.get(attr);
      if (v !== undefined && v.trim() !== '') refs.push({ url: v.trim(), line: t.line, attr: `${t.name}[${attr}]` });
    }
    const srcset = t.attrs.get('srcset');
    if (srcset) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ url, line: t.line, attr: `${t.name}[srcset]` });
      }
    }
  }
  return refs;
}

/** Site path of a built HTML file: `papers/x/index.html` → `/papers/x/`, `404.html` → `/404.html`. */
export function pagePath(rel: string): string {
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** The file in dist a site path maps to (`/x/` → `x/index.html`), or null when there is none. */
export function fileFor(sitePath: string, dir: string = distDir): string | null {
  let p: string;
  try {
    p = decodeURIComponent(sitePath);
  } catch {
    return null;
  }
  const rel = p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1);
  const full = path.join(dir, rel);
  if (!full.startsWith(dir)) return null;
  return existsSync(full) && statSync(full).isFile() ? rel : null;
}

/** What an internal reference resolves to, or why it does not. */
export type Resolution = { kind: 'external' } | { kind: 'file'; rel: string; fragment: string } | { kind: 'missing'; path: string };

const LOCAL_ORIGIN = 'http://site.invalid';

/**
 * Resolves a reference found on the page at `from` (a site path). URLs on `siteOrigin` (the canonical
 * origin) count as internal; other absolute URLs and mailto:/data:/javascript: are external.
 */
export function resolveReference(url: string, from: string, siteOrigin: string | null, dir: string = distDir): Resolution {
  let u: URL;
  try {
    u = new URL(url, LOCAL_ORIGIN + from);
  } catch {
    return { kind: 'missing', path: url };
  }
  if (u.origin !== LOCAL_ORIGIN && u.origin !== siteOrigin) return { kind: 'external' };
  const rel = fileFor(u.pathname, dir);
  const fragment = u.hash.length > 1 ? decodeURIComponent(u.hash.slice(1)) : '';
  return rel === null ? { kind: 'missing', path: u.pathname } : { kind: 'file', rel, fragment };
}

/** Every string value under a `url` key anywhere in a parsed JSON value. */
export function jsonUrls(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) jsonUrls(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'url' && typeof v === 'string') out.push(v);
      else jsonUrls(v, out);
    }
  }
  return out;
}

/** Gzipped size in bytes (zlib's default level, as a static host would serve it). */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content).length;
}

/** Reads a dist file as text. */
export function readDist(rel: string, dir: string = distDir): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

/**
 * A JavaScript chunk and every chunk it statically imports, recursively (dist-relative paths).
 * Dynamic `import()` is not followed: it is not loaded with the page.
 */
export function scriptClosure(entry: string, dir: string = distDir): string[] {
  const seen = new Set<string>();
  const visit = (rel: string): void => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readDist(rel, dir);
    const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
    for (const m of code.matchAll(re)) {
      const spec = m[1] ?? '';
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = new URL(spec, `${LOCAL_ORIGIN}/${rel}`).pathname.slice(1);
      if (existsSync(path.join(dir, target))) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** Median of numbers (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Kilobytes with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
