/**
 * First pages of the commonest one-character queries, ranked at build time.
 *
 * A lone common character (党) is the costliest query the index has: Pagefind
 * scores every page holding it (10,033 of 10,034 at 10,000 articles: 343–500
 * ms cold in the browser) before one result can show, and the header box's
 * worker, asked for it the moment the reader types it, is still opening the
 * index. So the build ranks, for every character on at least
 * FIRST_PAGE_SHARE of the articles (the MAX_FIRST_PAGES commonest), all the
 * articles holding it with query.ts (the rule the search page and the
 * offline snapshot rank with, over the whole archive rather than a window of
 * Pagefind's order) and writes the first page as JSON. The search page and
 * the worker show it without Pagefind; 加载更多 continues from Pagefind.
 *
 * Pure TypeScript: the build (src/integrations/search-index/first-pages.ts)
 * ranks with it and the browser (open-index.ts) finds a query's file with it.
 */
import type { SearchState } from './engine';
import { PAGE_SIZE, type HandoffHit } from './handoff';
import { compareRanked, normalize, parseQuery, termScore, type RankedDoc } from './query';
import { excerptSource, isIndexChar } from './tokens';

/** The folder under /pagefind/ (then a digest of the content, so files are cached for good). */
export const FIRST_PAGES_DIR = 'first';
/** A character gets a first page when at least this share of the articles hold it. */
export const FIRST_PAGE_SHARE = 0.05;
/** At most this many characters get one (the commonest): a file each, about 1 KB gzipped. */
export const MAX_FIRST_PAGES = 512;

/** What the search manifest says of them. */
export interface FirstPages {
  /** URL of their folder, ending in /. */
  path: string;
  /** The characters that have one, in code point order (a file each: firstPageFile). */
  chars: string;
}

/** One character's first page, as written: a hand-off (handoff.ts) of its own. */
export interface FirstPage {
  q: string;
  at: 0;
  hits: HandoffHit[];
  /** Articles holding the character: the literal count. */
  total: number;
  exact: true;
}

/**
 * The character of a search that may have a first page (one character, by
 * relevance, no filters), or null: told from the search alone, before the
 * manifest says which characters have one.
 */
export function firstPageChar(state: SearchState): string | null {
  if (state.sort === 'date' || state.channel || state.year) return null;
  const terms = parseQuery(state.q);
  const c = terms.length === 1 ? terms[0]! : '';
  return [...c].length === 1 && isIndexChar(c) ? c : null;
}

/** The file of the first page of `state`, or null when it has none. */
export function firstPageUrl(first: FirstPages | undefined, state: SearchState): string | null {
  const c = first && firstPageChar(state);
  return c && first.chars.includes(c) ? `${first.path}${firstPageFile(c)}` : null;
}

/**
 * A character's file in the folder: its code point in hex (党 → 515a.json),
 * a rule simple enough for public/js/reader.js to follow without this code.
 */
export const firstPageFile = (c: string): string => `${c.codePointAt(0)!.toString(16)}.json`;

type Ranked = RankedDoc<HandoffHit & { id: string }>;

/**
 * Every qualifying character's first page from the articles (each with its
 * readable text, as the index's fragments hold it): one pass, counting each
 * article's characters once. Characters in code point order; ties in a
 * page go to the newer article, then the URL, as compareRanked says.
 */
export function rankFirstPages(articles: Iterable<HandoffHit>): FirstPage[] {
  const found = new Map<number, { total: number; top: Ranked[] }>();
  // Counted by code point in arrays, not maps: this runs over every character of the archive.
  const hits = [new Int32Array(0x110000), new Int32Array(0x110000)] as const;
  const touched: number[] = [];
  const count = (s: string, into: Int32Array) => {
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = s.codePointAt(i++)!;
      if (!indexCodePoint(cp)) continue;
      if (hits[0][cp] === 0 && hits[1][cp] === 0) touched.push(cp);
      into[cp]!++;
    }
  };
  let n = 0;
  for (const a of articles) {
    n++;
    const text = normalize(a.text);
    count(normalize(a.title), hits[0]);
    count(text, hits[1]);
    const doc = { ...a, id: a.url };
    for (const cp of touched) {
      const th = hits[0][cp]!;
      const bh = hits[1][cp]!;
      hits[0][cp] = hits[1][cp] = 0;
      let f = found.get(cp);
      if (!f) found.set(cp, (f = { total: 0, top: [] }));
      f.total++;
      const r: Ranked = {
        doc,
        inTitle: th > 0,
        hits: th + bh,
        score: termScore(th, bh, text.length),
      };
      const top = f.top;
      if (top.length === PAGE_SIZE && compareRanked(r, top[PAGE_SIZE - 1]!) >= 0) continue;
      let i = top.length;
      while (i > 0 && compareRanked(r, top[i - 1]!) < 0) i--;
      top.splice(i, 0, r);
      if (top.length > PAGE_SIZE) top.pop();
    }
    touched.length = 0;
  }
  const need = Math.max(1, Math.ceil(n * FIRST_PAGE_SHARE));
  return [...found]
    .filter(([, f]) => f.total >= need)
    .sort(([a, x], [b, y]) => y.total - x.total || a - b)
    .slice(0, MAX_FIRST_PAGES)
    .sort(([a], [b]) => a - b)
    .map(([cp, f]) => {
      const c = String.fromCodePoint(cp);
      return {
        q: c,
        at: 0 as const,
        hits: f.top.map(({ doc }) => ({
          url: doc.url,
          title: doc.title,
          text: excerptSource(doc.text, [c]),
          date: doc.date,
          day: doc.day,
          channel: doc.channel,
          source: doc.source,
        })),
        total: f.total,
        exact: true as const,
      };
    });
}

/** Whether a code point is an index character (isIndexChar), decided once per code point. */
const known = new Map<number, boolean>();
function indexCodePoint(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // the common case: CJK Unified Ideographs
  if (cp < 0x1100) return false; // below Hangul Jamo: nothing Chinese, kana or Hangul
  let yes = known.get(cp);
  if (yes === undefined) known.set(cp, (yes = isIndexChar(String.fromCodePoint(cp))));
  return yes;
}

/** The file a merged bundle keeps its FirstPages in (not served: the manifest says it). */
export const FIRST_PAGES_FILE = '.first-pages';
