/**
 * `npm run new -- --channel <id> --title "…" [--author …] [--editor …] [--slug …]`
 * creates an article file and prints its path and future URL.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { articleContext } from '../src/lib/content/article-context';
import { newArticle } from './lib/new-article';
import { parseArticle, slugOf } from '../src/lib/content/parse-article';
import { articlesDir, displayPath, listArticleFiles } from '../src/lib/content/paths';
import { formatProblem } from '../src/lib/schema/messages';
import { absoluteUrl, articlePath } from '../src/lib/urls';

const HELP = `用法: npm run new -- --channel <频道编号> --title "标题" [--author 作者] [--editor 编辑] [--slug 网址名]
新建一篇文章：日期为今天（北京时间），来源为网站全称，先存为草稿（draft: true）。
网址名（文件名）只能用小写英文字母、数字和连字符；不给 --slug 时用“日期-标题哈希”。
已有同名文件时拒绝覆盖。`;

try {
  const { values } = parseArgs({
    options: {
      channel: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      editor: { type: 'string' },
      slug: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!values.channel || values.title === undefined) {
    console.error(`缺少 --channel 或 --title\n\n${HELP}`);
    process.exit(2);
  }
  const ctx = articleContext();
  const dir = articlesDir();
  const { slug, abs, text } = newArticle(
    { ...values, channel: values.channel, title: values.title, source: ctx.defaultSource },
    dir,
  );
  const clash = listArticleFiles(dir).find((f) => slugOf(f) === slug);
  if (existsSync(abs) || clash) {
    console.error(`文件已存在，不会覆盖：${displayPath(clash ?? abs)}（换一个 --slug）`);
    process.exit(1);
  }
  // The same validation as npm run check, before anything is written.
  const { problems } = parseArticle(displayPath(abs), Buffer.from(text), ctx);
  if (problems.length) {
    problems.forEach((p) => console.error(formatProblem(p)));
    process.exit(1);
  }
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text, { flag: 'wx' });
  console.log(
    `已创建 ${displayPath(abs)}\n网址：${absoluteUrl(articlePath(slug))}\n（草稿：写好正文后删掉 draft: true）`,
  );
} catch (error) {
  console.error(`无法新建文章：${(error as Error).message}`);
  process.exit(2);
}
