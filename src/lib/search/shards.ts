/**
 * The search index is made as several Pagefind bundles ("shards") of at most
 * SHARD_SIZE articles each (planShards), then merged into the one bundle the
 * site serves, /pagefind/ (src/integrations/search-index/merge-bundles.ts).
 * Why shards: Pagefind keeps a whole index in memory while it builds (about
 * 0.4 MiB per article here), and a warm build re-indexes only the shard an
 * edit is in. Why one bundle in the browser: a query then opens one index,
 * as with stock Pagefind (one metadata file, one index chunk per word), and
 * Pagefind ranks and sorts the whole archive at once.
 */

import type { FirstPages } from './first-pages';
import type { WordDirectory } from './word-directory';

/**
 * Articles per shard; FEIGONG_SEARCH_SHARD_SIZE overrides it (tests use
 * small shards). An edit re-indexes its whole shard: at 2,500 that took
 * longer than the rest of a warm build at 10,000 articles (15–16 s); at
 * 2,000 it is done before Astro is.
 */
export const DEFAULT_SHARD_SIZE = 2000;

export interface ShardInfo {
  /** Shard name: s0 is the newest, s1 the oldest. */
  id: string;
  articles: number;
  /** Beijing-time years of its newest and oldest article. */
  newestYear: number;
  oldestYear: number;
}

/** What /pagefind/manifest.json holds: what the search page reads besides Pagefind's own files. */
export interface SearchManifest {
  /** Articles in the index. */
  articles: number;
  /** The shards the index was made of, newest first (the site serves them merged). */
  shards: ShardInfo[];
  /** Every index word (word-directory.ts); absent: the index is always asked. */
  words?: WordDirectory;
  /**
   * An index word on many pages in a small index chunk: the header box's
   * worker searches it once while the reader has typed nothing, so the
   * reader's first search runs on warm code (merge-bundles.ts, warm-word.ts).
   */
  warm?: string;
  /** The commonest characters' first pages, ranked at build time (first-pages.ts). */
  first?: FirstPages;
}

export const MANIFEST_FILE = 'manifest.json';

export function shardSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FEIGONG_SEARCH_SHARD_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_SHARD_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `FEIGONG_SEARCH_SHARD_SIZE 必须是正整数 (expected a positive integer, found "${raw}")`,
    );
  return n;
}

/**
 * Splits articles into shards, listed newest first. The older shards hold
 * `size` articles each, counted from the oldest article, and are named from
 * the oldest (s1, s2 …); the newest shard, s0, holds the rest. Publishing a
 * new article then changes s0 alone, so a warm build re-indexes one shard
 * (and, each time s0 is full, one more as it becomes an older shard), where
 * counting from the newest moved every shard's boundary. Same input, same
 * shards (ISO date, then URL for a stable order).
 */
export function planShards<T extends { url: string; date: string; year: number }>(
  items: readonly T[],
  size: number,
): { info: ShardInfo; items: T[] }[] {
  const sorted = [...items].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
  const count = Math.ceil(sorted.length / size);
  const newest = sorted.length - (count - 1) * size;
  const out: { info: ShardInfo; items: T[] }[] = [];
  for (let i = 0; i < count; i++) {
    const part =
      i === 0 ? sorted.slice(0, newest) : sorted.slice(newest + (i - 1) * size, newest + i * size);
    const years = part.map((p) => p.year);
    const n = i === 0 ? 0 : count - i;
    out.push({
      info: {
        id: `s${n}`,
        articles: part.length,
        newestYear: Math.max(...years),
        oldestYear: Math.min(...years),
      },
      items: part,
    });
  }
  return out;
}
