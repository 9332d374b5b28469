/**
 * `npm run bench:snapshot [-- --articles 10000 --runs 3 --query-runs 5]`:
 * snapshot time and size on a generated corpus (medians over runs), then the
 * offline search opened from file:// in headless Chromium for a few queries:
 * bytes and script files loaded and ms to the first results (medians).
 * `--site <dir>` packages an existing build of such a corpus instead of
 * building one. Runs under the heavy-jobs lock (see package.json).
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser';
import { measureOfflineQuery, type OfflineQueryRun } from './lib/snapshot/measure';
import { offlineQueryCost } from './lib/snapshot/query-cost';
import { createSnapshot, type SnapshotResult } from './lib/snapshot/snapshot';
import { readZip } from './lib/snapshot/zip';
import { siteUrl } from '../src/lib/urls';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'query-runs': { type: 'string', default: '5' },
    site: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    '用法: npm run bench:snapshot [-- --articles N --runs R --query-runs Q --site <已构建的目录>]\n在生成的 N 篇文章上测离线存档的用时和大小（R 次取中位数），再在 Chromium 中从 file:// 打开离线搜索，测几个查询载入的字节数和首批结果用时（Q 次取中位数）。',
  );
  process.exit(0);
}
const root = process.cwd();
const work = resolve('.snapshot-build/bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// A copy of content/ plus the corpus, so the real content folder is untouched.
const content = join(work, 'content');
if (!values.site) cpSync('content', content, { recursive: true });
const gen = values.site
  ? { status: 0 }
  : spawnSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'scripts/corpus.ts',
        '--articles',
        values.articles!,
        '--out',
        join(content, 'articles/_corpus'),
      ],
      { stdio: 'inherit' },
    );
if (gen.status !== 0) process.exit(1);
process.env.FEIGONG_CONTENT = content;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: { total: number; r: SnapshotResult }[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const t = performance.now();
  const r = await createSnapshot({
    root,
    outDir: join(work, `out-${i}`),
    origin: siteUrl(),
    from: values.site,
  });
  runs.push({ total: (performance.now() - t) / 1000, r });
  console.error(`run ${i + 1}: ${runs.at(-1)!.total.toFixed(1)} s`);
}
const last = runs.at(-1)!.r;
const files = new Map(
  [...readZip(readFileSync(last.zip))].map(([p, b]) => [p.slice(p.indexOf('/') + 1), b] as const),
);
const searchBytes = [...files]
  .filter(([p]) => p.startsWith('search/'))
  .reduce((s, [, b]) => s + b.length, 0);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const s = (k: keyof SnapshotResult['timings']) =>
  `${median(runs.map((x) => x.r.timings[k])).toFixed(1)} s`;
console.log(`\n离线存档基准：${values.articles} 篇生成文章，${runs.length} 次取中位数`);
console.log(
  `  总用时 ${median(runs.map((x) => x.total)).toFixed(1)} s（构建 ${s('build')}，离线化+索引 ${s('offline')}，zip ${s('zip')}，WACZ ${s('wacz')}）`,
);
console.log(
  `  zip ${mb(last.bytes)}，WACZ ${mb(statSync(last.wacz!).size)}，${last.pages} 个页面，${last.files} 个文件，离线搜索文件共 ${mb(searchBytes)}（未压缩）`,
);
console.log(
  `  同一提交两次存档逐字节相同：${runs.length > 1 && runs.every((x) => readFileSync(x.r.checksum, 'utf8') === readFileSync(last.checksum, 'utf8')) ? '是' : '（只跑了一次）'}`,
);

// The offline search in Chromium, from file://, a fresh context (cold cache) per run.
// Outside the project, so a lint run meanwhile does not see the snapshot's scripts.
const unpacked = mkdtempSync(join(tmpdir(), 'feigong-bench-snapshot-'));
for (const [p, b] of files) {
  mkdirSync(dirname(join(unpacked, p)), { recursive: true });
  writeFileSync(join(unpacked, p), b);
}
const QUERIES: [kind: string, q: string][] = [
  ['多数文章都有的短语', '党群共建'],
  ['常见单字', '党'],
  ['带引号的短语', '"党组织"'],
  ['少见的短语', '杭州律师事务所'],
  ['少见的字', '践'],
  ['两个词', 'AI党建 2015'],
  ['不存在的词', '台风'],
];
const browser = await launchChromium();
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`  离线搜索（Chromium，file://，冷缓存，${values['query-runs']} 次取中位数）：`);
console.log('  | 查询 | 载入字节（全部） | 其中 search/ | 脚本文件 | 首批结果 ms | 结果 |');
console.log('  | --- | --- | --- | --- | --- | --- |');
try {
  for (const [kind, q] of QUERIES) {
    const xs: OfflineQueryRun[] = [];
    for (let i = 0; i < Number(values['query-runs']); i++)
      xs.push(await measureOfflineQuery(browser, unpacked, q));
    const c = await offlineQueryCost(files, q);
    console.log(
      `  | ${kind} ${q} | ${kb(median(xs.map((x) => x.bytes)))} | ${kb(median(xs.map((x) => x.searchBytes)))} | ${median(xs.map((x) => x.scripts))} | ${median(xs.map((x) => x.ms)).toFixed(0)} | ${xs.at(-1)!.status}（模型：${c.files} 个文件 ${kb(c.bytes)}，候选 ${c.candidates} 篇） |`,
    );
  }
} finally {
  await browser.close();
  rmSync(unpacked, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
