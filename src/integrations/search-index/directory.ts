/**
 * Writes the word directory (src/lib/search/word-directory.ts) into the
 * site from the word lists the shards left in the shard cache. Its folder is
 * named by a digest of its content, so its files can be cached for good.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardWords } from '../../lib/search/shard-cache';
import { buildDirectory, DIRECTORY_DIR, type WordDirectory } from '../../lib/search/word-directory';

/**
 * The directory of the words of these shards (cached shard outputs), written
 * under `out`/pagefind/; undefined when a shard has no word list (the search
 * page then always asks the index, as it did before the directory).
 */
export function writeDirectory(
  out: string,
  shardDirs: readonly string[],
): WordDirectory | undefined {
  const words = new Set<string>();
  for (const dir of shardDirs) {
    const list = shardWords(dir);
    if (!list) return undefined;
    for (const w of list) words.add(w);
  }
  const { buckets, files } = buildDirectory(words);
  const digest = createHash('sha256');
  for (const f of files) digest.update(f).update('\0');
  const version = digest.digest('hex').slice(0, 12);
  const folder = join(out, 'pagefind', DIRECTORY_DIR, version);
  mkdirSync(folder, { recursive: true });
  files.forEach((text, i) => writeFileSync(join(folder, `${i}.txt`), text));
  return { path: `/pagefind/${DIRECTORY_DIR}/${version}/`, buckets };
}
