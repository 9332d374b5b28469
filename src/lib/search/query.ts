/**
 * Query semantics shared by the online search and the offline snapshot search
 * (see the search contract): literal substring matching on normalized text,
 * title-first ranking, channel and year filters. Pure TypeScript, no DOM, so
 * it runs in Node tests, the browser bundle and a classic-script bundle.
 */

/** NFKC (full-width ASCII → half-width), lower-case, white space collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Terms split on white space; "a phrase" or “一个短语” is one term. */
export function parseQuery(q: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  const text = q.normalize('NFKC');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const term = normalize(m[1] ?? m[2] ?? m[3] ?? '').replace(/^["“”]+|["“”]+$/g, '');
    if (term) terms.push(term);
  }
  return terms;
}

export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** A document as the matcher sees it: title and body already normalized. */
export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  /** ISO instant, e.g. 2015-03-24T00:00:00+08:00. */
  date: string;
  /** Channel name, e.g. 基层点睛. */
  channel: string;
}

export interface SearchOptions {
  channel?: string | undefined;
  year?: number | undefined;
  sort?: 'relevance' | 'date' | undefined;
}

export interface SearchHit<D extends SearchDoc = SearchDoc> {
  doc: D;
  titleHasAll: boolean;
  occurrences: number;
}

/** Year of an ISO instant in Beijing time (UTC+8). */
export function beijingYear(date: string): number {
  return new Date(Date.parse(date) + 8 * 3600_000).getUTCFullYear();
}

/** Every term occurs literally in the title or the body; null when not. */
export function matchDoc<D extends SearchDoc>(doc: D, terms: string[]): SearchHit<D> | null {
  if (terms.length === 0) return null;
  let occurrences = 0;
  let titleHasAll = true;
  for (const term of terms) {
    const inTitle = countOccurrences(doc.title, term);
    const inText = countOccurrences(doc.text, term);
    if (inTitle + inText === 0) return null;
    if (inTitle === 0) titleHasAll = false;
    occurrences += inTitle + inText;
  }
  return { doc, titleHasAll, occurrences };
}

/** Newest first, then id: the "date" sort and the last tie-breaker. */
export const compareByDate = (a: SearchDoc, b: SearchDoc) =>
  Date.parse(b.date) - Date.parse(a.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Titles holding every term first, then more occurrences, newer, id. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  if (a.titleHasAll !== b.titleHasAll) return a.titleHasAll ? -1 : 1;
  return b.occurrences - a.occurrences || compareByDate(a.doc, b.doc);
}

export function passesFilters(doc: SearchDoc, opts: SearchOptions): boolean {
  if (opts.channel && doc.channel !== opts.channel) return false;
  if (opts.year && beijingYear(doc.date) !== opts.year) return false;
  return true;
}

/** Matches, filters and ranks documents for a raw query string. */
export function searchDocs<D extends SearchDoc>(docs: Iterable<D>, query: string, opts: SearchOptions = {}): SearchHit<D>[] {
  const terms = parseQuery(query);
  const hits: SearchHit<D>[] = [];
  for (const doc of docs) {
    if (!passesFilters(doc, opts)) continue;
    const hit = matchDoc(doc, terms);
    if (hit) hits.push(hit);
  }
  return hits.sort(opts.sort === 'date' ? (a, b) => compareByDate(a.doc, b.doc) : compareHits);
}
