/**
 * The search indexer, a child process of `astro build` (started by
 * src/integrations/pagefind.ts when the build starts, right after content
 * sync). It indexes every article whose body the loader rendered while Astro
 * bundles and renders on the other core, then, once the pages exist, the
 * MDX articles from their pages. Each shard's output goes to the shard
 * cache; the build links it into the site. If the built article pages are
 * not the planned ones, the whole index is made from the pages instead.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readCachedHtml } from '../../lib/content/html-cache';
import { loadDataFile } from '../../lib/content/data-files';
import { buildCacheDir } from '../../lib/content/paths';
import { readSearchInputs } from '../../lib/content/search-inputs';
import {
  extractArticle,
  readSearchData,
  searchBodyHtml,
  toRecord,
  type SearchRecord,
} from '../../lib/search/records';
import { cached, pageDigest, shardKey, store } from '../../lib/search/shard-cache';
import { planShards, shardSize, type ShardInfo } from '../../lib/search/shards';
import { pageUrl, plannedItems, sameArticles, type IndexItem } from './plan';
import type { ChildMessage, ChildOptions, PagesMessage } from './protocol';
import { writeShard } from './write-shard';

const send = (m: ChildMessage) =>
  new Promise<void>((done) => (process.send ? process.send(m, () => done()) : done()));

const noSearchBody = (file: string) =>
  new Error(`${file}: 没有 data-pagefind-body (article page without a search body)`);

const opts = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const cacheDir = join(buildCacheDir(), 'feigong-pagefind');
const staging = join(cacheDir, `.staging-${process.pid}`);

/** The build's message that the pages are written (the build may end before it comes). */
const pagesWritten = new Promise<PagesMessage>((resolve) => {
  process.on('message', (m: PagesMessage) => {
    if (m.type === 'pages') resolve(m);
  });
});
// The build is gone (failed or killed): nothing is waiting for the index.
process.on('disconnect', () => process.exit(0));

let out = '';
let done = 0;
let total = 0;
let indexing = 0; // when the first record went to Pagefind
let lastReport = 0;
/** Progress for the build's log, at most every 10 s of indexing. */
const indexed = () => {
  done++;
  const now = Date.now();
  indexing ||= now;
  lastReport ||= now;
  if (now - lastReport < 10_000 || done >= total) return;
  lastReport = now;
  void send({ type: 'progress', done, total, elapsedMs: now - indexing });
};

async function pageRecord(url: string): Promise<{ record: SearchRecord; html: string }> {
  const file = join(out, url, 'index.html');
  const html = await readFile(file, 'utf8');
  const article = extractArticle(html);
  if (!article) throw noSearchBody(file);
  return { record: toRecord(url, article), html };
}

async function* records(items: readonly IndexItem[]): AsyncGenerator<SearchRecord> {
  for (const item of items) {
    if (item.early) {
      const { input, data } = item.early;
      const html = searchBodyHtml(input.title, data, readCachedHtml(input.digest));
      yield toRecord(item.url, extractArticle(html)!);
    } else yield (await pageRecord(item.url)).record;
  }
}

/** One shard: from the cache when its articles did not change, indexed otherwise. */
async function shard(info: ShardInfo, items: readonly IndexItem[]) {
  const key = shardKey(info.id, items);
  const hit = cached(cacheDir, info.id, key);
  if (hit) {
    done += items.length;
    return { info, dir: hit, reused: true };
  }
  const output = join(staging, info.id);
  await writeShard(records(items), info.id, output, indexed);
  await store(cacheDir, info.id, key, output);
  await rm(output, { recursive: true, force: true });
  return { info, dir: cached(cacheDir, info.id, key)!, reused: false };
}

/** Every article from its built page (the index as made before pages could be planned). */
async function fromPages(pathnames: readonly string[]): Promise<IndexItem[]> {
  const items: IndexItem[] = [];
  for (const pathname of pathnames) {
    const url = pageUrl(pathname);
    const file = join(out, url, 'index.html');
    const html = await readFile(file, 'utf8');
    const data = readSearchData(html);
    if (!data) throw noSearchBody(file);
    items.push({ url, date: data.date, year: data.year, digest: pageDigest(html), page: true });
  }
  return items;
}

async function main() {
  const names = new Map(loadDataFile('channels').map((c) => [c.id, c.data.name]));
  const planned = plannedItems(readSearchInputs(), (id) => names.get(id), new Date(opts.now));
  total = planned.length;
  await mkdir(staging, { recursive: true });
  let shards = planShards(planned, shardSize());
  const results: { info: ShardInfo; dir: string; reused: boolean }[] = [];
  // Shards without MDX bodies first: they need no page.
  const early = shards.filter((s) => s.items.every((i) => i.early));
  for (const s of early) results.push(await shard(s.info, s.items));
  const earlyCount = done;

  const pages = await pagesWritten;
  out = pages.out;
  let rebuilt = false;
  if (!sameArticles(planned, pages.pathnames)) {
    rebuilt = true;
    results.length = 0;
    done = 0;
    shards = planShards(await fromPages(pages.pathnames), shardSize());
    total = pages.pathnames.length;
  } else
    for (const s of shards)
      for (const item of s.items)
        if (item.page) item.digest = pageDigest((await pageRecord(item.url)).html);
  for (const s of shards)
    if (rebuilt || !early.includes(s)) results.push(await shard(s.info, s.items));
  // With no articles, the runtime is still written so the search page can say 无结果.
  if (!shards.length)
    results.push(
      await shard({ id: 's0', path: '/pagefind/', articles: 0, newestYear: 0, oldestYear: 0 }, []),
    );
  results.sort((a, b) => Number(a.info.id.slice(1)) - Number(b.info.id.slice(1)));
  await rm(staging, { recursive: true, force: true });
  await send({
    type: 'done',
    shards: results.map(({ info, dir }) => ({ info, dir })),
    articles: total,
    reused: results.filter((r) => r.reused).length,
    early: rebuilt ? 0 : earlyCount,
    fromPages: rebuilt,
  });
  process.disconnect();
}

main().catch(async (e: unknown) => {
  await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  await send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
