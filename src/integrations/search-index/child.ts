/**
 * The search indexer, a child process of `astro build` (started by
 * src/integrations/pagefind.ts when the build starts, right after content
 * sync). It indexes every article whose body the loader rendered while Astro
 * bundles and renders on the other core, then, once the pages exist, the
 * MDX articles from their pages. Each shard's output goes to the shard
 * cache, and the shards are merged into one bundle (merge-bundles.ts), kept
 * in the cache too, which the build links into the site. If the built
 * article pages are not the planned ones, the whole index is made from the
 * pages instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCachedHtml } from '../../lib/content/html-cache';
import { loadDataFile } from '../../lib/content/data-files';
import { writeJsonFile } from '../../lib/json-file';
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
import { contentWords, SHARD_WORDS_FILE } from '../../lib/search/word-directory';
import { pageUrl, plannedItems, sameArticles, type IndexItem } from './plan';
import type { ChildMessage, ChildOptions, PagesMessage } from './protocol';
import { logLine, progressText, seconds } from './progress';
import { writeShard } from './write-shard';
import { mergeBundles } from './merge-bundles';
import { writeFirstPages } from './first-pages';

const send = (m: ChildMessage) =>
  new Promise<void>((done) => (process.send ? process.send(m, () => done()) : done()));

const noSearchBody = (file: string) =>
  new Error(`${file}: 没有 data-pagefind-body (article page without a search body)`);

const opts = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const cacheDir = join(buildCacheDir(), 'feigong-pagefind');
const staging = join(cacheDir, `.staging-${process.pid}`);

/** The build's message that the pages are written (the build may end before it comes). */
let pagesArrived: PagesMessage | undefined;
const pagesWritten = new Promise<PagesMessage>((resolve) => {
  process.on('message', (m: PagesMessage) => {
    if (m.type === 'pages') resolve((pagesArrived = m));
  });
});
// The build is gone (failed or killed): nothing is waiting for the index.
process.on('disconnect', () => process.exit(0));

let out = opts.out;
let done = 0;
let total = 0;
let indexing = 0; // when the first record went to Pagefind
const indexed = () => {
  done++;
  indexing ||= Date.now();
};
// Progress in the build's log every 8 s of indexing (at least one line every 10 s).
// After the last record, Pagefind still writes the last shard: reported as well.
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
/** Set while the shards are merged: what the progress line says then. */
let merging: { text: string; since: number } | null = null;
const progress = setInterval(() => {
  if (merging)
    process.stdout.write(
      logLine(
        'feigong-pagefind',
        `${merging.text} (${seconds(Date.now() - merging.since)})`,
        color,
      ),
    );
  else if (indexing)
    process.stdout.write(
      logLine('feigong-pagefind', progressText(done, total, Date.now() - indexing), color),
    );
}, 8_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Thrown when a planned page does not appear: the index is then made from the pages. */
class NotPlanned extends Error {}

/**
 * A built article page. While Astro renders, a page is read once it is
 * whole (MDX bodies render first: src/lib/views/article.ts renderOrder);
 * once every page is written, a missing page means the plan was wrong.
 */
async function builtPage(url: string): Promise<string> {
  const file = join(out, url, 'index.html');
  for (;;) {
    const settled = pagesArrived !== undefined;
    const html = await readFile(file, 'utf8').catch(() => '');
    if (html.trimEnd().endsWith('</html>')) return html;
    if (settled) throw new NotPlanned(`${file}: 页面没有生成 (page not built)`);
    await sleep(100);
  }
}

async function pageRecord(url: string): Promise<SearchRecord> {
  const article = extractArticle(await builtPage(url));
  if (!article) throw noSearchBody(join(out, url, 'index.html'));
  return toRecord(url, article);
}

/**
 * Records read from MDX pages, kept by their planned digest (URL, title, search data,
 * source and the code that renders pages: plan.ts), so a warm build has them before
 * any page is written: the re-indexed shard does not wait for its MDX pages.
 */
const recordsDir = join(cacheDir, 'records');
const keptRecord = (digest: string) => join(recordsDir, `${digest}.json`);

async function plannedPageRecord(item: IndexItem): Promise<SearchRecord> {
  try {
    return JSON.parse(await readFile(keptRecord(item.digest), 'utf8')) as SearchRecord;
  } catch {
    const record = await pageRecord(item.url);
    writeJsonFile(keptRecord(item.digest), record);
    return record;
  }
}

/** Drops kept records no planned MDX page has any more. */
async function pruneKeptRecords(items: readonly IndexItem[]) {
  const keep = new Set(items.filter((i) => i.page).map((i) => `${i.digest}.json`));
  const names = await readdir(recordsDir).catch(() => [] as string[]);
  for (const name of names) if (!keep.has(name)) await rm(join(recordsDir, name), { force: true });
}

/**
 * A shard's records, those made from the HTML cache first: Pagefind indexes
 * them while the MDX pages are still being rendered. The order is the same
 * in every build, so the output stays byte-identical.
 */
async function* records(
  items: readonly IndexItem[],
  planned: boolean,
): AsyncGenerator<SearchRecord> {
  for (const item of [...items.filter((i) => i.early), ...items.filter((i) => !i.early)]) {
    if (item.early) {
      const { input, data } = item.early;
      const html = searchBodyHtml(input.title, data, readCachedHtml(input.digest));
      yield toRecord(item.url, extractArticle(html)!);
    } else if (planned) yield await plannedPageRecord(item);
    // From the pages (the fallback): a page's digest does not cover its URL.
    else yield await pageRecord(item.url);
  }
}

/** One shard: from the cache when its articles did not change, indexed otherwise. */
async function shard(info: ShardInfo, items: readonly IndexItem[], planned = true) {
  const key = shardKey(info.id, items);
  const hit = cached(cacheDir, info.id, key);
  if (hit) {
    done += items.length;
    return { info, dir: hit, reused: true };
  }
  const output = join(staging, info.id);
  // Every word Pagefind is given for this shard, for the word directory (word-directory.ts).
  const words = new Set<string>();
  async function* listed(rs: AsyncIterable<SearchRecord>) {
    for await (const r of rs) {
      for (const w of contentWords(r.content)) words.add(w);
      yield r;
    }
  }
  await writeShard(listed(records(items, planned)), info.id, output, indexed);
  await writeFile(join(output, SHARD_WORDS_FILE), [...words].sort().join('\n'));
  await store(cacheDir, info.id, key, output);
  await rm(output, { recursive: true, force: true });
  return { info, dir: cached(cacheDir, info.id, key)!, reused: false };
}

/** The code that merges and ranks the first pages: a change to it merges again. */
const MERGE_CODE = [
  'merge-bundles.ts',
  'cbor.ts',
  'first-pages.ts',
  ...['first-pages', 'query', 'tokens', 'handoff', 'engine'].map((f) => `../../lib/search/${f}.ts`),
].map((f) => readFileSync(join(import.meta.dirname, f)));

/**
 * The one bundle of these shard outputs (oldest first), from the cache when
 * none of them changed; merged otherwise (replacing the previous bundle).
 */
async function merged(dirs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const code of MERGE_CODE) hash.update(code).update('\0');
  for (const dir of dirs) hash.update(dir).update('\0');
  const dir = join(cacheDir, `bundle-${hash.digest('hex').slice(0, 24)}`);
  if (existsSync(join(dir, 'pagefind-entry.json'))) return dir;
  const output = join(staging, 'bundle');
  await rm(output, { recursive: true, force: true });
  await mergeBundles(dirs, output);
  writeFirstPages(output);
  for (const name of await readdir(cacheDir))
    if (name.startsWith('bundle-'))
      await rm(join(cacheDir, name), { recursive: true, force: true });
  await rename(output, dir);
  return dir;
}

/** Every article from its built page (the index as made before pages could be planned). */
async function fromPages(pathnames: readonly string[]): Promise<IndexItem[]> {
  const items: IndexItem[] = [];
  for (const pathname of pathnames) {
    const url = pageUrl(pathname);
    const html = await builtPage(url);
    const data = readSearchData(html);
    if (!data) throw noSearchBody(join(out, url, 'index.html'));
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
  let results: { info: ShardInfo; dir: string; reused: boolean }[] = [];
  let early = 0;
  let rebuilt = false;
  try {
    // Shards without MDX bodies first: they need no page at all.
    const ordered = [
      ...shards.filter((s) => s.items.every((i) => i.early)),
      ...shards.filter((s) => !s.items.every((i) => i.early)),
    ];
    for (const s of ordered) {
      results.push(await shard(s.info, s.items));
      if (!pagesArrived) early = done;
    }
    const pages = await pagesWritten;
    out = pages.out;
    if (!sameArticles(planned, pages.pathnames)) throw new NotPlanned('built pages differ');
    await pruneKeptRecords(planned);
  } catch (e) {
    if (!(e instanceof NotPlanned)) throw e;
    // The pages are not the planned ones: everything from the pages, as they are.
    const pages = await pagesWritten;
    out = pages.out;
    rebuilt = true;
    results = [];
    done = early = 0;
    total = pages.pathnames.length;
    shards = planShards(await fromPages(pages.pathnames), shardSize());
    for (const s of shards) results.push(await shard(s.info, s.items, false));
  }
  // With no articles, the runtime is still written so the search page can say 无结果.
  if (!shards.length)
    results.push(await shard({ id: 's0', articles: 0, newestYear: 0, oldestYear: 0 }, []));
  // The manifest lists shards newest first, as planned (s0, then the older ones from the newest).
  const order = shards.map((s) => s.info.id);
  results.sort((a, b) => order.indexOf(a.info.id) - order.indexOf(b.info.id));
  merging = { text: `正在把 ${results.length} 个分片合并为一个索引`, since: Date.now() };
  if (results.length > 1) process.stdout.write(logLine('feigong-pagefind', merging.text, color));
  const bundle = await merged(results.map((r) => r.dir).reverse());
  clearInterval(progress);
  await rm(staging, { recursive: true, force: true });
  await send({
    type: 'done',
    shards: results.map(({ info, dir }) => ({ info, dir })),
    bundle,
    articles: total,
    reused: results.filter((r) => r.reused).length,
    early,
    fromPages: rebuilt,
  });
  process.disconnect();
}

main().catch(async (e: unknown) => {
  await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  await send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
