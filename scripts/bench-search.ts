/**
 * `npm run bench:search [-- --articles 10000 --runs 5]`: builds the portal
 * with a generated corpus, then stock Pagefind (its CLI, default settings)
 * over the same built pages into a separate folder, and prints both sides
 * from one run in headless Chromium: time from navigation to the first
 * results on /search/?q= with a cold cache (stock: its JS API as its docs
 * show, search then data() for the first ten), bytes transferred, the
 * ratio, a later query on the same page (submitted the moment the first
 * results show, and again after the time a reader takes to type it), and
 * Enter in an article page's header box after typing at a reader's pace
 * (medians). The site is served with its own _headers and ETags over
 * HTTP/2, as a CDN would (--http1: HTTP/1.1). A benchmark: it prints
 * figures and asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ORGS, PLACES, TOPICS } from './lib/corpus/vocabulary';
import { serveStatic as serve } from './lib/serve/static-server';
import { launchChromium } from './lib/browser';
import { localCert } from './lib/serve/local-cert';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
    'keep-corpus': { type: 'boolean', default: false },
    'skip-stock': { type: 'boolean', default: false },
    http1: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run bench:search [-- --articles N] [--runs R] [--skip-build] [--keep-corpus] [--skip-stock] [--http1]
生成 N 篇文章（默认 10000）并构建到 .test-output/bench-search，再用原版 Pagefind CLI（默认设置）
索引同一批页面（输出到 pagefind-stock/），然后在无头 Chromium 中对比两边：首次查询（冷缓存，
自导航起）出结果时间与传输字节、比值，后续查询（首次结果一出即提交；或先等输入它所需的时间，
按下述拼音输入节奏）及其与首次的比值，以及文章页头部搜索框聚焦、输入（每字一键 250 ms；或经拼音输入法：
每字 3 个字母、每键 200 ms，按词上屏）后回车到出结果的时间（R 次的中位数）。本项目按站点自己的 _headers（缓存、CSP）和 ETag 提供。
--skip-stock 跳过原版 Pagefind 的构建（沿用上次的 pagefind-stock/）。
默认以 HTTP/2（TLS，临时自签证书，Chromium 按其公钥信任）提供，与 CDN 相同；--http1 改用 HTTP/1.1。
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

/** Runs a command, sampling the peak memory of its Pagefind processes. */
async function measured(
  cmd: string,
  args: string[],
): Promise<{ seconds: number; out: string; peakPagefind: number }> {
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
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
  if (code !== 0) throw new Error(`${cmd} failed:\n${out.slice(-4000)}`);
  return { seconds: (Date.now() - started) / 1000, out, peakPagefind: peak };
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
    const b = await measured(process.execPath, [tsx, 'scripts/build.ts', '--outDir', DIST]);
    console.log(
      `构建 ${n} 篇: ${b.seconds.toFixed(0)} s; ${/已索引.*$/m.exec(b.out)?.[0] ?? '?'}; Pagefind 索引进程内存峰值 ${(b.peakPagefind / 2 ** 30).toFixed(2)} GiB`,
    );
  } finally {
    if (!values['keep-corpus'])
      spawnSync(process.execPath, [tsx, 'scripts/corpus.ts', '--articles', '0'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
  }
}
const STOCK = join(DIST, 'pagefind-stock');
if (!values['skip-stock']) {
  // Stock Pagefind as its docs show: the CLI, default settings, over the built site.
  const b = await measured(join(ROOT, 'node_modules/.bin/pagefind'), [
    '--site',
    DIST,
    '--output-path',
    STOCK,
  ]);
  console.log(
    `原版 Pagefind CLI: ${b.seconds.toFixed(0)} s; 内存峰值 ${(b.peakPagefind / 2 ** 30).toFixed(2)} GiB; ${/Indexed \d+ pages?/.exec(b.out)?.[0] ?? ''}`,
  );
}
// The stock side's search page: Pagefind's JS API as its docs show (search, then data() for ten).
mkdirSync(join(DIST, 'stock-search'), { recursive: true });
writeFileSync(
  join(DIST, 'stock-search/index.html'),
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>stock</title><ol id="r"></ol>
<script type="module">
const pagefind = await import('/pagefind-stock/pagefind.js');
async function run(q) {
  performance.mark('search-start');
  const search = await pagefind.search(q);
  const ten = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  document.getElementById('r').innerHTML = ten.map((d) => '<li>' + d.meta.title + '</li>').join('');
  performance.mark('search-results');
  return search.results.length;
}
window.later = async (q) => {
  performance.clearMarks();
  const t = performance.now();
  await run(q);
  return new Promise((ok) => requestAnimationFrame(() => ok(performance.now() - t)));
};
run(new URLSearchParams(location.search).get('q') ?? '');
</script></html>`,
);
for (const [name, dir] of [
  ['本项目', join(DIST, 'pagefind')],
  ['原版', STOCK],
] as const) {
  if (!existsSync(dir)) continue;
  const idx = dirSize(dir);
  console.log(`${name}索引大小: ${(idx.bytes / 2 ** 20).toFixed(1)} MiB in ${idx.files} files`);
}

let bytes = 0;
// The site's own _headers (Cache-Control, CSP) and ETags, as its CDN serves it; paths
// without a rule (the stock side) are fresh for an hour.
// HTTP/2 over TLS, as a CDN serves the site (a trusted throwaway certificate); --http1 for a
// bare origin server, where Chromium asks at most six files at a time.
const tls = values.http1 ? undefined : localCert();
const site = await serve(DIST, {
  headers: true,
  cacheSeconds: 3600,
  onBytes: (_p, b) => {
    bytes += b;
  },
  tls,
});
const browser = await launchChromium(tls?.chromiumArgs);
console.log(`协议: ${tls ? 'HTTP/2（TLS，如 CDN）' : 'HTTP/1.1'}`);
type Page = import('playwright-core').Page;
const sides = existsSync(STOCK) ? (['本项目', '原版'] as const) : (['本项目'] as const);
const pathOf = { 本项目: '/search/', 原版: '/stock-search/' } as const;
const queries = [
  { label: '少见', q: `${PLACES[0]}${ORGS[ORGS.length - 1]}` },
  { label: '常见', q: TOPICS[0]! },
  { label: '单字', q: '党' },
  { label: '无', q: '台风' },
];
const rows = new Map<string, { bytes: number[]; ms: number[] }>();
const record = (k: string, b: number, ms: number) => {
  const r = rows.get(k) ?? { bytes: [], ms: [] };
  rows.set(k, r);
  r.bytes.push(b);
  r.ms.push(ms);
};
/**
 * Both search pages mark 'search-results' when their first results are in the
 * DOM; the reader sees them at the next frame, later if the page's thread is
 * busy (opening the index, say). An init script keeps that frame's time.
 */
const FRAME_KEY = '__resultsFrame';
async function watchResultsFrame(page: Page) {
  await page.addInitScript((key) => {
    new PerformanceObserver((list, obs) => {
      if (!list.getEntries().some((e) => e.name === 'search-results')) return;
      obs.disconnect();
      requestAnimationFrame(
        () => ((window as unknown as Record<string, number>)[key] = performance.now()),
      );
    }).observe({ entryTypes: ['mark'] });
  }, FRAME_KEY);
}
/** ms since the page's time origin when its first results were painted. */
async function resultsFrame(page: Page): Promise<number> {
  await page.waitForFunction((key) => key in window, FRAME_KEY, { timeout: 60_000 });
  return page.evaluate((key) => (window as unknown as Record<string, number>)[key]!, FRAME_KEY);
}

/** Cold cache: /search/?q= opened directly; ms from navigation to the first results. */
async function first(page: Page, path: string, q: string) {
  await watchResultsFrame(page);
  bytes = 0;
  await page.goto(`${site.url}${path}?q=${encodeURIComponent(q)}`);
  const ms = await resultsFrame(page);
  return { bytes, ms };
}
/** A later query on the same page, answered in place. */
async function later(page: Page, side: (typeof sides)[number], q: string) {
  bytes = 0;
  const ms = await page.evaluate(
    async ([side, q]) => {
      if (side === '原版')
        return (window as unknown as { later(q: string): Promise<number> }).later(q);
      performance.clearMarks('search-results');
      const done = new Promise<number>((resolve) => {
        new PerformanceObserver((list, obs) => {
          const hit = list.getEntries().find((e) => e.name === 'search-results');
          if (hit) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now())); // painted
          }
        }).observe({ entryTypes: ['mark'] });
      });
      document.querySelector<HTMLInputElement>('#q')!.value = q;
      const start = performance.now();
      document.querySelector<HTMLFormElement>('[data-search-page-form]')!.requestSubmit();
      return (await done) - start;
    },
    [side, q] as const,
  );
  return { bytes, ms };
}
/** A reader's pace in the header box: ms per character, each typed as one key (no input method). */
const TYPING_MS = 250;
/**
 * A Chinese reader types through a pinyin input method: about three letters a
 * character (hang zhou lv shi: 3.0), one keystroke each, the word committed
 * with one more (space), Enter one keystroke after that. KEYSTROKE_MS is a
 * brisk typist's pace (60 words a minute in English terms).
 */
const KEYSTROKE_MS = 200;
const PINYIN_KEYS_PER_CHAR = 3;
type Typing = 'keys' | 'pinyin';
/**
 * The words of `q` as a pinyin input method commits them (Intl.Segmenter's
 * words) and the keystrokes each takes: three letters a Chinese character
 * and one to commit, or one a key for anything else.
 */
const imeWords = (q: string) =>
  [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(q)].map(({ segment: word }) => {
    const han = /\p{Script=Han}/u.test(word);
    const chars = [...word].length;
    return { word, han, keys: han ? PINYIN_KEYS_PER_CHAR * chars + 1 : chars };
  });
/** How long typing `q` takes through the pinyin input method below, Enter excluded. */
const pinyinMs = (q: string) => imeWords(q).reduce((ms, w) => ms + w.keys * KEYSTROKE_MS, 0);

/**
 * Types `q` as a pinyin input method delivers it, through Chromium's own IME
 * events (CDP Input.imeSetComposition / insertText): compositionstart, an
 * input event with isComposing for each letter, then compositionend and the
 * characters, one word at a time (Intl.Segmenter's words, as an IME commits
 * them).
 */
async function typePinyin(page: Page, q: string) {
  const cdp = await page.context().newCDPSession(page);
  const pause = () => page.waitForTimeout(KEYSTROKE_MS);
  for (const { word, han, keys } of imeWords(q)) {
    if (!han) {
      await page.keyboard.type(word, { delay: KEYSTROKE_MS });
      continue;
    }
    const letters = 'pinyin'.repeat(word.length).slice(0, keys - 1); // the last key commits
    for (let k = 1; k <= letters.length; k++) {
      await cdp.send('Input.imeSetComposition', {
        text: letters.slice(0, k),
        selectionStart: k,
        selectionEnd: k,
      });
      await pause();
    }
    await cdp.send('Input.insertText', { text: word }); // the commit keystroke
    await pause();
  }
  await cdp.detach();
}

/**
 * From an article page: focus the header box, type (one key a character, or
 * through a pinyin input method), Enter; ms from the Enter keydown (the
 * event's own time, kept in sessionStorage across the navigation) to the
 * frame that paints the first results on the search page.
 */
async function fromHeader(page: Page, article: string, q: string, typing: Typing) {
  await watchResultsFrame(page);
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/articles/')) return;
    addEventListener('keydown', (e) => {
      if (e.key === 'Enter')
        sessionStorage.setItem('bench-enter', String(performance.timeOrigin + e.timeStamp));
    });
  });
  await page.goto(`${site.url}${article}`);
  await page.focus('#site-search');
  if (typing === 'keys') await page.keyboard.type(q, { delay: TYPING_MS });
  else await typePinyin(page, q);
  bytes = 0;
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\//);
  const painted = await resultsFrame(page);
  const ms = await page.evaluate(
    (painted) => performance.timeOrigin + painted - Number(sessionStorage.getItem('bench-enter')),
    painted,
  );
  return { bytes, ms };
}

const article = `/articles/${readdirSync(join(DIST, 'articles')).sort()[0]}/`;
const runs = Number(values.runs);
for (let i = 0; i < runs; i++) {
  for (const { label, q } of queries) {
    for (const side of sides) {
      const ctx = await browser.newContext(); // a new context: cold HTTP cache
      const page = await ctx.newPage();
      const f = await first(page, pathOf[side], q);
      record(`${side}|首次|${label} ${q}`, f.bytes, f.ms);
      const next =
        queries[(queries.indexOf(queries.find((x) => x.q === q)!) + 1) % queries.length]!;
      const l = await later(page, side, next.q);
      record(`${side}|后续（立即）|${label} ${q}→${next.q}`, l.bytes, l.ms);
      await ctx.close();
      // As the issue has it, a later query is typed: the reader takes pinyinMs(next) to
      // type it (the Enter measure's pace) while the page idles; then it is submitted.
      const typed = await browser.newContext();
      const tpage = await typed.newPage();
      await first(tpage, pathOf[side], q);
      await tpage.waitForTimeout(pinyinMs(next.q));
      const t = await later(tpage, side, next.q);
      record(`${side}|后续（输入后）|${label} ${q}→${next.q}`, t.bytes, t.ms);
      await typed.close();
    }
    for (const [typing, name] of [
      ['keys', '文章页回车（每字一键）'],
      ['pinyin', '文章页回车（拼音输入）'],
    ] as const) {
      const ctx = await browser.newContext();
      const h = await fromHeader(await ctx.newPage(), article, q, typing);
      record(`本项目|${name}|${label} ${q}`, h.bytes, h.ms);
      await ctx.close();
    }
  }
}
const m = (k: string) => {
  const r = rows.get(k);
  return r ? { bytes: median(r.bytes), ms: median(r.ms) } : null;
};
console.log(`\n首次查询（冷缓存，自导航起，${runs} 次中位数）`);
console.log('查询                       本项目 ms   原版 ms   比值   本项目传输   原版传输   比值');
for (const { label, q } of queries) {
  const a = m(`本项目|首次|${label} ${q}`)!;
  const b = m(`原版|首次|${label} ${q}`);
  console.log(
    `${`${label} ${q}`.padEnd(24)} ${a.ms.toFixed(0).padStart(9)} ${(b ? b.ms.toFixed(0) : '-').padStart(9)} ${(b ? (a.ms / b.ms).toFixed(2) : '-').padStart(6)} ${kb(a.bytes).padStart(12)} ${(b ? kb(b.bytes) : '-').padStart(10)} ${(b ? (a.bytes / b.bytes).toFixed(2) : '-').padStart(6)}`,
  );
}
console.log('\n其他（中位数）                                   ms      传输');
console.log('（后续查询的比值：除以同一边同一页首次查询的中位数；须 ≤ 0.5）');
for (const [k] of rows) {
  if (k.includes('|首次|')) continue;
  const r = m(k)!;
  const [side, kind, rest] = k.split('|') as [string, string, string];
  const base = kind.startsWith('后续') ? m(`${side}|首次|${rest.split('→')[0]}`) : null;
  const ratio = base ? `  比值 ${(r.ms / base.ms).toFixed(2)}` : '';
  console.log(`${k.padEnd(40)} ${r.ms.toFixed(0).padStart(7)} ${kb(r.bytes).padStart(10)}${ratio}`);
}
await browser.close();
await site.close();
