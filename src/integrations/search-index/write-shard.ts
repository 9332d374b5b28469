/**
 * Writes one search shard through Pagefind's Node API, in a fresh Pagefind
 * process whose memory is returned when the shard is done.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../../lib/search/records';

export const pagefindError = (what: string, errors: string[]) =>
  new Error(`Pagefind ${what} 失败 (search index failed): ${errors.join('; ')}`);

/** Records sent to Pagefind before waiting for answers: keeps both processes busy. */
const IN_FLIGHT = 16;

/** Pagefind's ready-made UIs: this site renders results itself (src/scripts/search-page.ts). */
const UNUSED_UI = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
/** The merged bundle takes Pagefind's runtime from the newest shard (merge-bundles.ts): the others need only their index files. */
const SHARD_ONLY = /^(?:pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/**
 * Indexes `records` (made one at a time, while Pagefind indexes the ones
 * before) as shard `shard` into `outputPath`, then keeps only the files that
 * shard needs. Any error rejects.
 */
export async function writeShard(
  records: AsyncIterable<SearchRecord>,
  shard: string,
  outputPath: string,
  onRecord: () => void = () => undefined,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw pagefindError('createIndex', errors);
  const pending = new Set<Promise<void>>();
  // Records in flight never reject; the first failure is kept and thrown in order.
  let failure: unknown;
  const check = () => {
    if (failure) throw failure;
  };
  try {
    for await (const r of records) {
      const p: Promise<void> = index
        .addCustomRecord(r)
        .then(
          (res) => {
            if (res.errors.length)
              failure ??= pagefindError(`addCustomRecord ${r.url}`, res.errors);
            onRecord();
          },
          (e: unknown) => {
            failure ??= e;
          },
        )
        .finally(() => pending.delete(p));
      pending.add(p);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
      check();
    }
    await Promise.all(pending);
    check();
    const w = await index.writeFiles({ outputPath });
    if (w.errors.length) throw pagefindError('writeFiles', w.errors);
  } finally {
    await Promise.all(pending);
    await pagefind.close();
  }
  const keep = (name: string) => (shard === 's0' ? !UNUSED_UI.test(name) : SHARD_ONLY.test(name));
  for (const name of await readdir(outputPath))
    if (!keep(name)) await rm(join(outputPath, name), { recursive: true });
}
