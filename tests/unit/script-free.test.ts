/**
 * Issue 12, "nothing in content runs script": what `npm run check` refuses in
 * bodies, titles, summaries and data files (through the one validation path,
 * parseArticle / readDataFile), and the rules behind it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/content/data-files';
import { parseArticle, type ArticleContext } from '../../src/lib/content/parse-article';
import { formatProblem } from '../../src/lib/schema/messages';
import { dangerousScheme, hasMarkup, isSitePath } from '../../src/lib/schema/script-free';

const ctx: ArticleContext = {
  channelIds: ['jiceng'],
  channelLabels: ['jiceng（基层点睛）'],
  defaultSource: '中国非公企业党建网',
};
const FILE = 'content/articles/2015/x.mdx';
/** Without `extra`, the frontmatter ends on line 5 and the body's text starts on line 7. */
const fm = (extra = '', title = '标题') =>
  `---\ntitle: "${title}"\ndate: 2015-03-24\nchannel: jiceng\n${extra}---\n\n`;
const check = (text: string) =>
  parseArticle(FILE, new TextEncoder().encode(text), ctx).problems.map(formatProblem);
const body = (b: string) => check(`${fm()}${b}\n`);

describe('an article body that would run script is refused by the check', () => {
  it('an article body with <script> is refused by the check, with file, line and field', () => {
    const lines = body('第一段。\n\n<script>alert(document.cookie)</script>\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^content\/articles\/2015\/x\.mdx:9: body: 正文不能包含 <script> 标签.*\(expected .*found "<script"\)$/,
      ),
    ]);
  });

  it.each([
    ['upper case', '<SCRIPT src="/x.js"></SCRIPT>'],
    ['inside JSX', '<Callout title="编者按">\n<script>alert(1)</script>\n</Callout>'],
    ['inside an expression', '{<script>alert(1)</script>}'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['an object', '<object data="x.swf"></object>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['a base element', '<base href="https://evil.example/">'],
  ])('an article body with a script-bearing element (%s) is refused', (_what, b) => {
    expect(body(b).join('\n')).toMatch(/body: 正文不能包含 <\w+> 标签/);
  });

  it.each([
    ['onerror, unquoted', '<img src="/images/a.jpg" onerror=alert(1)>'],
    ['onclick, quoted', '<a href="/" onclick="alert(1)">首页</a>'],
    ['JSX onClick', '<button onClick={() => alert(1)}>按钮</button>'],
    ['an unclosed tag at the end', '正文<img src=x onerror=alert(1)'],
    ['on an SVG', '<svg onload="alert(1)"></svg>'],
    ['after a slash', '<img/onerror=alert(1) src=x>'],
  ])('an on… handler in the body is refused (%s)', (_what, b) => {
    expect(body(b).join('\n')).toMatch(/body: 正文里的标签不能带 on\w+ 这样的事件属性/);
  });

  it.each([
    ['a Markdown link, mixed case', '[点我](JaVaScRiPt:alert(1))'],
    ['an encoded tab', '[点我](java&#x09;script:alert(1))'],
    ['a decimal reference', '[点我](&#106;avascript:alert(1))'],
    ['a named colon', '[点我](javascript&colon;alert(1))'],
    ['a backslash escape', '[点我](javascript\\:alert(1))'],
    ['leading spaces and a newline', '[点我](\n   javascript:alert(1))'],
    ['angle brackets', '[点我](<javascript:alert(1)>)'],
    ['vbscript', '[点我](vbscript:msgbox(1))'],
    ['a data: page', '[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a reference definition', '见[资料][1]。\n\n[1]: javascript:alert(1)'],
    ['a reference definition on the next line', '见[资料][a]。\n\n[a]:\n  javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['an HTML href', '<a href="  javascript:alert(1)">点我</a>'],
    ['an HTML href with a newline', '<a href="java\nscript:alert(1)">点我</a>'],
    ['a JSX expression href', '<a href={"javascript:alert(1)"}>点我</a>'],
    ['an image with a data: page', '![图](data:text/html,<script>alert(1)</script>)'],
    ['an HTML form action', '<form action="javascript:alert(1)"><button>提交</button></form>'],
  ])('a javascript: link in the body is refused (%s)', (_what, b) => {
    expect(body(b).join('\n')).toMatch(/body: 地址不能以 (javascript|vbscript|data): 开头/);
  });

  it.each([
    ['a computed href', '<a href={"java" + "script:alert(1)"}>点我</a>'],
    ['a template href', '<a href={`javascript:${"alert(1)"}`}>点我</a>'],
    ['a variable src', '<img src={x} />'],
  ])('a link address written as an expression is refused (%s)', (_what, b) => {
    expect(body(b).join('\n')).toMatch(/body: 正文里标签的 (href|src) 不能写成 \{…\} 表达式/);
  });

  it('SVG animation that could set a javascript: href is refused', () => {
    expect(
      body(
        '<svg><a><animate attributeName="href" values="0;javascript:alert(1)" /></a></svg>',
      ).join('\n'),
    ).toMatch(/body: 正文不能包含 <animate> 标签/);
  });

  it('reports the line of each problem in a longer body', () => {
    const lines = body(
      '第一段。\n\n第二段[链接](javascript:x)。\n\n第三段。\n\n<img src=x onerror=y>',
    );
    expect(lines.map((l) => l.split(': ')[0])).toEqual([
      'content/articles/2015/x.mdx:9',
      'content/articles/2015/x.mdx:13',
    ]);
  });

  it('an inline style attribute, which the CSP would block, is refused', () => {
    expect(body('<p style="color:red">红字</p>').join('\n')).toMatch(
      /body: 正文里的标签不能带 style 属性/,
    );
  });

  it.each([
    ['plain prose about javascript', '本文谈谈 javascript: 这个词。'],
    ['code spans', '写成 `<script>alert(1)</script>` 或 `[x](javascript:y)` 都只是代码。'],
    ['a fenced block', '```html\n<script>alert(1)</script>\n<a href="javascript:x">x</a>\n```'],
    ['escaped markup', '\\<script> 只是文字。'],
    ['data: images', '![图](data:image/png;base64,iVBORw0KGgo=)'],
    [
      'https links and images',
      '[新华网](https://www.xinhuanet.com/)\n\n![图](https://img.example/a.jpg)',
    ],
    ['a component', '<Callout title="编者按">\n说明文字。\n</Callout>'],
  ])('an ordinary body is not refused (%s)', (_what, b) => {
    expect(body(b)).toEqual([]);
  });
});

describe('titles and summaries are plain text', () => {
  it.each([
    '标题<img src=x onerror=alert(1)',
    '标题<svg/onload=alert(1)',
    '标题</title><script>alert(1)',
    '标题<!--',
    '标题<?xml',
  ])('a title ending in unclosed markup is refused: %s', (title) => {
    expect(check(`${fm('', title)}正文。\n`).join('\n')).toMatch(
      /x\.mdx:2: title: 标题不能包含 HTML 标签或脚本/,
    );
  });

  it('a title with a lone < that is not markup is fine', () => {
    expect(check(`${fm('', '增长率 < 5% 的企业')}正文。\n`)).toEqual([]);
  });

  it('a summary with markup is refused', () => {
    expect(check(`${fm('summary: "<b>摘要</b>"\n')}正文。\n`).join('\n')).toMatch(
      /x\.mdx:5: summary: 摘要不能包含 HTML 标签或脚本/,
    );
  });

  it('a cover that is a javascript: or data: page is refused', () => {
    expect(check(`${fm('cover: "javascript:alert(1)"\n')}正文。\n`).join('\n')).toMatch(
      /x\.mdx:5: cover: 地址不能以 javascript: 开头/,
    );
    expect(check(`${fm('cover: "data:text/html,x"\n')}正文。\n`).join('\n')).toMatch(
      /x\.mdx:5: cover: 地址不能以 data: 开头/,
    );
  });
});

describe('data-file links stay on this site', () => {
  it.each([
    '/\\evil.example/x',
    '//evil.example/x',
    '/\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/ /evil.example',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' /x\u0000',
  ])('a data-file link to another host (%j) is refused', (url) => {
    expect(isSitePath(url.trim()) || /^https?:\/\//i.test(url)).toBe(false);
    const d = mkdtempSync(join(tmpdir(), 'feigong-data-'));
    writeFileSync(
      join(d, 'notices.yaml'),
      `- title: 公告\n  date: 2015-03-24\n  url: ${JSON.stringify(url)}\n`,
    );
    const { entries, problems } = readDataFile('notices', d);
    expect(entries).toEqual([]);
    expect(problems).toMatchObject([{ line: 3, field: 'url' }]);
    expect(formatProblem(problems[0]!)).toMatch(/notices\.yaml:3: url: 链接只能是/);
  });

  it.each(['/', '/articles/x/', '/content/2015-03/24/content_1.htm?a=1#b', '/%E4%B8%AD'])(
    'a site path stays on this site: %s',
    (p) => {
      expect(isSitePath(p)).toBe(true);
    },
  );

  it('a data-file entry title with markup is refused', () => {
    const d = mkdtempSync(join(tmpdir(), 'feigong-data-'));
    writeFileSync(
      join(d, 'notices.yaml'),
      '- title: "公告<img src=x onerror=alert(1)"\n  date: 2015-03-24\n',
    );
    expect(readDataFile('notices', d).problems).toMatchObject([
      { field: 'title', message: expect.stringContaining('不能包含 HTML 标签') },
    ]);
  });

  it('a partner logo that is not a site path or https:// image is refused', () => {
    const d = mkdtempSync(join(tmpdir(), 'feigong-data-'));
    writeFileSync(join(d, 'partners.yaml'), '- { name: 合作方, logo: "javascript:alert(1)" }\n');
    expect(readDataFile('partners', d).problems).toMatchObject([{ field: 'logo' }]);
  });
});

describe('the rules', () => {
  it('judges schemes as a browser reads them', () => {
    expect(dangerousScheme('\u0001 JaVa\tScRiPt:x')).toBe('javascript:');
    expect(dangerousScheme('&#x6A;&#x61;vascript&#58;x')).toBe('javascript:');
    expect(dangerousScheme('&#0000106avascript:x')).toBe('javascript:');
    expect(dangerousScheme('data:image/png;base64,AAAA', { image: true })).toBeUndefined();
    expect(dangerousScheme('data:image/svg+xml,<svg onload=alert(1)>', { image: true })).toBe(
      'data:',
    );
    expect(dangerousScheme('data:image/png;base64,AAAA')).toBe('data:');
    expect(dangerousScheme('https://www.gov.cn/')).toBeUndefined();
    expect(dangerousScheme('/articles/javascript:x/')).toBeUndefined();
  });

  it('treats < followed by a letter, /, ! or ? as markup, closed or not', () => {
    for (const s of ['<a', '</', '<!', '<?', 'x<img src=x onerror=y', '&#60;script'])
      expect(hasMarkup(s), s).toBe(true);
    for (const s of ['1 < 2', '<<', '< 5%', '«引号»', '<3']) expect(hasMarkup(s), s).toBe(false);
  });
});
