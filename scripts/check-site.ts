/**
 * `npm run check:site [-- --dist dist]`: link, HTML and budget checks over a
 * built site. Prints every problem with its page, the sizes, and exits 1 on any problem.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudgets, checkHtml, checkLinks, heaviest } from './lib/checks';
import { formatProblem, type Problem } from '../src/lib/schema/messages';
import { siteUrl } from '../src/lib/urls';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    origin: { type: 'string' },
    'skip-html': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run check:site [-- --dist <目录>] [--origin <网址>] [--skip-html]
检查已构建的网站：
  链接   每个页面的 href/src/srcset、订阅源和站点地图中的网址都指向输出中的文件；外部链接带 rel="noopener noreferrer"
  HTML   html-validate（recommended 规则）零错误
  预算   文章页 HTML+CSS ≤ 25 KB gzip；交互前 JavaScript ≤ 2 KB gzip
--origin 默认为 SITE_URL（${siteUrl()}）：该域名下的绝对网址按站内链接检查。`);
  process.exit(0);
}
const dist = resolve(values.dist!);
if (!existsSync(dist)) {
  console.error(`没有找到 ${values.dist}：请先运行 npm run build`);
  process.exit(2);
}
const problems: Problem[] = [];
const t0 = performance.now();
const links = checkLinks(dist, { origin: values.origin ?? siteUrl() });
problems.push(...links.problems);
console.log(
  `链接: ${links.pages} 个页面, ${links.checked} 个站内网址, ${links.problems.length} 个问题`,
);
if (!values['skip-html']) {
  const html = await checkHtml(dist);
  problems.push(...html.problems);
  console.log(`HTML: ${html.pages} 个页面, ${html.problems.length} 个错误`);
}
const budget = checkBudgets(dist);
problems.push(...budget.problems);
const { article, js, fmt } = heaviest(budget.weights);
if (article)
  console.log(
    `预算: 最大的文章页 ${article.page} HTML ${fmt(article.htmlGzip)} + CSS ${fmt(article.cssGzip)} = ${fmt(article.htmlGzip + article.cssGzip)} gzip (上限 ${fmt(budget.budgets.articleHtmlCssGzip)})`,
  );
if (js)
  console.log(
    `预算: JavaScript 最多的页面 ${js.page} ${fmt(js.jsGzip)} gzip (上限 ${fmt(budget.budgets.jsGzip)})`,
  );
console.log(`用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(`\n共 ${problems.length} 个问题。`);
  process.exit(1);
}
console.log('全部通过。');
