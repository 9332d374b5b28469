/**
 * Builds the search index after Astro wrote the pages (astro:build:done),
 * through Pagefind's Node API. Only article pages are indexed, one custom
 * record each (src/lib/search/records.ts says what goes in and why), in
 * shards of newest-first articles (src/lib/search/shards.ts says why), each
 * shard in a fresh Pagefind process so its memory is returned before the
 * next starts. Any error fails the build.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { extractArticle, readSearchData, toRecord } from '../lib/search/records';
import {
  MANIFEST_FILE,
  planShards,
  SHARD_FILTER,
  shardSize,
  type ShardManifest,
} from '../lib/search/shards';
import { cached, pageDigest, restore, shardKey, store } from '../lib/search/shard-cache';
import { buildCacheDir } from '../lib/content/paths';

const pagefindError = (what: string, errors: string[]) =>
  new Error(`Pagefind ${what} 失败 (search index failed): ${errors.join('; ')}`);
const fail = (what: string, errors: string[]): never => {
  throw pagefindError(what, errors);
};
const noSearchBody = (file: string) =>
  new Error(`${file}: 没有 data-pagefind-body (article page without a search body)`);

/** Records sent to Pagefind before waiting for answers: keeps both processes busy. */
const IN_FLIGHT = 16;

interface ArticlePage {
  url: string;
  file: string;
  date: string;
  year: number;
  digest: string;
}

/**
 * Where each article page is and its date, read from the data-search
 * attribute alone (the shards need every date before any record is made).
 */
async function listArticles(out: string, pathnames: string[]): Promise<ArticlePage[]> {
  const list: ArticlePage[] = [];
  for (const pathname of pathnames) {
    const file = join(out, pathname, 'index.html');
    const html = await readFile(file, 'utf8');
    const data = readSearchData(html);
    if (!data) throw noSearchBody(file);
    list.push({
      url: `/${pathname.replace(/\/?$/, '/')}`,
      file,
      date: data.date,
      year: data.year,
      digest: pageDigest(html),
    });
  }
  return list;
}

/** One shard in a fresh Pagefind process; pages are read while Pagefind indexes the ones before. */
async function writeShard(pages: ArticlePage[], shard: string, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return fail('createIndex', errors);
  const pending = new Set<Promise<void>>();
  // Records in flight never reject; the first failure is kept and thrown in order.
  let failure: unknown;
  const check = () => {
    if (failure) throw failure;
  };
  try {
    for (const page of pages) {
      const article = extractArticle(await readFile(page.file, 'utf8'));
      if (!article) throw noSearchBody(page.file);
      const r = toRecord(page.url, article);
      const p: Promise<void> = index
        .addCustomRecord({ ...r, filters: { ...r.filters, [SHARD_FILTER]: [shard] } })
        .then(
          (res) => {
            if (res.errors.length)
              failure ??= pagefindError(`addCustomRecord ${r.url}`, res.errors);
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
    if (w.errors.length) fail('writeFiles', w.errors);
  } finally {
    await Promise.all(pending);
    await pagefind.close();
  }
}

/** Pagefind's ready-made UIs: this site renders results itself (src/scripts/search-page.ts). */
const UNUSED_UI = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
/** Older shards are merged into the newest one's runtime (mergeIndex): they need only their index files. */
const SHARD_ONLY = /^(?:pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

async function prune(dir: string, keep: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(dir))
    if (!keep(name)) await rm(join(dir, name), { recursive: true });
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'feigong-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = Date.now();
        const out = fileURLToPath(dir);
        const articles = pages.map((p) => p.pathname).filter((p) => /^articles\/[^/]+\/?$/.test(p));
        const list = await listArticles(out, articles);
        const shards = planShards(list, shardSize());
        // With no articles, still write the runtime so the search page can say 无结果.
        if (!shards.length) await writeShard([], 's0', join(out, 'pagefind'));
        const cacheDir = join(buildCacheDir(), 'feigong-pagefind');
        let reused = 0;
        for (const { info, items } of shards) {
          const output = join(out, info.path);
          const key = shardKey(info.id, items);
          const hit = cached(cacheDir, info.id, key);
          // The cache is an optimisation: when it cannot be read or written (another
          // build replacing the same entry), the shard is indexed as on a cold build.
          if (
            hit &&
            (await restore(hit, output).then(
              () => true,
              () => false,
            ))
          ) {
            reused++;
            continue;
          }
          await writeShard(items, info.id, output);
          await prune(output, (name) =>
            info.id === 's0' ? !UNUSED_UI.test(name) : SHARD_ONLY.test(name),
          );
          await store(cacheDir, info.id, key, output).catch(() => undefined);
        }
        const manifest: ShardManifest = { shards: shards.map((s) => s.info) };
        await writeFile(join(out, 'pagefind', MANIFEST_FILE), JSON.stringify(manifest));
        logger.info(
          `已索引 ${list.length} 篇文章，${shards.length} 个分片，${reused} 个未变沿用 (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
