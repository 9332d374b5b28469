/**
 * `npm run lighthouse [-- --dist dist --runs 3 --min 95 --preset desktop|mobile]`:
 * Lighthouse (its desktop preset by default; see docs/deploy.md for why) on the home page and an article of a built site, served locally
 * with its `_headers`, in Debian's Chromium (CHROME_PATH, never a download).
 * Prints the median of each category; exits 1 when one is below --min.
 * The npm script holds /tmp/feigong-heavy.lock so heavy jobs do not overlap.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from './lib/serve/static-server';
import {
  LIGHTHOUSE_CATEGORIES,
  belowMinimum,
  medianScores,
  type Scores,
} from './lib/checks/scores';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    min: { type: 'string', default: '95' },
    page: { type: 'string', multiple: true },
    'json-out': { type: 'string' },
    preset: { type: 'string', default: 'desktop' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || !['desktop', 'mobile'].includes(values.preset!)) {
  console.log(`用法: npm run lighthouse [-- --dist <目录>] [--runs N] [--min 95] [--preset desktop|mobile] [--page /路径/ …] [--json-out 文件]
在本机用 Debian 的 Chromium（CHROME_PATH，默认 /usr/bin/chromium）对首页和一篇文章运行 Lighthouse，
站点按 _headers 的响应头提供；打印四项得分（N 次的中位数），任何一项低于 --min 时退出码为 1。`);
  process.exit(0);
}
const dist = resolve(values.dist!);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`没有找到 ${values.dist}/index.html：请先运行 npm run build`);
  process.exit(2);
}
const legacy = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
const firstArticle = () => {
  if (existsSync(join(dist, legacy, 'index.html'))) return legacy;
  const dirs = readdirSync(join(dist, 'articles')).sort();
  return `/articles/${dirs[0]}/`;
};
const pages = values.page?.length ? values.page : ['/', firstArticle()];
const runs = Math.max(1, Number(values.runs));
const min = Number(values.min);

const server = await serveStatic(dist, { headers: existsSync(join(dist, '_headers')) });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const config =
  values.preset === 'desktop'
    ? (await import('lighthouse/core/config/desktop-config.js')).default
    : undefined;
/** Attempts per run: a loaded shared machine sometimes loses the trace (NO_NAVSTART, NO_FCP), which says nothing about the page. */
const ATTEMPTS = 3;
async function audit(page: string) {
  for (let attempt = 1; ; attempt++) {
    const r = await lighthouse(
      `${server.url}${page}`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      },
      config,
    );
    if (!r) throw new Error(`Lighthouse 没有结果: ${page}`);
    const error = r.lhr.runtimeError;
    if (!error) return r;
    if (attempt >= ATTEMPTS)
      throw new Error(`Lighthouse 出错（已试 ${ATTEMPTS} 次）: ${page}: ${error.message}`);
    console.log(`  ${page} 第 ${attempt} 次运行出错（${error.code}），重试`);
  }
}
const results: { page: string; scores: Scores; runs: Scores[] }[] = [];
try {
  for (const page of pages) {
    const all: Scores[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await audit(page);
      const failed = Object.values(r.lhr.audits).filter(
        (a) =>
          a.score !== null &&
          a.score < 1 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'manual' &&
          a.scoreDisplayMode !== 'notApplicable',
      );
      all.push(
        Object.fromEntries(
          LIGHTHOUSE_CATEGORIES.map((c) => [
            c,
            Math.round((r.lhr.categories[c]?.score ?? 0) * 100),
          ]),
        ) as Scores,
      );
      if (process.env.LH_DEBUG)
        writeFileSync(`/tmp/lh-${page.replace(/\W+/g, '_')}.json`, JSON.stringify(r.lhr));
      if (i === runs - 1 && failed.length)
        console.log(
          `  ${page} 未满分的审计: ${failed.map((a) => `${a.id}(${a.score})`).join(', ')}`,
        );
    }
    results.push({ page, scores: medianScores(all), runs: all });
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(
  `Lighthouse 12（${values.preset === 'desktop' ? '桌面端 desktop 预设' : '移动端默认设置'}），${runs} 次的中位数：`,
);
console.log(['页面'.padEnd(48), ...LIGHTHOUSE_CATEGORIES.map((c) => c.padStart(15))].join(''));
for (const r of results)
  console.log(
    [r.page.padEnd(48), ...LIGHTHOUSE_CATEGORIES.map((c) => String(r.scores[c]).padStart(15))].join(
      '',
    ),
  );
if (values['json-out']) writeFileSync(values['json-out'], JSON.stringify(results, null, 2));
const low = results.flatMap((r) => belowMinimum(r.scores, min).map((s) => `${r.page}: ${s}`));
if (low.length) {
  console.error(`低于 ${min} 分：\n${low.join('\n')}`);
  process.exit(1);
}
