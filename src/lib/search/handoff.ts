/**
 * Results handed from an article page to the search page. While a reader
 * types in the header box, a worker (src/scripts/presearch-worker.ts) runs
 * the search the search page would run and the article page keeps the
 * first page of results in sessionStorage; after Enter the search page
 * shows them at once, then opens the index itself for the rest (加载更多,
 * the count corrected). Storage is the tab's own, but what it holds is read
 * as untrusted: checked field by field, links only to article pages,
 * excerpts made again from the text.
 */
import type { Hit, ResultSet, SearchState } from './engine';
import { parseQuery } from './query';
import { excerpt } from './tokens';

/** Results shown per page, by the search page and in a hand-off. */
export const PAGE_SIZE = 10;
/** sessionStorage key of the latest hand-off (public/js/reader.js writes it). */
export const HANDOFF_KEY = 'feigong-presearch';
/** A hand-off older than this is not used: the reader may have waited on the article page. */
export const HANDOFF_MAX_AGE_MS = 60_000;

/** A result as handed over: what the search page shows, the excerpt made again on arrival. */
export type HandoffHit = Omit<Hit, 'id' | 'excerpt'>;

export interface Handoff {
  q: string;
  /** Date.now() when the results were found. */
  at: number;
  hits: HandoffHit[];
  total: number;
  exact: boolean;
}

export function toHandoff(
  q: string,
  hits: readonly { doc: Hit }[],
  set: Pick<ResultSet, 'total' | 'exact'>,
  at: number,
): Handoff {
  return {
    q,
    at,
    hits: hits.map(({ doc }) => ({
      url: doc.url,
      title: doc.title,
      text: doc.text,
      date: doc.date,
      day: doc.day,
      channel: doc.channel,
      source: doc.source,
    })),
    total: set.total(),
    exact: set.exact(),
  };
}

/** An article page's URL as the index writes it: nothing else may become a link. */
const ARTICLE_URL = /^\/articles\/[^/?#\s"'<>\\]+\/$/;
const FIELDS = ['title', 'text', 'date', 'day', 'channel', 'source'] as const;

/**
 * The hand-off for `state`, or null: only a search by relevance without
 * filters for the same query, found less than HANDOFF_MAX_AGE_MS ago, with
 * every field of the expected type and every link an article page's.
 */
export function readHandoff(raw: string | null, state: SearchState, now: number): ShownPage | null {
  const h = parsePage(raw, state);
  if (!h || typeof h.at !== 'number' || !(now - h.at >= 0 && now - h.at <= HANDOFF_MAX_AGE_MS))
    return null;
  return checkedPage(h, state);
}

/**
 * A precomputed first page (first-pages.ts) for `state`, or null: read as
 * untrusted as a hand-off is (it is made from articles), whatever its age.
 */
export function readFirstPage(raw: string | null, state: SearchState): ShownPage | null {
  const h = parsePage(raw, state);
  return h && checkedPage(h, state);
}

/** A first page of results ready to show. */
export interface ShownPage {
  hits: Hit[];
  total: number;
  exact: boolean;
}

/** The JSON of a page of results for `state`'s query, or null (a search with filters or by date has none). */
function parsePage(raw: string | null, state: SearchState): Partial<Handoff> | null {
  if (!raw || !state.q || state.channel || state.year || state.sort === 'date') return null;
  let h: Partial<Handoff>;
  try {
    h = JSON.parse(raw) as Partial<Handoff>;
  } catch {
    return null;
  }
  return h && typeof h === 'object' && h.q === state.q ? h : null;
}

/** Every field of the expected type and every link an article page's; excerpts made again. */
function checkedPage(h: Partial<Handoff>, state: SearchState): ShownPage | null {
  if (!Array.isArray(h.hits) || h.hits.length > PAGE_SIZE) return null;
  if (!Number.isInteger(h.total) || h.total! < h.hits.length) return null;
  if (typeof h.exact !== 'boolean') return null;
  const terms = parseQuery(state.q);
  const hits: Hit[] = [];
  for (const x of h.hits as unknown[]) {
    if (!x || typeof x !== 'object') return null;
    const r = x as Record<string, unknown>;
    if (typeof r.url !== 'string' || !ARTICLE_URL.test(r.url)) return null;
    if (FIELDS.some((f) => typeof r[f] !== 'string')) return null;
    const d = r as unknown as HandoffHit;
    hits.push({ ...d, id: d.url, excerpt: excerpt(d.text, terms) });
  }
  return { hits, total: h.total!, exact: h.exact };
}
