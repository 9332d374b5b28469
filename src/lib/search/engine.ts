/**
 * The search page's logic over Pagefind, independent of the DOM so vitest
 * can drive it with a fake. Pagefind finds the pages holding every index
 * word of the query (tokens.ts) in the site's one bundle and orders them by
 * its BM25 over the whole archive (term frequency, page length, title
 * weight), or by date. The best of them are then read, verified against
 * their readable text and ranked with query.ts, the same code the offline
 * snapshot ranks with, so a result always contains every term literally
 * and the order follows one rule everywhere.
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
import { exactTerm, excerpt, pagefindQuery, termWords, type QueryWord } from './tokens';
import { FILTER_CHANNEL, FILTER_YEAR } from './records';
import type { ShownPage } from './handoff';

/** The part of Pagefind's JS API we use. */
export interface PagefindApi {
  search(
    term: string,
    opts?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
}
export interface PagefindResult {
  id: string;
  /** Pagefind's score; results of one search come best first. */
  score?: number;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
}

/** The site's index: Pagefind's bundle and the word directory beside it. */
export interface SearchIndex {
  /** Pagefind, once its loader is in (it starts loading when the index is opened). */
  pagefind(): Promise<PagefindApi>;
  /**
   * False when the word directory (word-directory.ts) says no page holds
   * every one of `words` (exact index words); true when it may, or cannot tell.
   */
  mayHold(words: readonly string[]): Promise<boolean>;
  /**
   * One throwaway search of the index's warm-up word (SearchManifest.warm),
   * once: a thread's first search of a common word runs Pagefind's
   * WebAssembly cold (compiled lazily, then tiered up), 2–3 × slower.
   */
  warmUp?(): Promise<void>;
  /**
   * The first page of `state` ranked at build time (first-pages.ts: a lone
   * common character, by relevance, no filters), or null when it has none.
   */
  firstPage?(state: SearchState): Promise<ShownPage | null>;
}

export interface Hit extends SearchDoc {
  url: string;
  day: string;
  source: string;
  /** Readable excerpt HTML, matches in <mark>. */
  excerpt: string;
}

/** Candidates read per hit at most, per page of results (prefix queries and decoys fail verification). */
const MAX_CANDIDATES_PER_HIT = 4;
/**
 * By relevance, a page of n results is chosen from the best n + n/2
 * verified candidates in Pagefind's order, re-ranked by query.ts: Pagefind
 * does not see the phrase or the exact title rule, so the window lets them
 * reorder what Pagefind put close together.
 */
const LOOKAHEAD = 0.5;
/** Above this many candidates, an inexact count stays 约 N (reading them all would cost too much). */
export const VERIFY_ALL_LIMIT = 200;

export interface SearchState {
  q: string;
  channel?: string | undefined;
  year?: string | undefined;
  sort?: SortOrder | undefined;
}

export interface ResultSet {
  terms: string[];
  /** Pages that may match, over the whole archive (within the filters). */
  total(): number;
  /** total() is the literal match count (the query's terms are found exactly by the index, or every candidate was read). */
  exact(): boolean;
  /** Loads up to `n` more verified hits; [] when exhausted. */
  next(n: number): Promise<RankedDoc<Hit>[]>;
  /** Candidates not yet checked remain. */
  hasMore(): boolean;
  /**
   * Reads every candidate not yet read to make the count literal, when
   * there are at most VERIFY_ALL_LIMIT; the literal count, or null.
   */
  verifyCount(): Promise<number | null>;
}

function filtersOf(s: SearchState): Record<string, string> {
  const f: Record<string, string> = {};
  if (s.channel) f[FILTER_CHANNEL] = s.channel;
  if (s.year) f[FILTER_YEAR] = s.year;
  return f;
}

/** A result's fields from Pagefind's data of it (a fragment): what the page shows, ranks and verifies. */
export function resultOf(d: PagefindData): Omit<Hit, 'excerpt'> {
  return {
    id: d.url,
    url: d.url,
    title: d.meta.title ?? d.url,
    text: d.meta.text ?? '',
    date: d.meta.iso ?? '',
    day: d.meta.date ?? '',
    channel: d.meta.channel ?? '',
    source: d.meta.source ?? '',
  };
}

function toHit(d: PagefindData, terms: readonly string[]): Hit {
  const r = resultOf(d);
  return { ...r, excerpt: excerpt(r.text, terms) };
}

/** The words the word directory can tell about: a Latin word is a prefix, so it cannot. */
const directoryWords = (words: readonly QueryWord[]) =>
  words.filter((w) => w.exact).map((w) => w.word);

/** The candidates of a query over the whole archive, best first or newest first. */
async function findCandidates(
  index: SearchIndex,
  state: SearchState,
  words: readonly QueryWord[],
): Promise<PagefindResult[]> {
  const exactWords = directoryWords(words);
  // Pagefind and the directory at once: a word on no page is answered 无结果 as soon as the
  // directory says so, without waiting for Pagefind; any other query does not wait for it.
  const found = index.pagefind().then((pf) =>
    pf.search(pagefindQuery(words), {
      filters: filtersOf(state),
      ...(state.sort === 'date' ? { sort: { date: 'desc' as const } } : {}),
    }),
  );
  found.catch(() => undefined); // unanswered when the directory says 无结果
  if (!(await index.mayHold(exactWords))) return [];
  return (await found)?.results ?? [];
}

/** A result URL's path: Pagefind gives a worker's URLs with its origin. */
export const urlPath = (url: string): string => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');

/**
 * Runs one search: candidates over the whole archive at once, read and
 * verified a page at a time. Results whose path is in `shown` (a first page
 * ranked at build time, already on screen) are counted, never returned.
 */
export async function runSearch(
  index: SearchIndex,
  state: SearchState,
  shown: ReadonlySet<string> = new Set(),
): Promise<ResultSet> {
  const terms = parseQuery(state.q);
  const words = terms.flatMap(termWords);
  const candidates = words.length ? await findCandidates(index, state, words) : [];
  const byDate = state.sort === 'date';
  let exact = terms.every(exactTerm);
  let cursor = 0;
  let rejected = 0;
  /** Verified hits read but not yet shown. */
  let pool: RankedDoc<Hit>[] = [];
  const read = async (batch: PagefindResult[]) => {
    for (const d of await Promise.all(batch.map((r) => r.data()))) {
      if (shown.size && shown.has(urlPath(d.url))) continue;
      const ranked = scoreDoc(toHit(d, terms), terms);
      if (ranked) pool.push(ranked);
      else rejected++;
    }
  };

  return {
    terms,
    total: () => candidates.length - rejected,
    exact: () => exact || cursor >= candidates.length,
    hasMore: () => pool.length > 0 || cursor < candidates.length,
    async next(n) {
      const want = byDate ? n : Math.ceil(n * (1 + LOOKAHEAD));
      let budget = n * MAX_CANDIDATES_PER_HIT;
      while (pool.length < want && cursor < candidates.length && budget > 0) {
        const batch = candidates.slice(cursor, cursor + Math.min(want - pool.length, budget));
        cursor += batch.length;
        budget -= batch.length;
        await read(batch);
      }
      pool.sort((a, b) => compareRanked(a, b, byDate ? 'date' : 'relevance'));
      const out = pool.slice(0, n);
      pool = pool.slice(n);
      return out;
    },
    async verifyCount() {
      if (exact || cursor >= candidates.length) return candidates.length - rejected;
      if (candidates.length > VERIFY_ALL_LIMIT) return null;
      const rest = candidates.slice(cursor);
      cursor = candidates.length;
      await read(rest);
      exact = true;
      return candidates.length - rejected;
    },
  };
}

/**
 * True when the word directory alone says no article holds the query (a
 * word of it is on no page): the answer 无结果 without asking Pagefind, so
 * the header box's worker can give it while an earlier search still runs.
 */
export async function directoryAnswersNone(index: SearchIndex, q: string): Promise<boolean> {
  const words = directoryWords(parseQuery(q).flatMap(termWords));
  return words.length > 0 && !(await index.mayHold(words));
}

/** When nothing matched: the first shorter query that finds something, if any. */
export async function suggest(index: SearchIndex, q: string, tries = 6): Promise<string | null> {
  for (const candidate of suggestionCandidates(q, tries)) {
    const r = await runSearch(index, { q: candidate });
    if ((await r.next(1)).length) return candidate;
  }
  return null;
}
