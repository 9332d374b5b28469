/**
 * `npm run bench:search [-- --articles 10000 --runs 5]`: builds the portal
 * with a generated corpus and prints what search costs: index time, peak
 * memory of the Pagefind indexer, index size, bytes transferred and time to
 * first results for a first and a later query in headless Chromium (medians).
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TOPICS } from './lib/corpus/vocabulary';
import { serve } from '../tests/helpers/serve';
import { launchChromium } from '../tests/helpers/browser';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
    'keep-corpus': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run bench:search [-- --articles N] [--runs R] [--skip-build] [--keep-corpus]
生成 N 篇文章（默认 10000）并构建到 .test-output/bench-search，然后在无头 Chromium 中测量搜索：
索引时间、索引器内存峰值、索引大小、首次/后续查询的传输字节数与出结果时间（R 次的中位数）。
请在 flock /tmp/feigong-heavy.lock 下运行（npm 脚本已包含）。`);
  process.exit(0);
}
const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, '.test-output/bench-search'); // dot folder: outside astro check and git
const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Peak RSS of the Pagefind service processes under `pid`, sampled from /proc. */
function pagefindRss(pid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      if (comm.startsWith('pagefind')) rss.set(Number(d), Number(fields[21]) * 4096);
    } catch {
      /* process ended */
    }
  }
  let total = 0;
  for (const [p, bytes] of rss) {
    for (let q: number | undefined = p; q && q > 1; q = parent.get(q))
      if (q === pid) {
        total += bytes;
        break;
      }
  }
  return total;
}

async function build(): Promise<{ seconds: number; indexLine: string; peakPagefind: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [tsx, 'scripts/build.ts', '--outDir', DIST], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
  });
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, pagefindRss(child.pid!));
  }, 200);
  const code: number = await new Promise((r) => child.on('close', r));
  clearInterval(timer);
  if (code !== 0) throw new Error(`build failed:\n${out.slice(-4000)}`);
  return {
    seconds: (Date.now() - started) / 1000,
    indexLine: /已索引.*$/m.exec(out)?.[0] ?? '?',
    peakPagefind: peak,
  };
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0,
    files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

const n = Number(values.articles);
if (!values['skip-build']) {
  spawnSync(process.execPath, [tsx, 'scripts/corpus.ts', '--articles', String(n)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  try {
    const b = await build();
    console.log(
      `构建 ${n} 篇: ${b.seconds.toFixed(0)} s; ${b.indexLine}; Pagefind 索引进程内存峰值 ${(b.peakPagefind / 2 ** 30).toFixed(2)} GiB`,
    );
  } finally {
    if (!values['keep-corpus'])
      spawnSync(process.execPath, [tsx, 'scripts/corpus.ts', '--articles', '0'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
  }
}
const idx = dirSize(join(DIST, 'pagefind'));
const frag = dirSize(join(DIST, 'pagefind/fragment'));
console.log(
  `索引大小: ${(idx.bytes / 2 ** 20).toFixed(1)} MiB in ${idx.files} files (fragments ${(frag.bytes / 2 ** 20).toFixed(1)} MiB)`,
);

let bytes = 0;
const site = await serve(DIST, {
  cacheSeconds: 3600,
  onBytes: (_p, b) => {
    bytes += b;
  },
});
const browser = await launchChromium();
const queries = [...TOPICS.slice(0, 3), '党组织', '践', '台风'];
const rows: Record<string, { bytes: number[]; nav: number[]; search: number[] }> = {};
const record = (k: string, b: number, nav: number, s: number) => {
  const r = (rows[k] ??= { bytes: [], nav: [], search: [] });
  r.bytes.push(b);
  r.nav.push(nav);
  r.search.push(s);
};
async function query(page: import('playwright-core').Page, q: string) {
  bytes = 0;
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    () => performance.getEntriesByName('search-results').length > 0,
    null,
    { timeout: 60_000 },
  );
  const [nav, s] = await page.evaluate(() => {
    const end = performance.getEntriesByName('search-results')[0]!.startTime;
    return [end, end - performance.getEntriesByName('search-start')[0]!.startTime];
  });
  return { bytes, nav: nav!, search: s! };
}
/** A later query on the same search page: typed into its form, answered in place (no reload). */
async function later(page: import('playwright-core').Page, q: string) {
  bytes = 0;
  const ms = await page.evaluate(async (q) => {
    const done = new Promise<number>((resolve) => {
      new PerformanceObserver((list, obs) => {
        const hit = list.getEntries().find((e) => e.name === 'search-results');
        if (hit) {
          obs.disconnect();
          resolve(hit.startTime);
        }
      }).observe({ entryTypes: ['mark'] });
    });
    document.querySelector<HTMLInputElement>('#q')!.value = q;
    const start = performance.now();
    document.querySelector<HTMLFormElement>('[data-search-page-form]')!.requestSubmit();
    return (await done) - start;
  }, q);
  return { bytes, nav: ms, search: ms };
}
const runs = Number(values.runs);
for (let i = 0; i < runs; i++) {
  for (const q of queries) {
    const ctx = await browser.newContext(); // cold cache: a first query
    const page = await ctx.newPage();
    const first = await query(page, q);
    record(`首次 ${q}`, first.bytes, first.nav, first.search);
    const next = queries[(queries.indexOf(q) + 1) % queries.length]!;
    const l = await later(page, next); // same page, Pagefind already loaded
    record(`后续 ${q}→${next}`, l.bytes, l.nav, l.search);
    await ctx.close();
  }
}
console.log(
  `\n查询 (${runs} 次中位数)              传输        出结果(首次自导航起, 后续自提交起)  搜索耗时`,
);
for (const [k, r] of Object.entries(rows)) {
  console.log(
    `${k.padEnd(24)} ${kb(median(r.bytes)).padStart(10)} ${`${median(r.nav).toFixed(0)} ms`.padStart(12)} ${`${median(r.search).toFixed(0)} ms`.padStart(10)}`,
  );
}
await browser.close();
await site.close();
