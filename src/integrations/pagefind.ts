/**
 * The search index, built by a child process (search-index/child.ts) that
 * starts with the build, right after content sync, and indexes the articles
 * the loader rendered while Astro bundles and renders the pages on the other
 * core; once the pages are written (astro:build:done) it indexes what needs
 * a page (MDX bodies), merges the shards into one bundle, and that is
 * linked into the site from the shard cache. Only article pages are
 * indexed, one custom record each (src/lib/search/records.ts says what
 * goes in and why), in shards of
 * newest-first articles (src/lib/search/shards.ts says why). Any error
 * fails the build.
 */
import type { AstroIntegration } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { MANIFEST_FILE, type SearchManifest } from '../lib/search/shards';
import { bundleFirstPages, bundleWarmWord, restore } from '../lib/search/shard-cache';
import { metaUrl, withMetaPreload, type PagefindEntry } from '../lib/search/warm';
import { searchPath } from '../lib/urls';
import { carriedPathnames } from '../lib/page-reuse';
import type { ChildMessage, ChildOptions, PagesMessage } from './search-index/protocol';
import { seconds } from './search-index/progress';
import { writeDirectory } from './search-index/directory';

type Done = Extract<ChildMessage, { type: 'done' }>;

/** Niceness of Astro's thread while the indexer runs beside it (Linux: 0 normal, 19 lowest). */
const ASTRO_NICENESS = 5;

/** Starts the indexer; the promise settles with its result or its error. */
function startIndexer(root: string, out: string) {
  // FEIGONG_INDEX_PLAN_DATE (tests only) plans as of another date, so the plan
  // misses articles the pages publish and the fallback from the pages is exercised.
  const planDate = process.env.FEIGONG_INDEX_PLAN_DATE;
  const options: ChildOptions = { now: planDate ? Date.parse(planDate) : Date.now(), out };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/integrations/search-index/child.ts'),
      JSON.stringify(options),
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  // The indexer is the build's longest path: Astro's thread yields it the CPU when both want
  // it (a higher niceness for this thread alone; the indexer and Pagefind keep theirs).
  try {
    setPriority(ASTRO_NICENESS);
  } catch {
    // Not allowed here: the build is only slower.
  }
  // The build may fail before it needs the index: never leave the indexer behind.
  const kill = () => child.kill();
  process.on('exit', kill);
  const result = new Promise<Done>((resolve, reject) => {
    let error: string | undefined;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'error') error = m.message;
      else resolve(m);
    });
    child.on('exit', (code) => {
      process.off('exit', kill);
      reject(new Error(error ?? `搜索索引进程退出 (search indexer exited with ${code})`));
    });
  });
  // Rejections are handled when the build asks for the result.
  result.catch(() => undefined);
  return {
    result,
    pagesWritten: (m: PagesMessage) => child.send(m),
  };
}

/**
 * Writes the bundle's metadata file into the search page's preloads
 * (withMetaPreload). A new file, renamed over the page: the page may be a
 * hard link to the previous build's output (src/lib/page-reuse.ts).
 */
function preloadMetadata(out: string) {
  const page = join(out, searchPath().slice(1), 'index.html');
  if (!existsSync(page)) return;
  const entry = JSON.parse(
    readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  ) as PagefindEntry;
  const html = readFileSync(page, 'utf8');
  // The language Pagefind picks the index by: the page's own.
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? 'unknown';
  const next = withMetaPreload(html, metaUrl(entry, lang));
  if (next === html) return;
  writeFileSync(`${page}.tmp`, next);
  renameSync(`${page}.tmp`, page);
}

export default function pagefindIntegration(): AstroIntegration {
  let root = process.cwd();
  let outDir = '';
  let indexer: ReturnType<typeof startIndexer> | undefined;
  let startedAt = 0;
  return {
    name: 'feigong-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        startedAt = Date.now();
        indexer = startIndexer(root, outDir);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!indexer) throw new Error('搜索索引进程没有启动 (search indexer was not started)');
        const out = fileURLToPath(dir);
        const waitFrom = Date.now();
        // Pages a warm build carried over are article pages too (src/lib/page-reuse.ts).
        const pathnames = [...pages.map((p) => p.pathname), ...carriedPathnames()].filter((p) =>
          /^articles\/[^/]+\/?$/.test(p),
        );
        indexer.pagesWritten({ type: 'pages', out, pathnames });
        const done = await indexer.result;
        // Linking tens of thousands of index files takes a while at 50,000 articles: say so.
        logger.info(`索引已写好（${done.shards.length} 个分片合并为一个），正在链接到输出目录`);
        await restore(done.bundle, join(out, 'pagefind'));
        const words = writeDirectory(
          out,
          done.shards.map((s) => s.dir),
        );
        const manifest: SearchManifest = {
          articles: done.articles,
          shards: done.shards.map((s) => s.info).filter((s) => s.articles > 0),
          ...(words ? { words } : {}),
        };
        const warm = bundleWarmWord(done.bundle);
        if (warm) manifest.warm = warm;
        const first = bundleFirstPages(done.bundle);
        if (first?.chars) manifest.first = first;
        await writeFile(join(out, 'pagefind', MANIFEST_FILE), JSON.stringify(manifest));
        preloadMetadata(out);
        if (done.fromPages)
          logger.warn('构建出的文章与计划不同，索引改由页面生成 (index made from the pages)');
        logger.info(
          `已索引 ${done.articles} 篇文章，${manifest.shards.length} 个分片，${done.reused} 个未变沿用 (${seconds(Date.now() - startedAt)}，渲染后 ${seconds(Date.now() - waitFrom)}；渲染结束前已索引 ${done.early} 篇)`,
        );
      },
    },
  };
}
