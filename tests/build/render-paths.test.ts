import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment, serialize } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readBuilt, ROOT, type BuildResult } from '../helpers/site';

/**
 * The same component-free body, once through the Markdown path (rendered by
 * the articles loader) and once forced through the MDX compiler
 * (FEIGONG_FORCE_MDX), must give the same article HTML: the same DOM. The
 * two serializers spell a few things differently that parse to the same
 * nodes (`data-x` / `data-x=""`, `<input>` / `<input/>`, `&#x3C;` / `&lt;`),
 * so both sides are parsed and re-serialized by one HTML parser first.
 */
const BODY = `## 一、基本情况

这是带 "直引号" 和 'single quotes' 的正文 -- 以及省略号... 还有 **加粗**、*强调*、~~删除线~~、[人民网](http://www.people.com.cn/) 和 \`行内代码\`。

| 项目 | 人数 | 备注 |
| :--- | ---: | :---: |
| 党员业主兼任 | 45 | 41% |
| 群团负责人兼任 | 12 | **11%** |

- 第一项
- 第二项
  - 嵌套项

3. 从三开始
4. 有序第二项

- [x] 已完成
- [ ] 未完成

正文引用脚注[^1]，再引用一个[^note]。

> 引用：凝聚向上的力量。

网址自动链接 www.gov.cn 与 https://www.xinhuanet.com 。

\`\`\`
代码块 <不是标签> {不是表达式}
\`\`\`

[^1]: 第一个脚注。
[^note]: 第二个脚注，带 [链接](https://www.gov.cn/)。
`;

const article = (title: string) => `---
title: ${title}
date: 2020-05-01
editor: 测试
channel: jiceng
---

${BODY}`;

/** The rendered body: from the prose wrapper to the end of the article element. */
function prose(html: string): string {
  const start = html.indexOf('class="prose"');
  const end = html.indexOf('</article>', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return html.slice(html.indexOf('>', start) + 1, end);
}

const count = (s: string, needle: string) => s.split(needle).length - 1;
const dom = (html: string) => serialize(parseFragment(html));

describe('Markdown and MDX render paths', () => {
  let build: BuildResult;
  let viaMarkdown: string;
  let viaMdx: string;

  beforeAll(() => {
    // Inside the project: Astro's store wants article paths relative to the site root.
    mkdirSync(join(ROOT, '.test-output'), { recursive: true });
    const content = mkdtempSync(join(ROOT, '.test-output', 'paths-'));
    cpSync(join(ROOT, 'content/data'), join(content, 'data'), { recursive: true });
    mkdirSync(join(content, 'articles'));
    writeFileSync(join(content, 'articles/path-markdown.mdx'), article('同一正文：Markdown 路径'));
    writeFileSync(join(content, 'articles/path-mdx.mdx'), article('同一正文：MDX 路径'));
    build = buildSite({ content, env: { FEIGONG_FORCE_MDX: 'path-mdx' } });
    if (build.status !== 0) throw new Error(build.output);
    viaMarkdown = prose(readBuilt(build.outDir, '/articles/path-markdown/'));
    viaMdx = prose(readBuilt(build.outDir, '/articles/path-mdx/'));
  });

  it('really sent one article through each path', () => {
    expect(build.output).toMatch(/2 articles \(1 rendered, 0 from cache, 1 compiled as MDX\)/);
  });

  it('gives identical article HTML', () => {
    expect(dom(viaMdx)).toBe(dom(viaMarkdown));
    // The comparison is not vacuous: the bodies are long and complete.
    expect(dom(viaMarkdown).length).toBeGreaterThan(1500);
    expect(viaMdx).toContain('第二个脚注');
  });

  it('renders GFM tables, lists, task lists, strikethrough, autolinks and footnotes, once', () => {
    const html = viaMarkdown;
    expect(count(html, '<table>')).toBe(1);
    expect(html).toContain('<th class="align-right">人数</th>');
    expect(count(html, '<tr>')).toBe(3);
    expect(html).toContain('<del>删除线</del>');
    expect(html).toContain('<ol start="3">');
    expect(count(html, 'type="checkbox"')).toBe(2);
    expect(html).toContain('href="http://www.gov.cn"');
    expect(html).toContain('href="https://www.xinhuanet.com"');
    // One footnote section with both notes; a second GFM pass would add another.
    expect(count(html, 'data-footnotes')).toBe(1);
    expect(count(html, 'data-footnote-ref')).toBe(2);
    expect(count(html, 'data-footnote-backref=')).toBe(2);
    expect(html).toContain('&#x3C;不是标签> {不是表达式}');
  });

  it('applies SmartyPants to ASCII quotes, dashes and ellipses', () => {
    expect(viaMarkdown).toContain('“直引号”');
    expect(viaMarkdown).toContain('‘single quotes’');
    expect(viaMarkdown).toContain('正文 — 以及省略号…');
  });
});
