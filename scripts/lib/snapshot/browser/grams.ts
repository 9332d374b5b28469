/**
 * The offline search index's keys and posting lists: single characters and
 * character pairs of normalized text (no white space inside a key), with how
 * often each occurs. Shared by the snapshot builder (Node) and the
 * classic-script search page, so both agree.
 */

/** Unigrams and bigrams of normalized text, spaces excluded. */
export function gramsOf(norm: string): Set<string> {
  return new Set(gramCounts(norm).keys());
}

/**
 * How many times each unigram and bigram of normalized text occurs (every
 * position, overlapping ones too), spaces excluded. A term's non-overlapping
 * occurrences are at most the count of any of its keys.
 */
export function gramCounts(norm: string): Map<string, number> {
  const units = Array.from(norm);
  const out = new Map<string, number>();
  for (let i = 0; i < units.length; i++) {
    const a = units[i]!;
    if (a === ' ') continue;
    out.set(a, (out.get(a) ?? 0) + 1);
    const b = units[i + 1];
    if (b !== undefined && b !== ' ') out.set(a + b, (out.get(a + b) ?? 0) + 1);
  }
  return out;
}

/**
 * The keys a document must hold to possibly contain `term`: its bigrams, or
 * its characters when it has no bigram (a single character).
 */
export function gramsForTerm(term: string): string[] {
  const all = [...gramsOf(term)];
  const pairs = all.filter((g) => Array.from(g).length === 2);
  return pairs.length ? pairs : all;
}

/**
 * True when holding every key of `term` means containing it: one character,
 * or two with no space (the key is the term itself).
 */
export function keysAreExact(term: string): boolean {
  const units = Array.from(term);
  return units.length <= 2 && !units.includes(' ');
}

/** FNV-1a over UTF-16 units: which shard file holds a key. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** File (under `search/`) of a key whose posting list is too long to share a shard. */
export function ownKeyFile(gram: string): string {
  return `g/k/${Array.from(gram, (c) => c.codePointAt(0)!.toString(16)).join('-')}.js`;
}

// 64 characters that need no escaping in JSON or a file name.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) VALUE[B64.charCodeAt(i)] = i;

/** A non-negative integer as base-32 digits, low first; 32 marks "more digits follow". */
function varint(n: number): string {
  let s = '';
  while (n >= 32) {
    s += B64[32 + (n & 31)];
    n = Math.floor(n / 32);
  }
  return s + B64[n];
}

/**
 * Builds one key's posting list as text, document by document in increasing
 * order: the gap to the previous document, then body count × 2 + (title
 * count > 0), then the title count when there is one. Usually two
 * characters a document.
 */
export class PostingWriter {
  private prev = -1;
  private parts: string[] = [];
  count = 0;
  add(doc: number, body: number, title: number): void {
    let s = varint(doc - this.prev) + varint(body * 2 + (title > 0 ? 1 : 0));
    if (title > 0) s += varint(title);
    this.parts.push(s);
    this.prev = doc;
    this.count++;
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** A decoded posting list: documents in increasing order, their body and title counts. */
export interface Postings {
  docs: Int32Array;
  body: Int32Array;
  title: Int32Array;
}

/** Reads base-32 varints from `code`, one after another. */
class VarintReader {
  i = 0;
  constructor(private readonly code: string) {}
  get done(): boolean {
    return this.i >= this.code.length;
  }
  next(): number {
    let n = 0,
      scale = 1;
    for (;;) {
      const c = this.code.charCodeAt(this.i++);
      const v = c < 128 ? VALUE[c]! : -1;
      if (v < 0) throw new Error('损坏的索引数据');
      n += (v & 31) * scale;
      if (v < 32) return n;
      scale *= 32;
    }
  }
}

/** Reads what PostingWriter wrote. Throws on a malformed list. */
export function decodePostings(code: string): Postings {
  const docs: number[] = [];
  const body: number[] = [];
  const title: number[] = [];
  const r = new VarintReader(code);
  let doc = -1;
  while (!r.done) {
    doc += r.next();
    const v = r.next();
    docs.push(doc);
    body.push(Math.floor(v / 2));
    title.push(v & 1 ? r.next() : 0);
  }
  return {
    docs: Int32Array.from(docs),
    body: Int32Array.from(body),
    title: Int32Array.from(title),
  };
}

/** Non-negative integers as one string of varints (index.js's per-document columns). */
export function encodeInts(values: readonly number[]): string {
  return values.map(varint).join('');
}

/** Reads what encodeInts wrote. */
export function decodeInts(code: string): number[] {
  const r = new VarintReader(code);
  const out: number[] = [];
  while (!r.done) out.push(r.next());
  return out;
}

/**
 * JSON for a script file: `<`, U+2028 and U+2029 escaped, so no text from an
 * article can end a script element or break a line inside a string.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Reads the arguments of an index file `FeigongOffline.name(a, b, …);` (Node side, tests, cost model). */
export function parseIndexCall(script: string): { name: string; args: unknown[] } {
  const m = /^FeigongOffline\.(\w+)\((.*)\);\s*$/s.exec(script);
  if (!m) throw new Error('不是离线索引文件');
  return { name: m[1]!, args: JSON.parse(`[${m[2]}]`) as unknown[] };
}
