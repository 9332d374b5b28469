/**
 * The offline search index's keys: single characters and character pairs of
 * normalized text (no white space inside a key). Shared by the snapshot
 * builder (Node) and the classic-script search page, so both agree.
 */

/** Unigrams and bigrams of normalized text, spaces excluded. */
export function gramsOf(norm: string): Set<string> {
  const units = Array.from(norm);
  const out = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const a = units[i]!;
    if (a === ' ') continue;
    out.add(a);
    const b = units[i + 1];
    if (b !== undefined && b !== ' ') out.add(a + b);
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

/** FNV-1a over UTF-16 units: which shard file holds a key. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A posting list as text: `l` + base-36 gaps for sparse lists, `b` + a
 * base-64 bitmap when that is shorter.
 */
export function encodePostings(docs: number[], docCount: number): string {
  let prev = -1;
  const gaps = docs
    .map((d) => {
      const g = (d - prev).toString(36);
      prev = d;
      return g;
    })
    .join('.');
  const bitmapChars = Math.ceil(docCount / 6);
  if (gaps.length + 1 <= bitmapChars + 1) return `l${gaps}`;
  const bits = new Uint8Array(bitmapChars);
  for (const d of docs) bits[(d / 6) | 0]! |= 1 << (d % 6);
  let s = 'b';
  for (const v of bits) s += B64[v];
  return s;
}

/** Decodes a posting list into a bitmap of `docCount` bits (one byte a doc, for speed). */
export function decodePostings(code: string, docCount: number): Uint8Array {
  const out = new Uint8Array(docCount);
  if (code[0] === 'l') {
    let d = -1;
    for (const g of code.slice(1).split('.')) {
      if (g) {
        d += parseInt(g, 36);
        out[d] = 1;
      }
    }
  } else {
    for (let i = 1; i < code.length; i++) {
      const v = B64.indexOf(code[i]!);
      for (let bit = 0; bit < 6; bit++)
        if (v & (1 << bit)) {
          const d = (i - 1) * 6 + bit;
          if (d < docCount) out[d] = 1;
        }
    }
  }
  return out;
}
