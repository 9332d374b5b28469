/**
 * A warm build reuses what did not change — the article pages whose inputs
 * are the same (src/lib/page-reuse.ts) and the search shards whose articles
 * are the same (src/lib/search/shard-cache.ts) — and its output is
 * byte-identical to a cold build of the same sources.
 */
import { afterAll, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/site-files';
import { buildSite, ROOT } from '../helpers/site';
import { indexMismatches } from '../helpers/search-index';

const work = join(ROOT, '.test-output/warm-build'); // content must live inside the project
afterAll(() => rmSync(work, { recursive: true, force: true }));

const differingFiles = (a: string, b: string) => {
  const files = listFiles(b);
  expect(listFiles(a)).toEqual(files);
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
};

it('reuses unchanged pages and shards on a warm build, and writes what a cold build writes', () => {
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  cpSync(join(ROOT, 'content'), content, {
    recursive: true,
    filter: (src) => !src.includes('_corpus'),
  });
  const articles = readdirSync(join(ROOT, 'content/articles'), { recursive: true }).filter(
    (f) => String(f).endsWith('.mdx') && !String(f).includes('_corpus'),
  ).length;
  const env = { FEIGONG_SEARCH_SHARD_SIZE: '8' }; // 34 sample articles → shards of 2, 8, 8, 8, 8 (newest first)
  const cache = join(work, 'cache');
  const site = join(work, 'site');
  const build = (cacheDir = cache, outDir = site) =>
    buildSite({ content, outDir, env: { ...env, FEIGONG_CACHE_DIR: cacheDir } });

  const first = build();
  expect(first.status, first.output).toBe(0);
  // The MDX pages' records are kept for the next build (src/integrations/search-index/child.ts).
  const mdx = Number(/(\d+) compiled as MDX/.exec(first.output)![1]);
  expect(mdx).toBeGreaterThan(0);
  expect(readdirSync(join(cache, 'feigong-pagefind', 'records'))).toHaveLength(mdx);
  expect(first.output).toMatch(/5 个分片，0 个未变沿用/);
  expect(first.output).toContain(`文章页：${articles} 篇重新渲染，0 篇沿用上次输出`);
  expect(first.output).toMatch(/频道列表页：[1-9]\d* 页重新渲染，0 页沿用/);
  const firstIndex = listFiles(join(site, 'pagefind'));

  // An editor adds a paragraph to the legacy article (2015, in an older shard).
  const file = join(content, 'articles', '2015', 'kaihua-dangqun-gongjian-sanwu-moshi.mdx');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n缓存测试新增的一段话。\n`);
  const warm = build();
  expect(warm.status, warm.output).toBe(0);
  expect(warm.output).toMatch(/5 个分片，4 个未变沿用/);
  const [, rendered, reused] = /文章页：(\d+) 篇重新渲染，(\d+) 篇沿用上次输出/.exec(warm.output)!;
  // The article, its 上一篇/下一篇 and the pages that list it among 相关稿件.
  expect(Number(rendered)).toBeGreaterThanOrEqual(1);
  expect(Number(rendered)).toBeLessThan(articles / 2);
  expect(Number(rendered) + Number(reused)).toBe(articles);
  // The edit is below the excerpt: every channel's list pages are as they were.
  expect(warm.output).toMatch(/频道列表页：0 页重新渲染，[1-9]\d* 页沿用/);
  expect(
    readFileSync(join(site, 'articles/kaihua-dangqun-gongjian-sanwu-moshi/index.html'), 'utf8'),
  ).toContain('缓存测试新增的一段话');

  // An editor publishes a new article: only the newest shard changes (planShards).
  writeFileSync(
    join(content, 'articles', 'samples', 'warm-build-new.mdx'),
    [
      '---',
      'title: "缓存测试新发布的稿件"',
      'date: 2026-11-30',
      'source: 中国非公企业党建网',
      'author: 测试',
      'editor: 测试',
      'channel: jiceng',
      '---',
      '',
      '新发布稿件的正文，只改变最新的分片。',
      '',
    ].join('\n'),
  );
  const published = build();
  expect(published.status, published.output).toBe(0);
  expect(published.output).toMatch(/5 个分片，4 个未变沿用/);
  // Only 基层党建's list pages, where the new article pushes the others down, are rendered again.
  const [, listed, kept] = /频道列表页：(\d+) 页重新渲染，(\d+) 页沿用/.exec(published.output)!;
  expect(Number(listed)).toBeGreaterThanOrEqual(1);
  expect(Number(kept)).toBeGreaterThanOrEqual(4); // the other four channels

  const cold = build(join(work, 'cache-cold'), join(work, 'cold'));
  expect(cold.status, cold.output).toBe(0);
  expect(differingFiles(site, cold.outDir)).toEqual([]);
  expect(listFiles(join(cold.outDir, 'pagefind'))).not.toEqual(firstIndex); // the edit reached the index
  // Shards made before the pages existed hold what the pages show.
  expect(indexMismatches(site)).toEqual([]);

  // A friend link renamed: every page shows the footer, so no page is reused.
  const links = join(content, 'data', 'friend-links.yaml');
  writeFileSync(links, readFileSync(links, 'utf8').replace('name: 人民网', 'name: 人民网（新）'));
  const data = build();
  expect(data.status, data.output).toBe(0);
  expect(data.output).toContain(`文章页：${articles + 1} 篇重新渲染，0 篇沿用上次输出`);
  expect(data.output).toMatch(/频道列表页：[1-9]\d* 页重新渲染，0 页沿用/);
  expect(
    readFileSync(join(site, 'articles/kaihua-dangqun-gongjian-sanwu-moshi/index.html'), 'utf8'),
  ).toContain('人民网（新）');
  expect(indexMismatches(site)).toEqual([]);
}, 300_000);
