/**
 * Opens the site's search index in the browser: the shard list, the word
 * directory (word-directory.ts) and Pagefind's runtime, older shards merged
 * on demand.
 */
import type { PagefindApi, ShardedIndex } from './engine';
import { MANIFEST_FILE, type ShardManifest } from './shards';
import { bundleFiles, ENTRY_TAG, entryUrl, type PagefindEntry } from './warm';
import { bucketOf, holdingShards, parseBucket } from './word-directory';

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
 * The shard list, the word directory and Pagefind (its runtime sits in the
 * newest shard's bundle), all at once: Pagefind's loader, WebAssembly and
 * newest shard do not wait for the directory, only the older shards do (a
 * query whose words the directory finds in no shard is answered without
 * them, and without Pagefind's answer). An older shard's entry file and metadata
 * are asked for (warm.ts) as soon as it is to be searched, while Pagefind
 * may still be fetching its WebAssembly: Pagefind merges an older shard
 * only once that is ready, and then finds its files in the HTTP cache.
 * After an article page's header box (public/js/reader.js) all of them are
 * there already. Used by the search page and by the header box's worker
 * (presearch-worker.ts); needs no DOM.
 */
export async function openShardedIndex(lang: string): Promise<ShardedIndex> {
  const root = '/pagefind/'; // written by the build; not part of Vite's graph
  const listed = fetch(`${root}${MANIFEST_FILE}`).then((r) => r.json() as Promise<ShardManifest>);
  const loader = import(/* @vite-ignore */ `${root}pagefind.js`) as Promise<PagefindModule>;
  const started = loader.then(async (pf) => {
    // No worker of its own (on the search page its search answers sooner on the main
    // thread: no worker script to fetch and start, no copying thousands of results
    // across), and a stable entry URL (warm.ts). Pagefind starts loading here.
    await pf.options({ noWorker: true, metaCacheTag: ENTRY_TAG });
    return pf;
  });
  started.catch(() => undefined); // reported when a search needs it
  const pagefind = () => started;
  const manifest = await listed;
  const merged = new Map<string, Promise<void>>();
  const dir = manifest.words;
  /** A bucket file of the directory, read once; null when it cannot be read. */
  const buckets = new Map<string, Promise<Map<string, bigint> | null>>();
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
  return {
    shards: manifest.shards,
    pagefind,
    async holding(shards, words) {
      if (!dir || !words.length) return shards;
      const read = new Map(
        await Promise.all(
          words.map(
            async (w) => [w, await bucket(`${dir.path}${bucketOf(w, dir.buckets)}.txt`)] as const,
          ),
        ),
      );
      return holdingShards(shards, words, (w) => read.get(w) ?? null);
    },
    load(shard) {
      let p = merged.get(shard.path);
      if (p) return p;
      if (shard.path === root) p = pagefind().then(() => undefined);
      else {
        void fetch(entryUrl(shard.path))
          .then((r) => r.json() as Promise<PagefindEntry>)
          .then((entry) => bundleFiles(shard.path, entry, lang, false).map(warm))
          .catch(() => undefined);
        p = pagefind().then((pf) => pf.mergeIndex(shard.path, { metaCacheTag: ENTRY_TAG }));
      }
      merged.set(shard.path, p);
      return p;
    },
  };
}
