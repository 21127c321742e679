/**
 * Runs an integration's `astro:build:done` hook with `String.prototype.localeCompare(that, locales, options)`
 * answered by one `Intl.Collator` per locales and options, made once, instead of one made for every comparison.
 *
 * `@astrojs/sitemap` sorts every URL with `a.localeCompare(b, 'en', { numeric: true })`, and V8 builds a new
 * collator for each call that names options: sorting the URLs of a site of tens of thousands of pages took seconds,
 * and grows as n log n. ECMA-402 defines `localeCompare` as `new Intl.Collator(locales, options).compare`, so the
 * order is the same; the builtin is put back as soon as the hook ends.
 */
import type { AstroIntegration } from 'astro';

type LocaleCompare = (this: string, that: string, locales?: string | string[], options?: Intl.CollatorOptions) => number;

/** The options `Intl.Collator` reads. */
const COLLATOR_OPTIONS = ['usage', 'localeMatcher', 'collation', 'numeric', 'caseFirst', 'sensitivity', 'ignorePunctuation'] as const;

/** The cache key of a call: its locale and the options the collator reads, or null for a call left to the builtin (no locale string, options that are not plain values). */
function collatorKey(self: unknown, locales: unknown, options: unknown): string | null {
  if (self === null || self === undefined || typeof locales !== 'string') return null;
  if (options === undefined) return locales;
  if (typeof options !== 'object' || options === null) return null;
  const values: unknown[] = COLLATOR_OPTIONS.map((name) => (options as Record<string, unknown>)[name]);
  if (values.some((v) => v !== undefined && typeof v !== 'string' && typeof v !== 'boolean')) return null;
  return `${locales}\u0000${JSON.stringify(values.map((v) => (v === undefined ? null : v)))}`;
}

/** Calls `run` with `localeCompare` going through cached collators; restores the builtin afterwards. */
export async function withCachedCollators<T>(run: () => Promise<T> | T): Promise<T> {
  const builtin = String.prototype.localeCompare as LocaleCompare;
  const collators = new Map<string, Intl.Collator>();
  const cached: LocaleCompare = function (this: string, that, locales, options) {
    const key = collatorKey(this, locales, options);
    if (key === null) return builtin.call(this, that, locales, options);
    let collator = collators.get(key);
    if (collator === undefined) {
      collator = new Intl.Collator(locales, options);
      collators.set(key, collator);
    }
    return collator.compare(String(this), String(that));
  };
  String.prototype.localeCompare = cached as typeof String.prototype.localeCompare;
  try {
    return await run();
  } finally {
    String.prototype.localeCompare = builtin as typeof String.prototype.localeCompare;
  }
}

/** The integration with its `astro:build:done` hook run {@link withCachedCollators} (e.g. `@astrojs/sitemap`). */
export function withCachedCollatorsOnBuildDone(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (done === undefined) return integration;
  return {
    ...integration,
    hooks: { ...integration.hooks, 'astro:build:done': (params) => withCachedCollators(() => done(params)) },
  };
}
