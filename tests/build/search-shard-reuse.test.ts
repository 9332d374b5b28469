/**
 * A warm build re-indexes only the search shard of an edited article, and
 * its search output is byte-identical to a cold build of the same sources.
 */
import { afterAll, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/site-files';
import { buildSite, ROOT } from '../helpers/site';

const work = join(ROOT, '.test-output/shard-reuse'); // content must live inside the project
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('reuses unchanged shards on a warm build and gives the same index as a cold one', () => {
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  cpSync(join(ROOT, 'content'), content, {
    recursive: true,
    filter: (src) => !src.includes('_corpus'),
  });
  const env = { FEIGONG_SEARCH_SHARD_SIZE: '8' }; // 34 sample articles → shards of 2, 8, 8, 8, 8
  const cache = join(work, 'cache');
  const first = buildSite({
    content,
    outDir: join(work, 'a'),
    env: { ...env, FEIGONG_CACHE_DIR: cache },
  });
  expect(first.status, first.output).toBe(0);
  expect(first.output).toMatch(/5 个分片，0 个未变沿用/);

  // The legacy article (2015) sits in an older shard.
  const file = join(content, 'articles', '2015', 'kaihua-dangqun-gongjian-sanwu-moshi.mdx');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n缓存测试新增的一段话。\n`);
  const warm = buildSite({
    content,
    outDir: join(work, 'b'),
    env: { ...env, FEIGONG_CACHE_DIR: cache },
  });
  expect(warm.status, warm.output).toBe(0);
  expect(warm.output).toMatch(/5 个分片，4 个未变沿用/);

  const cold = buildSite({
    content,
    outDir: join(work, 'c'),
    env: { ...env, FEIGONG_CACHE_DIR: join(work, 'cache-cold') },
  });
  expect(cold.status, cold.output).toBe(0);
  const files = listFiles(join(cold.outDir, 'pagefind'));
  expect(listFiles(join(warm.outDir, 'pagefind'))).toEqual(files);
  const differing = files.filter(
    (f) =>
      !readFileSync(join(warm.outDir, 'pagefind', f)).equals(
        readFileSync(join(cold.outDir, 'pagefind', f)),
      ),
  );
  expect(differing).toEqual([]);
  expect(listFiles(join(first.outDir, 'pagefind'))).not.toEqual(files); // the edit did reach the index
}, 240_000);
