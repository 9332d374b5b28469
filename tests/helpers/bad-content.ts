import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './site';

const fm = (fields: string, body = '正文第一段。') => `---\n${fields}\n---\n\n${body}\n`;
const ok = (extra = '', title = '正常标题') =>
  `title: "${title}"\ndate: 2015-03-24\neditor: 付文\nchannel: jiceng${extra ? `\n${extra}` : ''}`;

/**
 * Broken articles, one problem each, keyed by file (relative to articles/),
 * with the words the editor must see. `null` marks input that is fine and
 * must build (CRLF line endings, a 200 KB paragraph).
 */
export const BAD_ARTICLES: Record<string, { content: string | Buffer; expect: RegExp | null }> = {
  'empty.mdx': { content: '', expect: /empty\.mdx:1: file: 文件是空的/ },
  'no-frontmatter.mdx': {
    content: '只有正文，没有 frontmatter。\n',
    expect: /no-frontmatter\.mdx:1: frontmatter: 文件开头缺少 frontmatter/,
  },
  'unclosed.mdx': {
    content: `---\n${ok()}\n\n正文。\n`,
    expect: /unclosed\.mdx:1: frontmatter: frontmatter 没有结束/,
  },
  'yaml-tab.mdx': {
    content: fm(`${ok()}\ntags:\n\t- a`),
    expect: /yaml-tab\.mdx:7: frontmatter: frontmatter 不能用 Tab 缩进/,
  },
  'fullwidth-colon.mdx': {
    content: fm('title： 标题\ndate: 2015-03-24\nchannel: jiceng'),
    expect: /fullwidth-colon\.mdx:2: title: 字段名后面用了中文冒号/,
  },
  'crlf.mdx': { content: fm(ok(), '第一段。\n\n第二段。').replace(/\n/g, '\r\n'), expect: null },
  'blank-title.mdx': {
    content: fm(ok('', '   ')),
    expect: /blank-title\.mdx:2: title: 标题不能为空/,
  },
  'missing-title.mdx': {
    content: fm('date: 2015-03-24\nchannel: jiceng'),
    expect: /missing-title\.mdx:2: title: 缺少标题/,
  },
  'date-slash.mdx': {
    content: fm('title: 日期\ndate: 2015/03/24\nchannel: jiceng'),
    expect: /date-slash\.mdx:3: date: 日期格式不对.*found "2015\/03\/24"/,
  },
  'date-chinese.mdx': {
    content: fm('title: 日期\ndate: 2015年3月24日\nchannel: jiceng'),
    expect: /date-chinese\.mdx:3: date: 日期格式不对.*found "2015年3月24日"/,
  },
  'date-feb30.mdx': {
    content: fm('title: 日期\ndate: 2015-02-30\nchannel: jiceng'),
    expect: /date-feb30\.mdx:3: date: 这一天不存在.*found "2015-02-30"/,
  },
  'huge-paragraph.mdx': { content: fm(ok(), '长'.repeat(70_000)), expect: null },
  'html-title.mdx': {
    content: fm(ok('', '<script>alert(1)</script>标题')),
    expect: /html-title\.mdx:2: title: 标题不能包含 HTML 标签或脚本/,
  },
  'unknown-channel.mdx': {
    content: fm('title: 频道\ndate: 2015-03-24\nchannel: news'),
    expect:
      /unknown-channel\.mdx:4: channel: 未知的频道 \(expected 以下频道编号之一：jiceng（基层点睛）、anli（案例）.*found "news"\)/,
  },
  'unknown-field.mdx': {
    content: fm(`${ok()}\ntitel: 拼错`),
    expect: /unknown-field\.mdx:6: titel: 不认识的字段：titel/,
  },
  'duplicate-key.mdx': {
    content: fm(`${ok()}\neditor: 又一个`),
    expect: /duplicate-key\.mdx:\d+: frontmatter: 同一个字段写了两次/,
  },
  'draft-text.mdx': {
    content: fm(`${ok()}\ndraft: maybe`),
    expect: /draft-text\.mdx:6: draft: 草稿 draft 只能是 true 或 false/,
  },
  'empty-body.mdx': {
    content: `---\n${ok()}\n---\n\n   \n`,
    expect: /empty-body\.mdx:7: body: 正文是空的/,
  },
  'bom.mdx': {
    content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fm(ok()))]),
    expect: /bom\.mdx:1: file: 文件带有 BOM 标记/,
  },
  'gbk.mdx': {
    content: Buffer.concat([
      Buffer.from(fm(ok()).slice(0, 60)),
      Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0x0a]),
    ]),
    expect: /gbk\.mdx:\d+: file: 文件不是 UTF-8 编码/,
  },
  '开化党建.mdx': {
    content: fm(ok()),
    expect: /开化党建\.mdx: file: 文件名就是文章网址，只能用小写英文字母/,
  },
  'a/same-name.mdx': { content: fm(ok()), expect: null },
  'b/same-name.mdx': {
    content: fm(ok()),
    expect:
      /b\/same-name\.mdx: file: 两篇文章的网址相同：\/articles\/same-name\/，另一篇是 .*a\/same-name\.mdx/,
  },
  'alias-page.mdx': {
    content: fm(ok('aliases: [/notices/]')),
    expect: /alias-page\.mdx:6: aliases: 旧网址与站内已有的页面相同.*found "\/notices\/"/,
  },
  'alias-one.mdx': {
    content: fm(ok('aliases: [/content/2015-03/24/content_1.htm]')),
    expect: null,
  },
  'alias-two.mdx': {
    content: fm(ok('aliases: [/content/2015-03/24/content_1.htm]')),
    expect: /alias-two\.mdx:6: aliases: 这个旧网址已经跳转到另一篇文章：.*alias-one\.mdx/,
  },
  'alias-wildcard.mdx': {
    content: fm(ok('aliases: ["/*"]')),
    expect: /alias-wildcard\.mdx:6: aliases: 旧网址里不能有 \*.*found "\/\*"/,
  },
  'alias-placeholder.mdx': {
    content: fm(ok('aliases: [/old/:id]')),
    expect: /alias-placeholder\.mdx:6: aliases: 旧网址里不能有 :.*found "\/old\/:id"/,
  },
  'alias-own-file.mdx': {
    content: fm(ok('aliases: [/_headers]')),
    expect: /alias-own-file\.mdx:6: aliases: 旧网址与构建自己生成的文件相同/,
  },
  'alias-dot-segment.mdx': {
    content: fm(ok('aliases: [/./articles/x/]')),
    expect: /alias-dot-segment\.mdx:6: aliases: 旧网址里不能有 \. 或 \.\. 这样的路径段/,
  },
  'alias-folder.mdx': {
    content: fm(ok('aliases: [/content/f.htm, /content/f.htm/g.htm]')),
    expect:
      /alias-folder\.mdx:6: aliases: 旧网址要求 \/content\/f\.htm 是目录，但它已经是一个文件.*found "\/content\/f\.htm\/g\.htm"/,
  },
  'bad-link.mdx': {
    content: fm(ok(), '第一段。\n\n见[另一篇](/articles/no-such-article/)。'),
    expect:
      /bad-link\.mdx:10: body: 链接指向的文章或页面不存在.*found "\/articles\/no-such-article\/"/,
  },
  'bad-image.mdx': {
    content: fm(ok(), '![照片](/images/missing.jpg)'),
    expect: /bad-image\.mdx:8: body: 图片文件不存在 \(expected public\/images\/missing\.jpg/,
  },
  'bad-cover.mdx': {
    content: fm(ok('cover: /images/nope.png')),
    expect: /bad-cover\.mdx:6: cover: 图片文件不存在/,
  },
  'bad-related.mdx': {
    content: fm(ok('related: [no-such-article]')),
    expect: /bad-related\.mdx:6: related: 相关稿件里的文章不存在/,
  },
  // Issue 12: nothing in content runs script.
  'script-body.mdx': {
    content: fm(ok(), '<script>alert(document.cookie)</script>'),
    expect: /script-body\.mdx:8: body: 正文不能包含 <script> 标签.*found "<script"/,
  },
  'js-link.mdx': {
    content: fm(ok(), '见[原文](JaVaScRiPt:alert(1))。'),
    expect: /js-link\.mdx:8: body: 地址不能以 javascript: 开头.*found "JaVaScRiPt:alert\(1\)"/,
  },
  'encoded-js-link.mdx': {
    content: fm(ok(), '见[原文](java&#x09;script:alert(1))。'),
    expect: /encoded-js-link\.mdx:8: body: 地址不能以 javascript: 开头/,
  },
  'onerror-body.mdx': {
    content: fm(ok(), '<img src="/images/x.jpg" onerror="alert(1)" />'),
    expect: /onerror-body\.mdx:8: body: 正文里的标签不能带 onerror 这样的事件属性/,
  },
  'title-unclosed-tag.mdx': {
    content: fm(ok('', '标题<img src=x onerror=alert(1)')),
    expect: /title-unclosed-tag\.mdx:2: title: 标题不能包含 HTML 标签或脚本/,
  },
  'summary-markup.mdx': {
    content: fm(ok('summary: "<b>摘要</b>"')),
    expect: /summary-markup\.mdx:6: summary: 摘要不能包含 HTML 标签或脚本/,
  },
  // Issue 12: what passes the check builds.
  'braces-as-punctuation.mdx': {
    content: fm(ok(), '第一段。\n\n今年开展{三个一}活动。'),
    expect:
      /braces-as-punctuation\.mdx:10: body: 花括号 \{ \} 在 MDX 里表示代码，“三个一”不是可用的组件或 frontmatter 字段.*请写 \\\{三个一\\\}.*found "\{三个一\}"/,
  },
  'escaped-braces.mdx': {
    content: fm(ok(), '今年开展\\{三个一\\}活动，标题是{frontmatter.title}。'),
    expect: null,
  },
  'unknown-component.mdx': {
    content: fm(ok(), '第一段。\n\n<Chart data="x" />'),
    expect: /unknown-component\.mdx:10: body: 没有名为 Chart 的组件 \(expected 可用的组件：Callout/,
  },
  'esm-import.mdx': {
    content: fm(ok(), 'import fs from "node:fs"\n\n正文。'),
    expect: /esm-import\.mdx:8: body: 正文里不能写 import 或 export 语句/,
  },
  'deep-quote.mdx': {
    content: fm(ok(), `${'> '.repeat(3000)}引文`),
    expect: /deep-quote\.mdx:8: body: 引用（>）或列表嵌套太深，超过 30 层/,
  },
  'mark-flood.mdx': {
    content: fm(ok(), '!['.repeat(64 * 1024)),
    expect: /mark-flood\.mdx:8: body: 这一段的 Markdown 标记.*超过 500 个/,
  },
  'dots-fence.mdx': {
    content: `---\n${ok()}\n...\n\n正文 <Callout>注意</Callout>\n`,
    expect: /dots-fence\.mdx:6: frontmatter: frontmatter 要用 --- 结束，不能用 \.\.\./,
  },
  'mdx-syntax.mdx': {
    content: fm(ok(), '第一段。\n\n第二段有 {未闭合的表达式。\n'),
    expect: /mdx-syntax\.mdx:10: body: MDX 语法错误/,
  },
};

/** A content folder with the real site data and every broken article above. */
export function writeBadContent(opts: { brokenData?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'feigong-bad-'));
  cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
  for (const [name, { content }] of Object.entries(BAD_ARTICLES)) {
    const file = join(dir, 'articles', name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  if (opts.brokenData) {
    writeFileSync(join(dir, 'data/notices.yaml'), '- title: 公告\n  date: 2015/03/24\n');
    // Starts with / but a browser reads it as another host (issue 12).
    writeFileSync(
      join(dir, 'data/friend-links.yaml'),
      '- name: 友站\n  url: "/\\\\evil.example/x"\n',
    );
  }
  return dir;
}
