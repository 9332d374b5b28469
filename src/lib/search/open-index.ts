/**
 * Opens the site's search index in the browser: the manifest, the word
 * directory (word-directory.ts) and Pagefind's one bundle (merged from the
 * shards at build time: src/integrations/search-index/merge-bundles.ts).
 */
import type { PagefindApi, SearchIndex } from './engine';
import { firstPageUrl } from './first-pages';
import { readFirstPage, type ShownPage } from './handoff';
import { MANIFEST_FILE, type SearchManifest } from './shards';
import { pagefindQuery, termWords } from './tokens';
import { ENTRY_TAG } from './warm';
import { bucketOf, mayHoldAll, parseBucket } from './word-directory';

export type PagefindModule = PagefindApi & {
  options(o: Record<string, unknown>): Promise<void>;
  /** Loads the entry, WebAssembly and metadata now rather than at the first search. */
  init(): Promise<void>;
};

/** The language Pagefind searches in: the page's (lower case), or 'unknown' in a worker, as its loader decides. */
const pagefindLanguage = (): string =>
  (typeof document === 'undefined' ? '' : document.documentElement.lang).toLowerCase() || 'unknown';

/** What Pagefind is given to split: index words (tokens.ts), a character's and a pair's. */
const SEGMENTER_SAMPLE = pagefindQuery([...termWords('党'), ...termWords('党建')]);

/**
 * Pagefind splits every query with Intl.Segmenter (graphemes, and words for
 * zh/ja/th) in the index's language. A thread's first Segmenter loads ICU's
 * break data: 40–100 ms of a first search on this project's bench machine,
 * spent here instead while the index files are still on the way. The sample
 * is Latin letters and digits, so no dictionary loads.
 */
export function warmSegmenters(lang: string): void {
  if (typeof Intl.Segmenter !== 'function') return;
  try {
    const locale = Intl.getCanonicalLocales(lang)[0];
    const word = /^(zh|ja|th)\b/.test(lang); // Pagefind's needsWordSegmentation
    for (const granularity of word ? (['grapheme', 'word'] as const) : (['grapheme'] as const))
      for (const part of new Intl.Segmenter(locale, { granularity }).segment(SEGMENTER_SAMPLE))
        void part;
  } catch {
    // an odd lang: Pagefind falls back the same way
  }
}

/**
 * The manifest and Pagefind, at once: Pagefind's loader, entry, WebAssembly
 * and metadata do not wait for the directory, nor a search for its answer
 * (engine.ts; a query whose words the directory finds nowhere is answered
 * without Pagefind's). After an
 * article page's header box (public/js/reader.js) all of them are in the
 * HTTP cache already. Used by the search page and by the header box's
 * worker (presearch-worker.ts); needs no DOM.
 */
export async function openSearchIndex({
  deferPagefind = false,
}: {
  /**
   * Pagefind starts loading at the first search (or warmUp) rather than
   * now: the search page, showing a first page ranked at build time,
   * paints it before Pagefind's compile and metadata take its thread.
   */
  deferPagefind?: boolean;
} = {}): Promise<SearchIndex> {
  const root = '/pagefind/'; // written by the build; not part of Vite's graph
  const listed = fetch(`${root}${MANIFEST_FILE}`).then((r) => r.json() as Promise<SearchManifest>);
  let loading: Promise<PagefindModule> | undefined;
  const started = () => {
    if (loading) return loading;
    const loader = import(/* @vite-ignore */ `${root}pagefind.js`) as Promise<PagefindModule>;
    loading = loader.then(async (pf) => {
      // No worker of its own (on the search page its search answers sooner on the main
      // thread: no worker script to fetch and start, no copying thousands of results
      // across), and a stable entry URL (warm.ts).
      await pf.options({ noWorker: true, metaCacheTag: ENTRY_TAG });
      // Its entry, metadata and WebAssembly now, not at the first search (which waits for them).
      void pf.init().catch(() => undefined);
      // While they load, this thread is idle: the segmenters Pagefind's first search needs.
      warmSegmenters(pagefindLanguage());
      return pf;
    });
    loading.catch(() => undefined); // reported when a search needs it
    return loading;
  };
  if (!deferPagefind) void started();
  const manifest = await listed;
  const dir = manifest.words;
  /** A bucket file of the directory, read once; null when it cannot be read. */
  const buckets = new Map<string, Promise<Set<string> | null>>();
  const bucket = (url: string) => {
    let p = buckets.get(url);
    if (!p)
      buckets.set(
        url,
        (p = fetch(url)
          .then((r) => (r.ok ? r.text().then(parseBucket) : null))
          .catch(() => null)),
      );
    return p;
  };
  const warm = manifest.warm;
  const first = manifest.first;
  /** First pages by query, read and checked once (the worker asks for one as it is typed, and before searching it). */
  const firstPages = new Map<string, Promise<ShownPage | null>>();
  let warmed: Promise<void> | undefined;
  return {
    pagefind: started,
    warmUp: () =>
      (warmed ??= warm
        ? started()
            .then((pf) => pf.search(warm))
            // and one fragment: reading results has a cold path of its own
            .then((r) => r?.results[0]?.data())
            .then(
              () => undefined,
              () => undefined,
            )
        : Promise.resolve()),
    async firstPage(state) {
      const url = firstPageUrl(first, state);
      if (!url) return null;
      // Checked against the query as typed (handoff.ts), so kept by it: filters and 按日期 have none.
      let page = firstPages.get(state.q);
      if (!page)
        firstPages.set(
          state.q,
          (page = fetch(url)
            .then(async (r) => (r.ok ? readFirstPage(await r.text(), state) : null))
            .catch(() => null)), // the index answers instead
        );
      return page;
    },
    async mayHold(words) {
      if (!dir || !words.length) return true;
      const read = new Map(
        await Promise.all(
          words.map(
            async (w) => [w, await bucket(`${dir.path}${bucketOf(w, dir.buckets)}.txt`)] as const,
          ),
        ),
      );
      return mayHoldAll(words, (w) => read.get(w) ?? null);
    },
  };
}
