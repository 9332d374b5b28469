/**
 * `npm run check`: validates all content without building and prints every
 * problem as `path:line: field: 说明 (expected …, found …)`. Exit 1 on any.
 *
 *   npm run check [-- --staged]
 */
import { parseArgs } from 'node:util';
import { checkContent } from './lib/check-content';
import { formatProblem } from '../src/lib/schema/messages';
import { withStagedTree } from './lib/git/staged-tree';

const { values } = parseArgs({
  options: { staged: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`用法: npm run check [-- --staged]
检查 content/ 下的全部文章和数据文件（不构建网站），一次列出所有问题，
每行一处：文件:行: 字段: 说明 (expected 应为…, found 实际是…)。有问题时退出码为 1。
  --staged   只检查 git 暂存区里的版本（pre-commit 钩子用）`);
  process.exit(0);
}

try {
  const started = performance.now();
  const result = values.staged ? withStagedTree(checkContent) : checkContent();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  for (const p of result.problems) console.error(formatProblem(p));
  if (result.problems.length) {
    console.error(
      `\n发现 ${result.problems.length} 处问题（${result.articles} 篇文章通过），请修改后重试。(${result.problems.length} problem(s), ${seconds}s)`,
    );
    // exitCode, not exit(): let every line reach a piped stderr before the process ends.
    process.exitCode = 1;
  } else {
    console.log(
      `检查通过：${result.articles} 篇文章、${result.dataFiles} 个数据文件，没有问题。(${seconds}s)`,
    );
  }
} catch (error) {
  // An editor sees one clear line, never a stack trace.
  console.error(`检查无法完成：${(error as Error).message}`);
  process.exitCode = 2;
}
