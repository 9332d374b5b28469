/**
 * The search page's logic over Pagefind, independent of the DOM so vitest
 * can drive it with a fake. Pagefind finds the pages holding every index
 * word of the query (tokens.ts); every shown result is then verified
 * against its readable text with query.ts, so a result always contains
 * every term literally.
 */
import { compareRanked, parseQuery, scoreDoc, suggestionCandidates, type RankedDoc, type SearchDoc, type SortOrder } from './query';
import { excerpt, pagefindQuery, termWords } from './tokens';
import { FILTER_CHANNEL, FILTER_YEAR } from './records';

/** The part of Pagefind's JS API we use. */
export interface PagefindApi {
  search(term: string, opts?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] } | null>;
}
export interface PagefindResult { id: string; data(): Promise<PagefindData> }
export interface PagefindData { url: string; meta: Record<string, string | undefined> }

export interface Hit extends SearchDoc {
  url: string;
  day: string;
  source: string;
  /** Readable excerpt HTML, matches in <mark>. */
  excerpt: string;
}

const MAX_CANDIDATES_PER_HIT = 4;

export interface SearchState { q: string; channel?: string | undefined; year?: string | undefined; sort?: SortOrder | undefined }

export interface ResultSet {
  terms: string[];
  /** Candidates Pagefind returned for every term (before verification). */
  total: number;
  /** Loads up to `n` more verified hits; [] when exhausted. */
  next(n: number): Promise<RankedDoc<Hit>[]>;
  /** Candidates not yet checked remain. */
  hasMore(): boolean;
}

function filtersOf(s: SearchState): Record<string, string> {
  const f: Record<string, string> = {};
  if (s.channel) f[FILTER_CHANNEL] = s.channel;
  if (s.year) f[FILTER_YEAR] = s.year;
  return f;
}

/** Runs one search: one Pagefind query per index word, intersected in the order of the shortest list. */
export async function runSearch(pf: PagefindApi, state: SearchState): Promise<ResultSet> {
  const terms = parseQuery(state.q);
  const words = [...new Map(terms.flatMap(termWords).map((w) => [pagefindQuery(w), w])).keys()];
  const sort: Record<string, 'asc' | 'desc'> = state.sort === 'date' ? { date: 'desc' } : {};
  let ordered: PagefindResult[] = [];
  if (words.length) {
    const lists = (await Promise.all(words.map((q) => pf.search(q, { filters: filtersOf(state), sort })))).map((l) => l?.results ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists;
    const keep = rest.map((l) => new Set(l.map((r) => r.id)));
    ordered = (first ?? []).filter((r) => keep.every((k) => k.has(r.id)));
  }
  let cursor = 0;
  return {
    terms,
    total: ordered.length,
    hasMore: () => cursor < ordered.length,
    async next(n) {
      const out: RankedDoc<Hit>[] = [];
      // Bare (prefix) queries can bring candidates that fail verification;
      // cap how many fragments one "load more" may fetch.
      const stopAt = cursor + n * MAX_CANDIDATES_PER_HIT;
      while (out.length < n && cursor < ordered.length && cursor < stopAt) {
        const batch = ordered.slice(cursor, cursor + (n - out.length));
        cursor += batch.length;
        for (const d of await Promise.all(batch.map((r) => r.data()))) {
          const title = d.meta.title ?? d.url;
          const text = d.meta.text ?? '';
          const hit: Hit = {
            id: d.url,
            url: d.url,
            title,
            text,
            date: d.meta.iso ?? '',
            day: d.meta.date ?? '',
            channel: d.meta.channel ?? '',
            source: d.meta.source ?? '',
            excerpt: excerpt(text, terms),
          };
          const ranked = scoreDoc(hit, terms);
          if (ranked) out.push(ranked);
        }
      }
      // Within what is loaded, the shared contract decides the order.
      return state.sort === 'date' ? out : out.sort((a, b) => compareRanked(a, b, 'relevance'));
    },
  };
}

/** When nothing matched: the first shorter query that finds something, if any. */
export async function suggest(pf: PagefindApi, q: string, tries = 6): Promise<string | null> {
  for (const candidate of suggestionCandidates(q, tries)) {
    const r = await runSearch(pf, { q: candidate });
    if (r.total && (await r.next(1)).length) return candidate;
  }
  return null;
}
