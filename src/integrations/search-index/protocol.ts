/** Messages between the build (src/integrations/pagefind.ts) and the indexer process (child.ts). */
import type { ShardInfo } from '../../lib/search/shards';

export interface ChildOptions {
  /** Build time, as the pages judge what is published (ms since the epoch). */
  now: number;
  /** Where Astro writes the pages (its outDir). */
  out: string;
}

/** Build → indexer: the pages are written; these are the article pages' pathnames. */
export interface PagesMessage {
  type: 'pages';
  out: string;
  pathnames: string[];
}

export type ChildMessage =
  | {
      type: 'done';
      /** Each shard and the cache folder that holds its output. */
      shards: { info: ShardInfo; dir: string }[];
      /** The cache folder of the one bundle the site serves, merged from the shards (merge-bundles.ts). */
      bundle: string;
      articles: number;
      reused: number;
      /** Articles indexed before the pages existed. */
      early: number;
      /** True when the planned articles were not the built ones and the index was made from the pages. */
      fromPages: boolean;
    }
  | { type: 'error'; message: string };
