/**
 * Which shards hold an index word: a small directory the build writes beside
 * the shards (/pagefind/words/<version>/<bucket>.txt) and the search page
 * reads before it opens Pagefind.
 *
 * Every shard costs a query its entry file, metadata and an index chunk per
 * word, whether or not it holds the word. With the directory a query opens
 * only the shards that hold every one of its exact words (a bigram or a
 * lone character: tokens.ts), and a word no article has (a typo, a name
 * never written) is answered 无结果 without reading any index chunk. The
 * directory is split into buckets by a hash of the word, so a query reads
 * one small file per word. Every word of every record Pagefind indexes is
 * in it (the indexer lists them as it sends the records), and a shard it
 * cannot tell about is searched: a missing directory only costs time.
 */

/** The folder of the directory under /pagefind/. */
export const DIRECTORY_DIR = 'words';
/** A shard's own word list in the shard cache (never copied to the site). */
export const SHARD_WORDS_FILE = '.words';
/** Words per bucket file, on average: about 2 KB of text, under 1 KB compressed. */
const WORDS_PER_BUCKET = 256;
/** Bucket files at most (a bucket then holds more words). */
const MAX_BUCKETS = 1 << 14;

/** What the manifest says of the directory. */
export interface WordDirectory {
  /** URL folder of the bucket files, ending in /; its name changes with its content. */
  path: string;
  /** Number of bucket files, a power of two. */
  buckets: number;
}

/** A word's bucket: FNV-1a over its UTF-16 units (index words are ASCII), modulo the buckets. */
export function bucketOf(word: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (buckets - 1);
}

/** Buckets for this many distinct words: a power of two. */
export function bucketCount(words: number): number {
  let n = 1;
  while (n < MAX_BUCKETS && n * WORDS_PER_BUCKET < words) n *= 2;
  return n;
}

/** A shard's bit in a word's mask: s0 → 1, s1 → 2, s5 → 32. */
export const shardBit = (id: string): bigint => 1n << BigInt(Number(id.slice(1)));

/**
 * The bucket files of a directory over these shards: line `word mask` per
 * word, sorted, the mask in hex (bit n: shard sn holds the word).
 */
export function buildDirectory(shards: readonly { id: string; words: Iterable<string> }[]): {
  buckets: number;
  files: string[];
} {
  const masks = new Map<string, bigint>();
  for (const s of shards) {
    const bit = shardBit(s.id);
    for (const w of s.words) masks.set(w, (masks.get(w) ?? 0n) | bit);
  }
  const buckets = bucketCount(masks.size);
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const w of [...masks.keys()].sort())
    lines[bucketOf(w, buckets)]!.push(`${w} ${masks.get(w)!.toString(16)}`);
  return { buckets, files: lines.map((l) => (l.length ? `${l.join('\n')}\n` : '')) };
}

/** One bucket file → word → mask (words are letters and digits). Other lines are skipped. */
export function parseBucket(text: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of text.split('\n')) {
    const m = /^([\p{L}\p{N}]+) ([0-9a-f]+)$/u.exec(line);
    if (m) out.set(m[1]!, BigInt(`0x${m[2]!}`));
  }
  return out;
}

/**
 * The shards that may hold a page with every one of `words`: each word's
 * mask from its bucket (a word absent from its bucket is in no shard), or
 * null for a bucket that could not be read (then every shard may).
 */
export function holdingShards<S extends { id: string }>(
  shards: readonly S[],
  words: readonly string[],
  bucketOfWord: (word: string) => Map<string, bigint> | null,
): S[] {
  let mask = -1n; // every shard
  for (const w of words) {
    const bucket = bucketOfWord(w);
    if (bucket) mask &= bucket.get(w) ?? 0n;
  }
  return shards.filter((s) => (mask & shardBit(s.id)) !== 0n);
}

/** The words of a Pagefind record's content (recordContent in tokens.ts), without its weight markers. */
export function contentWords(content: string): string[] {
  return content.split(' ').filter((w) => w && !w.startsWith('___'));
}
