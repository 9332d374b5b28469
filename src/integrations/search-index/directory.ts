/**
 * Writes the word directory (src/lib/search/word-directory.ts) into the
 * site from the word lists the shards left in the shard cache. Its folder is
 * named by a digest of its content, so its files can be cached for good.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardWords } from '../../lib/search/shard-cache';
import type { ShardInfo } from '../../lib/search/shards';
import { buildDirectory, DIRECTORY_DIR, type WordDirectory } from '../../lib/search/word-directory';

/**
 * The directory of these shards (`dir`: a shard's cached output), written
 * under `out`/pagefind/; undefined when a shard has no word list (the
 * search page then opens every shard, as it did before the directory).
 */
export function writeDirectory(
  out: string,
  shards: readonly { info: ShardInfo; dir: string }[],
): WordDirectory | undefined {
  const lists: { id: string; words: string[] }[] = [];
  for (const { info, dir } of shards) {
    const words = shardWords(dir);
    if (!words) return undefined;
    lists.push({ id: info.id, words });
  }
  const { buckets, files } = buildDirectory(lists);
  const digest = createHash('sha256');
  for (const f of files) digest.update(f).update('\0');
  const version = digest.digest('hex').slice(0, 12);
  const folder = join(out, 'pagefind', DIRECTORY_DIR, version);
  mkdirSync(folder, { recursive: true });
  files.forEach((text, i) => writeFileSync(join(folder, `${i}.txt`), text));
  return { path: `/pagefind/${DIRECTORY_DIR}/${version}/`, buckets };
}
