/**
 * What Pagefind fetches before it can search, by URL, so the search page
 * (and, as prefetches, the header box of an article page: public/js/reader.js
 * does the same in plain JS) can ask for all of it at once instead of one
 * round trip after another: its entry file, then its metadata and WebAssembly.
 *
 * Pagefind asks for `pagefind-entry.json?ts=<Date.now()>` unless given a
 * `metaCacheTag`, which no cache can answer. The search page gives it
 * ENTRY_TAG, so the URL is stable: the entry files are served with
 * `max-age=0, must-revalidate` (src/lib/headers/rules.ts), so a new build's
 * entry is still seen at once (the cache revalidates, 304 when unchanged).
 */

/**
 * Pagefind's WebAssembly for the index language (tokens.ts: INDEX_LANGUAGE,
 * which Pagefind has no stemmer for, so it ships its language-neutral build);
 * the search page preloads it. tests/build/search-index.test.ts checks the build wrote it.
 */
export const WASM_URL = '/pagefind/wasm.unknown.pagefind';

/** Pagefind's `metaCacheTag`; public/js/reader.js uses the same value (data-pagefind-tag on the header form). */
export const ENTRY_TAG = 'v1';

export interface PagefindEntry {
  version?: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** The entry file of a bundle (`path` ends in /) as Pagefind fetches it with ENTRY_TAG. */
export const entryUrl = (path: string): string => `${path}pagefind-entry.json?ts=${ENTRY_TAG}`;

/**
 * The language index Pagefind loads for a page in `lang` (its findIndex):
 * the exact language, then its base (zh-cn → zh), else the largest index.
 */
export function pickIndex(
  entry: PagefindEntry,
  lang: string,
): PagefindEntry['languages'][string] | undefined {
  const langs = entry.languages ?? {};
  const l = lang.toLowerCase();
  return (
    langs[l] ??
    langs[l.split('-')[0]!] ??
    Object.values(langs).sort((a, b) => b.page_count - a.page_count)[0]
  );
}

/** The bundle's metadata file Pagefind reads for a page in `lang`, or null without an index. */
export function metaUrl(entry: PagefindEntry, lang: string): string | null {
  const index = pickIndex(entry, lang);
  return index ? `/pagefind/pagefind.${index.hash}.pf_meta` : null;
}

/** The files Pagefind reads after the entry to open the bundle: its metadata and WebAssembly. */
export function bundleFiles(entry: PagefindEntry, lang: string): string[] {
  const index = pickIndex(entry, lang);
  if (!index) return [];
  return [metaUrl(entry, lang)!, `/pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`];
}

/** Marks the search page's preload of the index metadata, so a later build replaces it. */
const META_PRELOAD = /<link [^>]*data-pagefind-meta[^>]*>/g;

/**
 * The search page's HTML preloading the bundle's metadata (`metaUrl`), or
 * without such a preload when `metaUrl` is null. Its name changes with the
 * index, known only after the pages are rendered, so the build writes it
 * into the built page (src/integrations/pagefind.ts); Pagefind asks for it
 * only once its entry file is read, after the page's own script has run.
 */
export function withMetaPreload(html: string, metaUrl: string | null): string {
  const without = html.replace(META_PRELOAD, '');
  if (!metaUrl || !/^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/.test(metaUrl)) return without;
  const link = `<link rel="preload" href="${metaUrl}" as="fetch" crossorigin="anonymous" data-pagefind-meta>`;
  return without.replace('</head>', `${link}</head>`);
}
