/**
 * `npm run bench:cms [-- --articles 10000 --runs 3]`: the web editor on a
 * throwaway clone holding N generated articles (year folders, as editors keep
 * them), in headless Chromium: time to open the article list, to open one
 * article, and to save one (publish until the commit exists). Prints medians.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataFile } from '../src/lib/content/data-files';
import { generateCorpus } from './lib/corpus/generate';
import { projectRoot, startCms } from './lib/cms/server';
import { collectionName } from './lib/cms/config';
import { launchChromium } from './lib/browser';
import { ensureCmsDependencies, git, publishNow, signIn } from './lib/cms/drive';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run bench:cms [-- --articles N] [--runs R]
在临时克隆里生成 N 篇文章（默认 10000，按年份分目录），用无头 Chromium 打开网页编辑器，测量：
打开文章列表、打开一篇文章、保存一篇文章（到提交完成）的时间，打印 R 次（默认 3）的中位数。
请在 flock /tmp/feigong-heavy.lock 下运行（npm 脚本已包含）。`);
  process.exit(0);
}
const count = Number(values.articles);
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

ensureCmsDependencies();
const base = mkdtempSync(join(tmpdir(), 'feigong-bench-cms-'));
const repo = join(base, 'repo');
execFileSync('git', ['clone', '--quiet', projectRoot, repo]);
git(repo, 'config', 'user.name', 'bench');
git(repo, 'config', 'user.email', 'bench@example.invalid');
const channels = readDataFile('channels', join(repo, 'content/data')).entries.map((e) => e.id);
for (const a of generateCorpus({ articles: count, seed: 1, channels })) {
  const file = join(repo, 'content/articles', a.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, a.text);
}
git(repo, 'add', '-A');
git(repo, 'commit', '-qm', 'corpus');
const total = git(repo, 'ls-files', 'content/articles').split('\n').length;
console.log(`${total} 篇文章（其中生成 ${count} 篇）→ ${repo}`);

const cms = await startCms({ repo });
const browser = await launchChromium();
const times = { list: [] as number[], open: [] as number[], save: [] as number[] };
// The biggest year's collection, and one article in it.
const byYear = new Map<string, string[]>();
for (const f of git(repo, 'ls-files', 'content/articles').split('\n')) {
  const [, year, name] = /^content\/articles\/([^/]+)\/([^/]+)\.mdx$/.exec(f) ?? [];
  if (year && name) byYear.set(year, [...(byYear.get(year) ?? []), name]);
}
const [year, names] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0]!;
const target = names[Math.floor(names.length / 2)]!;
console.log(
  `列表：${year} 年文章（${names.length} 篇，共 ${byYear.size} 个文件夹/栏目）；打开并保存 ${year}/${target}`,
);
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await signIn(page, cms.url);
    await page.goto('about:blank');
    let t = performance.now();
    await page.goto(`${cms.url}#/collections/${collectionName(year)}`);
    await page
      .locator(`a[href*="/collections/${collectionName(year)}/entries/"]`)
      .first()
      .waitFor();
    times.list.push(performance.now() - t);
    console.log(`  列表 ${times.list.at(-1)!.toFixed(0)} ms`);

    await page.goto('about:blank');
    t = performance.now();
    await page.goto(`${cms.url}#/collections/${collectionName(year)}/entries/${target}`);
    const title = page.locator('[id^=title-field]');
    await title.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[id^=title-field]') as HTMLInputElement | null)?.value,
    );
    times.open.push(performance.now() - t);

    const before = Number(git(repo, 'rev-list', '--count', 'HEAD'));
    await title.fill(`基准测试修改的标题 ${run + 1}`);
    t = performance.now();
    await publishNow(page);
    while (Number(git(repo, 'rev-list', '--count', 'HEAD')) === before)
      await new Promise((r) => setTimeout(r, 20));
    times.save.push(performance.now() - t);
    await context.close();
    console.log(
      `第 ${run + 1} 次：列表 ${times.list.at(-1)!.toFixed(0)} ms，打开 ${times.open.at(-1)!.toFixed(0)} ms，保存 ${times.save.at(-1)!.toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  await cms.close();
  rmSync(base, { recursive: true, force: true });
}
const s = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s`;
console.log(`\n| articles | list of ${year} (${names.length}) | open one article | save one (until committed) |
| --- | --- | --- | --- |
| ${total.toLocaleString('en')} | ${s(times.list)} | ${s(times.open)} | ${s(times.save)} |
(medians of ${runs} runs; list and article opened in a new page each run)`);
