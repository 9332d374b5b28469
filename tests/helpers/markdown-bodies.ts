/**
 * Markdown bodies that exercise everything the site's Markdown configuration
 * does, and what the articles loader's `renderMarkdown` makes of them, for the
 * render-worker tests (tests/unit/markdown-pool.test.ts,
 * tests/build/markdown-workers.test.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import config from '../../astro.config.mjs';
import { astroMarkdownRemark } from '../../src/lib/markdown/renderer';
import { ROOT } from './site';

/** Varied bodies: everything the site's plugins touch, and Chinese prose. */
export const MARKDOWN_BODIES = [
  `## 一、基本情况\n\n非公有制企业党组织覆盖率稳步提高，党员业主兼任党组织书记的占 41.5%。\n`,
  `| 项目 | 人数 | 备注 |\n| :--- | ---: | :---: |\n| 党员业主兼任 | 45 | 41% |\n| 群团负责人 | 12 | **11%** |\n| 无对齐 | x | y |\n`,
  `| 只有表头 |\n| --- |\n`,
  `正文引用脚注[^1]，再引用一个[^note]，再引用第一个[^1]。\n\n[^1]: 第一个脚注。\n[^note]: 第二个脚注，带 [链接](https://www.gov.cn/)。\n`,
  `- [x] 已完成\n- [ ] 未完成\n  - [ ] 嵌套任务\n\n1. 第一\n2. 第二\n\n3. 从三开始\n`,
  `他说 "直引号" 和 'single quotes' -- 以及 --- 破折号... 还有 \`\`backticks'' 和 it's。\n`,
  `[人民网](http://www.people.com.cn/)、[站内](/notices/)、[锚点](#top)、<https://www.xinhuanet.com> 和 www.gov.cn，邮件 a@example.com。\n`,
  `[协议相对](//example.com/x) [mailto](mailto:a@example.com) [带标题](https://example.com "标题")\n`,
  `<script>alert(1)</script>\n\n<img src="/a.jpg" onerror="alert(1)">\n\n<p style="color:red">红</p>\n`,
  `[点我](javascript:alert(1)) [图](data:text/html,x) ![图片](data:image/png;base64,iVBORw0KGgo=)\n`,
  `![本地图片](./images/a.jpg) ![远程图片](https://example.com/b.png "标题")\n`,
  `> 引用：凝聚向上的力量。\n>\n> > 嵌套引用\n\n---\n\n~~删除线~~、*强调*、**加粗**、***两者***、\`行内 <代码>\`。\n`,
  '```js\nconst x = "<b>";\n```\n\n```\n代码块 <不是标签> {不是表达式}\n```\n\n    缩进代码\n',
  `# 标题\n\n## 标题\n\n### Title with "quotes" & 符号！\n\n#### 重复\n\n#### 重复\n`,
  `行尾两个空格  \n硬换行\\\n反斜杠换行 &amp; &copy; &#x4E2D; &nbsp; <!-- 注释 -->\n`,
  `<div>块级 HTML</div>\n\n<span onclick="x()">行内</span> <a href="https://example.com">原始链接</a>\n`,
  `外部链接：[新华网](https://www.xinhuanet.com/)、[人民网](http://www.people.com.cn/ "人民网")、www.gov.cn 与 https://www.12371.cn 。\n`,
  '```\n代码里 "引号" -- 不变...\n```\n\n正文里 "引号" -- 变...\n',
  '',
  `${'中国非公企业党建工作的基本情况，'.repeat(300)}\n\n${'第二段落。'.repeat(100)}\n`,
];

/** Astro's own config validation: the `config` a loader context carries. */
export async function resolveAstroConfig(
  userConfig: unknown = config,
): Promise<{ markdown: object }> {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  const validate = pathToFileURL(join(astro, '../dist/core/config/validate.js')).href;
  const { validateConfig } = (await import(validate)) as {
    validateConfig: (c: unknown, root: string, cmd: string) => Promise<{ markdown: object }>;
  };
  return validateConfig(userConfig, ROOT, 'build');
}

/**
 * What the content layer's `renderMarkdown` does (astro/dist/content/content-layer.js):
 * Astro's copy of the processor over the resolved `config.markdown`, `render(body)`.
 */
export async function astroRenderMarkdown(): Promise<(body: string) => Promise<string>> {
  const { markdown } = await resolveAstroConfig();
  const { createMarkdownProcessor } = await astroMarkdownRemark();
  const processor = await createMarkdownProcessor(markdown);
  return async (body) => (await processor.render(body)).code;
}
