/**
 * Every index word of the site: a small directory the build writes beside
 * the index (/pagefind/words/<version>/<bucket>.txt) and the search page
 * reads while Pagefind loads.
 *
 * A query with an exact word (a bigram or a lone character: tokens.ts) that
 * no article has (a typo, a name never written) is answered 无结果 without
 * waiting for Pagefind's metadata and index chunks. The directory is split
 * into buckets by a hash of the word, so a query reads one small file per
 * word. Every word of every record Pagefind indexes is in it (the indexer
 * lists them as it sends the records); a bucket that cannot be read only
 * costs time (the index is asked).
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

/** The bucket files of a directory of these words: one word a line, sorted. */
export function buildDirectory(words: Iterable<string>): { buckets: number; files: string[] } {
  const all = [...new Set(words)].sort();
  const buckets = bucketCount(all.length);
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const w of all) lines[bucketOf(w, buckets)]!.push(w);
  return { buckets, files: lines.map((l) => (l.length ? `${l.join('\n')}\n` : '')) };
}

/** One bucket file → its words (index words are letters and digits; other lines are skipped). */
export function parseBucket(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) if (/^[\p{L}\p{N}]+$/u.test(line)) out.add(line);
  return out;
}

/**
 * False when some page may not hold every one of `words`: a word absent
 * from its bucket is on no page. A bucket that could not be read (null)
 * cannot tell, so the index is asked.
 */
export function mayHoldAll(
  words: readonly string[],
  bucketOfWord: (word: string) => Set<string> | null,
): boolean {
  return words.every((w) => bucketOfWord(w)?.has(w) ?? true);
}

/** The words of a Pagefind record's content (recordContent in tokens.ts), without its weight markers. */
export function contentWords(content: string): string[] {
  return content.split(' ').filter((w) => w && !w.startsWith('___'));
}
