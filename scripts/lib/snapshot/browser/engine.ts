/**
 * The offline search's engine, without a DOM: what to load for a query and
 * in which order, so that the page stays within a fixed number of bytes
 * whatever the query, and still shows what the online search would.
 *
 * 1. The query's keys (character pairs, a character for a one-character
 *    term; at most MAX_KEYS) give the candidates — documents holding every
 *    key — and, from the per-document counts in the posting lists, an upper
 *    bound of each candidate's relevance (the shared `relevance` of
 *    src/lib/search/query.ts with every count replaced by the smallest count
 *    of the term's keys, which no count of the term can exceed).
 * 2. Candidates are read best bound first, in batches: each text is checked
 *    for the literal terms and scored with `scoreDoc`. Once the n-th checked
 *    match ranks above the bound of every unread candidate, the first n are
 *    exactly the first n of the whole archive, in the online order.
 * 3. Key files and texts count against a byte budget per reader action; the count is exact when
 *    the keys decide membership (terms of one or two characters) or when
 *    every candidate was read, and shown as 约 N otherwise.
 *
 * Runs in the browser (app.ts, script-tag loader) and in Node (the cost
 * model and tests, a file-map loader).
 */
import {
  compareRanked,
  parseQuery,
  saturate,
  scoreDoc,
  TITLE_BOOST,
  TYPICAL_LENGTH,
  type RankedDoc,
  type SearchDoc,
  type SortOrder,
} from '../../../../src/lib/search/query';
import {
  decodeInts,
  decodePostings,
  gramsForTerm,
  keysAreExact,
  ownKeyFile,
  shardOf,
} from './grams';

/**
 * `search/index.js` as written: per-document columns as varint strings
 * (encodeInts). Documents are numbered newest first, then by id — the
 * order `compareRanked` breaks ties in — so a document's number is its rank.
 */
export interface RawOfflineInfo {
  docCount: number;
  shards: number;
  channels: string[];
  /** Index into `channels`, per document. */
  docChannel: string;
  /** Beijing year minus `firstYear`, per document. */
  docYear: string;
  firstYear: number;
  /** Length of the normalized body (UTF-16 units), as `relevance` measures it. */
  docLen: string;
  /** Size of the document's text file `t/N.js`, in KiB rounded up. */
  docKiB: string;
}

/** index.js decoded. */
export interface OfflineInfo {
  docCount: number;
  shards: number;
  channels: string[];
  docChannel: number[];
  docYear: number[];
  docLen: number[];
  /** At least the bytes of `t/N.js`. */
  docBytes: number[];
}

export function decodeInfo(raw: RawOfflineInfo): OfflineInfo {
  const column = (code: string) => {
    const xs = decodeInts(code);
    if (xs.length !== raw.docCount) throw new Error('索引文件有误：index.js');
    return xs;
  };
  return {
    docCount: raw.docCount,
    shards: raw.shards,
    channels: raw.channels,
    docChannel: column(raw.docChannel),
    docYear: column(raw.docYear).map((y) => y + raw.firstYear),
    docLen: column(raw.docLen),
    docBytes: column(raw.docKiB).map((k) => k * 1024),
  };
}

export interface OfflineDoc extends SearchDoc {
  path: string;
}

/** How index files reach the engine (script tags in the page, a file map in Node). */
export interface OfflineLoader {
  /** A key shard `g/N.js`: key → posting list, or `@` when the key has its own file. */
  shard(n: number): Promise<Record<string, string>>;
  /** A key's own file (see ownKeyFile): its posting list. */
  ownKey(file: string): Promise<string>;
  /** The text file `t/N.js` of document N. */
  text(doc: number): Promise<OfflineDoc>;
}

export interface OfflineQuery {
  q: string;
  channel: string;
  year: number | undefined;
  sort: SortOrder;
}

/** Results shown at a time (and read before the first are shown). */
export const PAGE_SIZE = 20;
/** At most this many keys are read for one query (a longer query is checked on the texts). */
export const MAX_KEYS = 24;
/**
 * Bytes of key files and article texts one reader action (a query and its
 * suggestions, or 加载更多) may read. Key files are counted once loaded (a
 * query's keys are read together, so it can end up to MAX_KEYS files past
 * the limit); with index.js and the page a query stays under 5 MB.
 */
export const READ_BUDGET = 3_000_000;
/** Stands for "no bound" on a count (a term none of whose keys was read). */
const UNBOUNDED = 1e9;
const EPSILON = 1e-9;

/** Bytes of key files and texts read so far, against a limit. */
export class Budget {
  spent = 0;
  /** Key files already counted. */
  readonly files = new Set<string>();
  constructor(readonly limit = READ_BUDGET) {}
  /** Counts a key file once (about its size in bytes). */
  charge(file: string, bytes: () => number): void {
    if (this.files.has(file)) return;
    this.files.add(file);
    this.spent += bytes();
  }
}

/** About the bytes of a shard file: its keys (3 bytes a character) and lists. */
function shardBytes(shard: Record<string, string>): number {
  let n = 0;
  for (const k in shard) n += k.length * 3 + shard[k]!.length + 6;
  return n;
}

/** Where a document stands in the ranking: its score (or bound) and number (newest first). */
interface Key {
  d: number;
  inTitle: boolean;
  score: number;
}

/** compareRanked on keys: title first, score, then newer and id (the document's number). */
function compareKeys(a: Key, b: Key, sort: SortOrder): number {
  if (sort === 'relevance') {
    if (a.inTitle !== b.inTitle) return a.inTitle ? -1 : 1;
    if (Math.abs(a.score - b.score) > EPSILON) return b.score - a.score;
  }
  return a.d - b.d;
}

/**
 * `relevance` from counts: per term its title and body counts (exact or
 * upper bounds), the phrase count, the body length. Same arithmetic in the
 * same order, so exact counts give the very same number.
 */
export function scoreFromCounts(
  counts: readonly { title: number; body: number }[],
  phrase: number,
  length: number,
): number {
  let score = 0;
  for (const c of counts)
    score += saturate(c.title * TITLE_BOOST, TYPICAL_LENGTH) + saturate(c.body, length);
  if (counts.length > 1) score += counts.length * saturate(phrase, length);
  return score;
}

/** The keys read for each term: all of them, or an even spread when the query has more than `max`. */
export function chooseKeys(terms: readonly string[], max = MAX_KEYS): string[][] {
  const all = terms.map(gramsForTerm);
  const total = all.reduce((s, k) => s + k.length, 0);
  if (total <= max) return all;
  const quota = all.map(() => 0);
  for (let left = max, changed = true; left > 0 && changed;) {
    changed = false;
    for (let t = 0; t < all.length && left > 0; t++)
      if (quota[t]! < all[t]!.length) {
        quota[t]!++;
        left--;
        changed = true;
      }
  }
  return all.map((keys, t) => {
    const q = quota[t]!;
    if (q >= keys.length) return keys;
    if (q === 0) return [];
    if (q === 1) return [keys[0]!];
    return [
      ...new Set(
        Array.from({ length: q }, (_, i) => keys[Math.round((i * (keys.length - 1)) / (q - 1))]!),
      ),
    ];
  });
}

/** One query over the offline index: candidates with bounds, then texts on demand. */
export class OfflineSearch {
  readonly terms: string[];
  /** Every candidate is a match (the keys decide membership). */
  exactSet = false;
  /** The text budget ran out before the asked-for results were proven. */
  stopped = false;
  private cands: Key[] = [];
  private next = 0;
  private rejected = 0;
  private hits: { key: Key; ranked: RankedDoc<OfflineDoc> }[] = [];

  private constructor(
    private readonly info: OfflineInfo,
    private readonly loader: OfflineLoader,
    readonly query: OfflineQuery,
    private readonly budget: Budget,
  ) {
    this.terms = parseQuery(query.q);
  }

  static async open(
    info: OfflineInfo,
    loader: OfflineLoader,
    query: OfflineQuery,
    budget: Budget,
  ): Promise<OfflineSearch> {
    const s = new OfflineSearch(info, loader, query, budget);
    await s.candidates();
    return s;
  }

  /** Number of candidates (documents holding every key read), after the filters. */
  get candidateCount(): number {
    return this.cands.length;
  }

  /** Texts read so far. */
  get checked(): number {
    return this.next;
  }

  private async postings(key: string): Promise<string | null> {
    const n = shardOf(key, this.info.shards);
    const shard = await this.loader.shard(n);
    this.budget.charge(`g/${n}.js`, () => shardBytes(shard));
    if (!Object.prototype.hasOwnProperty.call(shard, key)) return null;
    const code = shard[key]!;
    if (code !== '@') return code;
    const file = ownKeyFile(key);
    const own = await this.loader.ownKey(file);
    this.budget.charge(file, () => own.length + key.length * 3 + 30);
    return own;
  }

  private async candidates(): Promise<void> {
    const { terms, info, query } = this;
    if (!terms.length) return;
    const chosen = chooseKeys(terms);
    this.exactSet = terms.every((t, i) => keysAreExact(t) && chosen[i]!.length > 0);
    const lists = await Promise.all(
      chosen.map((keys) => Promise.all(keys.map((k) => this.postings(k)))),
    );
    if (lists.some((l) => l.some((c) => c === null))) return;
    const decoded = lists.map((l) => l.map((c) => decodePostings(c!)));
    const keyCount = chosen.reduce((s, k) => s + k.length, 0);
    const D = info.docCount;
    const present = new Uint8Array(D);
    for (const term of decoded) for (const p of term) for (const d of p.docs) present[d]!++;
    const slot = new Int32Array(D).fill(-1);
    const docs: number[] = [];
    const channel = query.channel ? info.channels.indexOf(query.channel) : -1;
    for (let d = 0; d < D; d++) {
      if (present[d] !== keyCount) continue;
      if (query.channel && info.docChannel[d] !== channel) continue;
      if (query.year && info.docYear[d] !== query.year) continue;
      slot[d] = docs.length;
      docs.push(d);
    }
    // Per candidate and term: the smallest title and body count over the term's keys.
    const T = terms.length;
    const title = new Float64Array(docs.length * T).fill(UNBOUNDED);
    const body = new Float64Array(docs.length * T).fill(UNBOUNDED);
    decoded.forEach((term, t) => {
      for (const p of term)
        for (let i = 0; i < p.docs.length; i++) {
          const s = slot[p.docs[i]!]!;
          if (s < 0) continue;
          const j = s * T + t;
          if (p.title[i]! < title[j]!) title[j] = p.title[i]!;
          if (p.body[i]! < body[j]!) body[j] = p.body[i]!;
        }
    });
    this.cands = docs.map((d, s) => {
      const counts = Array.from({ length: T }, (_, t) => ({
        title: title[s * T + t]!,
        body: body[s * T + t]!,
      }));
      // Each occurrence of the phrase (with or without a space) starts an occurrence of every term.
      const phrase =
        Math.min(...counts.map((c) => c.title)) * TITLE_BOOST +
        Math.min(...counts.map((c) => c.body));
      return {
        d,
        inTitle: counts.every((c) => c.title > 0),
        score: scoreFromCounts(counts, phrase, info.docLen[d]!),
      };
    });
    this.cands.sort((a, b) => compareKeys(a, b, query.sort));
  }

  /** Reads the next batch of candidates' texts within the budget; false when none could be read. */
  private async readBatch(size: number): Promise<boolean> {
    const batch: Key[] = [];
    while (batch.length < size && this.next + batch.length < this.cands.length) {
      const c = this.cands[this.next + batch.length]!;
      const bytes = this.info.docBytes[c.d]!;
      if (this.budget.spent + bytes > this.budget.limit) break;
      this.budget.spent += bytes;
      batch.push(c);
    }
    if (!batch.length) return false;
    this.next += batch.length;
    const docs = await Promise.all(batch.map((c) => this.loader.text(c.d)));
    docs.forEach((doc, i) => {
      const ranked = scoreDoc(doc, this.terms);
      if (!ranked) {
        this.rejected++;
        return;
      }
      const c = batch[i]!;
      this.hits.push({
        ranked,
        key: { d: c.d, inTitle: ranked.inTitle, score: ranked.score },
      });
    });
    this.hits.sort((a, b) => compareRanked(a.ranked, b.ranked, this.query.sort));
    return true;
  }

  /** True when the first n checked matches are the first n of all candidates. */
  private proven(n: number): boolean {
    if (this.next >= this.cands.length) return true;
    if (this.hits.length < n) return false;
    return compareKeys(this.hits[n - 1]!.key, this.cands[this.next]!, this.query.sort) < 0;
  }

  /**
   * The first n results in the online order, reading texts as needed.
   * `exact` is false when the budget ran out first (then they are the best
   * of what was read).
   */
  async top(n: number): Promise<{ hits: RankedDoc<OfflineDoc>[]; exact: boolean }> {
    while (!this.proven(n)) {
      const want = Math.min(32, Math.max(8, n - this.hits.length + 8));
      if (!(await this.readBatch(want))) {
        this.stopped = true;
        return { hits: this.hits.slice(0, n).map((h) => h.ranked), exact: false };
      }
    }
    return { hits: this.hits.slice(0, n).map((h) => h.ranked), exact: true };
  }

  /** True when some candidate matches (reads texts only when the keys do not decide it). */
  async any(): Promise<boolean> {
    if (this.exactSet) return this.cands.length > 0;
    while (!this.hits.length) if (!(await this.readBatch(8))) return false;
    return true;
  }

  /** Reads every remaining candidate when they fit in the budget (to make the count exact). */
  async finish(): Promise<void> {
    if (this.exactSet) return;
    let rest = 0;
    for (let i = this.next; i < this.cands.length; i++)
      rest += this.info.docBytes[this.cands[i]!.d]!;
    if (this.budget.spent + rest > this.budget.limit) return;
    while (this.next < this.cands.length) await this.readBatch(32);
  }

  /** A new reader action (加载更多): the text budget starts again. */
  refill(): void {
    this.budget.spent = 0;
    this.stopped = false;
  }

  /** The number of results: exact, or an estimate (candidates not yet ruled out). */
  count(): { n: number; exact: boolean } {
    if (this.exactSet) return { n: this.cands.length, exact: true };
    if (this.next >= this.cands.length) return { n: this.hits.length, exact: true };
    return { n: this.cands.length - this.rejected, exact: false };
  }
}
