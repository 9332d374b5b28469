/**
 * `npm run import -- <files or folders>`: converts captured pages of the old
 * site (plain-text captures and saved HTML pages) into article files.
 */
import { parseArgs } from 'node:util';
import { articleContext } from '../src/lib/content/article-context';
import { loadDataFile } from '../src/lib/content/data-files';
import { articlesDir } from '../src/lib/content/paths';
import { importPages } from './lib/import/import-pages';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length === 0) {
  console.log(`用法: npm run import -- <文件或目录>…
把旧网站的页面（纯文本抓取 .txt，或浏览器另存的 .htm/.html，GBK 或 UTF-8）转成 content/articles 下的文章。
读出标题、日期、来源、作者、编辑和频道（来自面包屑），保留正文段落和①②③标记，
去掉导航、推广、链接列表和页脚；< { } 等字符会被转义，MDX 显示的与原文一致。
导入生成的文件带 importedFrom（日期-标题哈希 [旧网址]）；再次导入同一页面只更新带相同
importedFrom 的文件，否则新建 content/articles/<年>/<日期>-<标题哈希>.mdx（重名时加 -2、-3…）。
编辑写的文章从不覆盖：同日期同标题的文章会被报告，这一页跳过；旧网址已属于另一篇时不加入 aliases。
无法解析或有冲突的页面会说明原因，其余照常导入；有跳过或冲突时退出码为 1。`);
  process.exit(positionals.length === 0 && !values.help ? 2 : 0);
}

try {
  const ctx = articleContext();
  const channels = loadDataFile('channels').map((c) => ({ id: c.id, name: c.data.name }));
  const outcomes = importPages(positionals, articlesDir(), { ...ctx, channels });
  const label = { created: '新建', updated: '更新', unchanged: '未变' } as const;
  for (const o of outcomes) {
    if (o.status === 'skipped') console.error(`跳过 ${o.source}: ${o.reason}`);
    else {
      console.log(`${label[o.status]} ${o.file} ← ${o.source}`);
      for (const note of o.notes ?? []) console.error(`注意 ${o.source}: ${note}`);
    }
  }
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  const noted = outcomes.filter((o) => o.status !== 'skipped' && o.notes?.length).length;
  console.log(
    `\n导入 ${outcomes.length - skipped} 个页面，跳过 ${skipped} 个${noted ? `，${noted} 个有冲突（见“注意”）` : ''}。`,
  );
  process.exit(skipped || noted ? 1 : 0);
} catch (error) {
  console.error(`导入无法完成：${(error as Error).message}`);
  process.exit(2);
}
