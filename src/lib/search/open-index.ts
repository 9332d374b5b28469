/**
 * Opens the site's search index in the browser: Pagefind's runtime and the
 * shard list (src/lib/search/shards.ts), older shards merged on demand.
 */
import type { PagefindApi, ShardedIndex } from './engine';
import { MANIFEST_FILE, type ShardManifest } from './shards';
import { bundleFiles, ENTRY_TAG, entryUrl, type PagefindEntry } from './warm';

export type PagefindModule = PagefindApi & {
  options(o: Record<string, unknown>): Promise<void>;
  /** Loads the entry, WebAssembly and metadata now rather than at the first search. */
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
};

/** Fetches a file into the HTTP cache (read to the end, so the cache keeps all of it). */
const warm = (url: string) =>
  fetch(url)
    .then((r) => r.arrayBuffer())
    .catch(() => undefined); // Pagefind's own request reports any failure

/**
 * Pagefind (its runtime sits in the newest shard's bundle) plus the shard
 * list; older shards merge in on demand. Startup avoids round trips one
 * after another: with the shard list, the older shards' entry files and
 * metadata are asked for at once (warm.ts), while Pagefind fetches the
 * newest shard's and its WebAssembly; Pagefind opens the older shards only
 * once that is ready, and then finds their files in the HTTP cache. After an
 * article page's header box (public/js/reader.js) all of them are there already.
 * Used by the search page and by the header box's worker (presearch-worker.ts);
 * needs no DOM.
 */
export async function openShardedIndex(lang: string): Promise<ShardedIndex> {
  const root = '/pagefind/'; // written by the build; not part of Vite's graph
  const manifest = fetch(`${root}${MANIFEST_FILE}`).then((r) => r.json() as Promise<ShardManifest>);
  // The older shards: Pagefind opens them only once its WebAssembly is ready.
  void manifest.then((m) =>
    m.shards
      .filter((s) => s.path !== root)
      .map((s) =>
        fetch(entryUrl(s.path))
          .then((r) => r.json() as Promise<PagefindEntry>)
          .then((entry) => bundleFiles(s.path, entry, lang, false).map(warm))
          .catch(() => undefined),
      ),
  );
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind.js`)) as PagefindModule;
  // Before Pagefind starts: no worker of its own (on the search page its search answers
  // sooner on the main thread: no worker script to fetch and start, no copying thousands
  // of results across), and a stable entry URL (warm.ts).
  await pagefind.options({ noWorker: true, metaCacheTag: ENTRY_TAG });
  const { shards } = await manifest;
  const merged = new Map<string, Promise<void>>();
  return {
    pagefind,
    shards,
    load(shard) {
      if (shard.path === root) return Promise.resolve();
      let p = merged.get(shard.path);
      if (!p)
        merged.set(shard.path, (p = pagefind.mergeIndex(shard.path, { metaCacheTag: ENTRY_TAG })));
      return p;
    },
  };
}
