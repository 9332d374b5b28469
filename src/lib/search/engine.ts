/**
 * The search page's logic over Pagefind, independent of the DOM so vitest
 * can drive it with a fake. Shard by shard, newest first (shards.ts),
 * Pagefind finds the pages holding every index word of the query
 * (tokens.ts); every shown result is then verified against its readable
 * text with query.ts, so a result always contains every term literally.
 */
import {
  compareRanked,
  parseQuery,
  scoreDoc,
  suggestionCandidates,
  type RankedDoc,
  type SearchDoc,
  type SortOrder,
} from './query';
import { excerpt, pagefindQuery, termWords } from './tokens';
import { FILTER_CHANNEL, FILTER_YEAR } from './records';
import { SHARD_FILTER, shardsFor, type ShardInfo } from './shards';

/** The part of Pagefind's JS API we use. */
export interface PagefindApi {
  search(
    term: string,
    opts?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
}

/** Pagefind with the site's shards: shard i is searchable once load(i) resolved. */
export interface ShardedIndex {
  pagefind: PagefindApi;
  shards: ShardInfo[];
  load(shard: ShardInfo): Promise<void>;
}

export interface Hit extends SearchDoc {
  url: string;
  day: string;
  source: string;
  /** Readable excerpt HTML, matches in <mark>. */
  excerpt: string;
}

const MAX_CANDIDATES_PER_HIT = 4;

export interface SearchState {
  q: string;
  channel?: string | undefined;
  year?: string | undefined;
  sort?: SortOrder | undefined;
}

export interface ResultSet {
  terms: string[];
  /** Candidates found so far (before verification), over the shards searched so far. */
  total(): number;
  /** Every shard that may hold results has been searched. */
  complete(): boolean;
  /** Loads up to `n` more verified hits; [] when exhausted. */
  next(n: number): Promise<RankedDoc<Hit>[]>;
  /** Candidates not yet checked, or shards not yet searched, remain. */
  hasMore(): boolean;
}

function filtersOf(s: SearchState, shard: ShardInfo): Record<string, string> {
  const f: Record<string, string> = { [SHARD_FILTER]: shard.id };
  if (s.channel) f[FILTER_CHANNEL] = s.channel;
  if (s.year) f[FILTER_YEAR] = s.year;
  return f;
}

function toHit(d: PagefindData, terms: readonly string[]): Hit {
  const text = d.meta.text ?? '';
  return {
    id: d.url,
    url: d.url,
    title: d.meta.title ?? d.url,
    text,
    date: d.meta.iso ?? '',
    day: d.meta.date ?? '',
    channel: d.meta.channel ?? '',
    source: d.meta.source ?? '',
    excerpt: excerpt(text, terms),
  };
}

/** Runs one search lazily: a shard is searched only when the results before it are used up. */
export async function runSearch(index: ShardedIndex, state: SearchState): Promise<ResultSet> {
  const terms = parseQuery(state.q);
  const words = [...new Set(terms.flatMap(termWords).map(pagefindQuery))];
  const sort: Record<string, 'asc' | 'desc'> = state.sort === 'date' ? { date: 'desc' } : {};
  const year = state.year ? Number(state.year) : undefined;
  const pending = words.length ? shardsFor(index.shards, year) : [];
  let candidates: PagefindResult[] = [];
  let cursor = 0;
  let found = 0;

  /** Candidates of the next shard: one Pagefind query per word, intersected in the order of the shortest list. */
  const searchNextShard = async () => {
    const shard = pending.shift()!;
    await index.load(shard);
    const lists = (
      await Promise.all(
        words.map((q) => index.pagefind.search(q, { filters: filtersOf(state, shard), sort })),
      )
    ).map((l) => l?.results ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    const keep = rest.map((l) => new Set(l.map((r) => r.id)));
    candidates = (first ?? []).filter((r) => keep.every((k) => k.has(r.id)));
    cursor = 0;
    found += candidates.length;
  };

  return {
    terms,
    total: () => found,
    complete: () => pending.length === 0,
    hasMore: () => cursor < candidates.length || pending.length > 0,
    async next(n) {
      const out: RankedDoc<Hit>[] = [];
      // Prefix queries and decoys bring candidates that fail verification;
      // cap how many fragments one "load more" may fetch.
      let budget = n * MAX_CANDIDATES_PER_HIT;
      while (out.length < n && budget > 0) {
        if (cursor >= candidates.length) {
          if (!pending.length) break;
          await searchNextShard();
          continue;
        }
        const batch = candidates.slice(cursor, cursor + Math.min(n - out.length, budget));
        cursor += batch.length;
        budget -= batch.length;
        for (const d of await Promise.all(batch.map((r) => r.data()))) {
          const ranked = scoreDoc(toHit(d, terms), terms);
          if (ranked) out.push(ranked);
        }
      }
      // Within what is loaded, the shared contract decides the order.
      return state.sort === 'date' ? out : out.sort((a, b) => compareRanked(a, b, 'relevance'));
    },
  };
}

/** When nothing matched: the first shorter query that finds something, if any. */
export async function suggest(index: ShardedIndex, q: string, tries = 6): Promise<string | null> {
  for (const candidate of suggestionCandidates(q, tries)) {
    const r = await runSearch(index, { q: candidate });
    if ((await r.next(1)).length) return candidate;
  }
  return null;
}
