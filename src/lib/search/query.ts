/**
 * Query semantics shared by the online search (Pagefind, issue 3) and the
 * offline snapshot search (issue 5). Pure TypeScript: no DOM, no Node APIs,
 * so it runs in the browser bundle, a classic-script bundle and vitest alike.
 *
 * A document matches when every term occurs in its title + body literally
 * (substring after normalize), which is what a Chinese reader expects: no
 * word segmentation decides whether 党组织 "is in" a text.
 */

/** The fields a ranked document needs; `date` is an ISO 8601 string. */
export interface SearchDoc {
  id: string;
  title: string;
  /** Article body as plain text (no navigation, no meta line). */
  text: string;
  date: string;
  /** Channel name as readers see it, e.g. 基层点睛. */
  channel: string;
}

export type SortOrder = 'relevance' | 'date';

export interface SearchOptions {
  sort?: SortOrder;
  /** Channel name filter (e.g. 基层点睛); empty/undefined = all. */
  channel?: string;
  /** Beijing-time year filter; undefined = all. */
  year?: number;
}

export interface RankedDoc<D extends SearchDoc = SearchDoc> {
  doc: D;
  /** Every term occurs in the title. */
  inTitle: boolean;
  /** Total occurrences of all terms in title + body. */
  hits: number;
  /** Relevance (see relevance()): higher is better. */
  score: number;
}

// Full-width forms U+FF01..U+FF5E map to ASCII U+0021..U+007E (NFKC does most of
// this already; kept explicit so the contract does not hinge on NFKC tables).
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** NFKC, full-width ASCII → half-width, lower-case, white space collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// "…" (ASCII) or “…” / 「…」 (Chinese) quoted phrases are one term each.
const TERM = /"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|(\S+)/g;

/**
 * Characters of a query that are searched; the rest is ignored and the page
 * says so. Work per query grows with its length (one index word per
 * character pair, suggestions from its parts), so a pasted page of text
 * must not freeze the search (issue 12).
 */
export const MAX_QUERY_CHARS = 64;

/** The part of a query that is searched (its first MAX_QUERY_CHARS characters) and whether some was cut. */
export function capQuery(q: string): { q: string; cut: boolean } {
  const chars = Array.from(q.trim());
  return chars.length > MAX_QUERY_CHARS
    ? { q: chars.slice(0, MAX_QUERY_CHARS).join(''), cut: true }
    : { q: q.trim(), cut: false };
}

/** The page's note when a query was cut, e.g. 只搜索前 64 个字. */
export const capNote = `只搜索前 ${MAX_QUERY_CHARS} 个字`;

/**
 * Splits a query into normalized terms; a quoted phrase is one term.
 * Duplicates and empty terms are dropped. Only the first MAX_QUERY_CHARS
 * characters count, before and after normalizing (NFKC can lengthen text).
 */
export function parseQuery(q: string): string[] {
  const terms: string[] = [];
  let room = MAX_QUERY_CHARS;
  // Quotes are matched before normalize so that NFKC cannot turn “ into ".
  for (const m of capQuery(q).q.matchAll(TERM)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const chars = Array.from(normalize(raw));
    const term = chars.slice(0, room).join('');
    room -= Math.min(room, chars.length);
    if (term && !terms.includes(term)) terms.push(term);
    if (room === 0) break;
  }
  return terms;
}

/** Non-overlapping occurrences of `term` in `haystack` (both normalized). */
export function countOccurrences(haystack: string, term: string): number {
  if (!term) return 0;
  let n = 0;
  for (let i = haystack.indexOf(term); i !== -1; i = haystack.indexOf(term, i + term.length)) n++;
  return n;
}

/** True when every term occurs literally in the normalized title + body. */
export function matches(doc: Pick<SearchDoc, 'title' | 'text'>, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const title = normalize(doc.title);
  const text = normalize(doc.text);
  return terms.every((t) => title.includes(t) || text.includes(t));
}

/** Year of an ISO date in Beijing time (UTC+8, no DST), e.g. 2015-12-31T20:00:00Z → 2016. */
export function beijingYear(date: string | Date): number {
  const ms = (typeof date === 'string' ? new Date(date) : date).getTime();
  return new Date(ms + 8 * 3600_000).getUTCFullYear();
}

// BM25's constants (its usual values) and a typical body length in characters.
const K1 = 1.2;
const B = 0.75;
export const TYPICAL_LENGTH = 1500;
/** A title occurrence counts as much as this many body occurrences would before saturation. */
export const TITLE_BOOST = 3;

/** BM25's saturating term frequency: more occurrences count, each less; a longer text's count less. */
export function saturate(tf: number, length: number): number {
  if (tf <= 0) return 0;
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / TYPICAL_LENGTH));
}

/** One term's part of relevance(): its title and body occurrences, each saturated (the body's by its length). */
export function termScore(titleHits: number, bodyHits: number, bodyLength: number): number {
  return saturate(titleHits * TITLE_BOOST, TYPICAL_LENGTH) + saturate(bodyHits, bodyLength);
}

/**
 * Relevance of a document holding every term, from its normalized title
 * and body. Per term: its title occurrences (boosted) and its body
 * occurrences, each saturated as in BM25 (the body's normalised by its
 * length). For a query of several terms, occurrences of the terms side by
 * side (the exact phrase, with or without a space) count once more, so the
 * phrase ranks above its parts scattered. No IDF: every term must occur
 * anyway, and the offline index has no global statistics to share.
 */
export function relevance(
  title: string,
  text: string,
  terms: readonly string[],
): { score: number; hits: number; inTitle: boolean } | null {
  if (terms.length === 0) return null;
  let hits = 0;
  let score = 0;
  let inTitle = true;
  for (const t of terms) {
    const th = countOccurrences(title, t);
    const bh = countOccurrences(text, t);
    if (th + bh === 0) return null;
    if (th === 0) inTitle = false;
    hits += th + bh;
    score += termScore(th, bh, text.length);
  }
  if (terms.length > 1) {
    let phrase = 0;
    for (const p of new Set([terms.join(''), terms.join(' ')])) {
      phrase += countOccurrences(title, p) * TITLE_BOOST + countOccurrences(text, p);
    }
    score += terms.length * saturate(phrase, text.length);
  }
  return { score, hits, inTitle };
}

/** Scores one document; null when it does not match every term. */
export function scoreDoc<D extends SearchDoc>(
  doc: D,
  terms: readonly string[],
): RankedDoc<D> | null {
  const r = relevance(normalize(doc.title), normalize(doc.text), terms);
  return r && { doc, ...r };
}

const time = (d: SearchDoc): number => new Date(d.date).getTime() || 0;
// Scores equal up to rounding are a tie (then the newer article wins).
const EPSILON = 1e-9;

/**
 * Orders matches. relevance: every term in the title first, then the
 * score, then newer, then id. date: newer, then id.
 */
export function compareRanked(a: RankedDoc, b: RankedDoc, sort: SortOrder = 'relevance'): number {
  if (sort === 'relevance') {
    if (a.inTitle !== b.inTitle) return a.inTitle ? -1 : 1;
    if (Math.abs(a.score - b.score) > EPSILON) return b.score - a.score;
  }
  const dt = time(b.doc) - time(a.doc);
  if (dt !== 0) return dt;
  return a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0;
}

/** True when a document passes the channel and year filters. */
export function passesFilters(doc: SearchDoc, opts: SearchOptions = {}): boolean {
  if (opts.channel && doc.channel !== opts.channel) return false;
  if (opts.year !== undefined && beijingYear(doc.date) !== opts.year) return false;
  return true;
}

/** The whole contract in one call: parse, match, filter, rank. */
export function search<D extends SearchDoc>(
  docs: readonly D[],
  q: string,
  opts: SearchOptions = {},
): RankedDoc<D>[] {
  const terms = parseQuery(q);
  const out: RankedDoc<D>[] = [];
  for (const doc of docs) {
    if (!passesFilters(doc, opts)) continue;
    const r = scoreDoc(doc, terms);
    if (r) out.push(r);
  }
  return out.sort((a, b) => compareRanked(a, b, opts.sort));
}

/**
 * Candidate shorter queries to offer when nothing matched, best first: each
 * term on its own (for multi-term queries), then for a single long term its
 * substrings from longest to length 2. The caller tries them in order against
 * its index and shows the first that finds something.
 */
export function suggestionCandidates(q: string, max = 12): string[] {
  const terms = parseQuery(q);
  const out: string[] = [];
  const push = (s: string) => {
    if (s && !out.includes(s) && out.length < max) out.push(s);
  };
  if (terms.length > 1) terms.forEach(push);
  // Stops once `max` are found; the query cap (MAX_QUERY_CHARS) bounds the rest.
  for (const t of terms) {
    const chars = Array.from(t);
    for (let len = chars.length - 1; len >= 2 && out.length < max; len--) {
      for (let i = 0; i + len <= chars.length && out.length < max; i++)
        push(chars.slice(i, i + len).join(''));
    }
  }
  return out;
}
