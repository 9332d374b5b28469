import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleContext } from '../../src/lib/content/article-context';
import { loadDataFile } from '../../src/lib/content/data-files';
import { importPages, type ImportOutcome } from '../../scripts/lib/import/import-pages';
import { escapeMdxText } from '../../scripts/lib/import/mdx-escape';
import { runScript, STACK_FRAME } from '../helpers/cli';
import { ROOT } from '../helpers/site';

// A copy of ../shared/legacy/000_4abb2779c9bff8c5.txt, so tests run wherever the repo is cloned.
const LEGACY = join(ROOT, 'tests/fixtures/import/legacy-000_4abb2779c9bff8c5.txt');
const LEGACY_ARTICLE = 'content/articles/2015/kaihua-dangqun-gongjian-sanwu-moshi.mdx';
const HTML = join(ROOT, 'tests/fixtures/import/old-site-article.htm');
const ctx = {
  ...articleContext(join(ROOT, 'content/data')),
  channels: loadDataFile('channels', join(ROOT, 'content/data')).map((c) => ({
    id: c.id,
    name: c.data.name,
  })),
};

let dir: string;
let articles: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feigong-import-'));
  articles = join(dir, 'articles');
  mkdirSync(articles);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () =>
  readdirSync(articles, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5);
const only = (o: ImportOutcome[]) => {
  expect(o).toHaveLength(1);
  return o[0]!;
};

describe('importing the legacy text capture', () => {
  it('produces exactly the committed legacy article (re-import leaves it unchanged)', () => {
    mkdirSync(join(articles, '2015'));
    cpSync(
      join(ROOT, LEGACY_ARTICLE),
      join(articles, '2015/kaihua-dangqun-gongjian-sanwu-moshi.mdx'),
    );
    const o = only(importPages([LEGACY], articles, ctx));
    expect(o.status).toBe('unchanged');
    expect(files()).toEqual(['2015/kaihua-dangqun-gongjian-sanwu-moshi.mdx']);
    expect(
      readFileSync(join(articles, '2015/kaihua-dangqun-gongjian-sanwu-moshi.mdx'), 'utf8'),
    ).toBe(readFileSync(join(ROOT, LEGACY_ARTICLE), 'utf8'));
  });

  it('into an empty folder, finds every field and keeps the body, dropping promos and link lists', () => {
    expect(only(importPages([LEGACY], articles, ctx)).status).toBe('created');
    expect(files()).toEqual([expect.stringMatching(/^2015\/20150324-[0-9a-f]{8}\.mdx$/)]);
    const text = readFileSync(join(articles, files()[0]!), 'utf8');
    expect(text).toContain('title: "开化:探索党群共建“三五模式”激发两新组织党建工作“十足活力”"');
    expect(text).toMatch(
      /\ndate: 2015-03-24\nsource: 中国非公企业党建网\nauthor: ""\neditor: 付文\nchannel: jiceng\n/,
    );
    expect(bodyOf(text)).toBe(bodyOf(readFileSync(join(ROOT, LEGACY_ARTICLE), 'utf8')));
    const paragraphs = bodyOf(text).trim().split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs.slice(1).map((p) => p.slice(0, 2))).toEqual(['第一', '第二', '第三']);
    for (const m of '①②③④⑤') expect(paragraphs[1]).toContain(m);
    for (const gone of [
      'DangJianFeiGQ',
      '相关稿件',
      '杂志征订',
      '友情链接',
      '人民网',
      '红豆集团',
      '您当前的位置',
      '超威杯',
    ])
      expect(text).not.toContain(gone);
  });
});

describe('importing a saved HTML page of the old site (GB2312)', () => {
  it('reads the fields, the channel from the breadcrumb and the old URL', () => {
    expect(only(importPages([HTML], articles, ctx)).status).toBe('created');
    const text = readFileSync(join(articles, files()[0]!), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: "宁波：“红色引擎”驱动非公企业发展"\ndate: 2015-04-08\nsource: 宁波日报\nauthor: 王明\neditor: 付文\nchannel: anli\naliases:\n {2}- \/content\/2015-04\/08\/content_4521\.htm\nimportedFrom: 20150408-[0-9a-f]{8} \/content\/2015-04\/08\/content_4521\.htm\n---\n/,
    );
    const body = bodyOf(text);
    expect(body.trim().split('\n\n')).toHaveLength(4);
    for (const gone of [
      '首页',
      '广告',
      '不是正文',
      '打印本页',
      'DangJianFeiGQ',
      '相关稿件',
      '人民网',
      '版权所有',
      '超威杯',
    ])
      expect(body).not.toContain(gone);
    expect(body).toContain('推行“\\{三会一课\\}”清单管理，党员人数 \\<50 人');
  });

  it('re-import updates the same file and keeps what an editor added', () => {
    importPages([HTML], articles, ctx);
    const [name] = files();
    const path = join(articles, name!);
    // An editor retitles the article and tags it; the old URL still finds it.
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('title: "宁波：', 'title: "宁波市：')
        .replace('channel: anli\n', 'channel: anli\ntags: [红色引擎]\n'),
    );
    const o = only(importPages([HTML], articles, ctx));
    expect(o.status).toBe('updated');
    expect(files()).toEqual([name]);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('title: "宁波：“红色引擎”');
    expect(text).toContain('tags:\n  - 红色引擎');
    expect(only(importPages([HTML], articles, ctx)).status).toBe('unchanged');
  });
});

/** A saved UTF-8 page of the old site: the lines of a text capture, with a canonical link. */
const htmlPage = (text: string, canonical: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="${canonical}"></head><body>${text
    .split('\n')
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')}</body></html>`;

describe('nothing an editor wrote is lost', () => {
  const legacy = readFileSync(LEGACY, 'utf8');
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const textOf = (f: string) => readFileSync(join(articles, f), 'utf8');

  it('two old pages sharing a canonical URL do not overwrite each other', () => {
    const shared = 'http://www.fgdjw.com.cn/content/template.htm';
    const a = write('a.htm', htmlPage(legacy, shared));
    const b = write('b.htm', htmlPage(legacy.replace('开化:探索', '衢州:探索'), shared));
    const [oa, ob] = importPages([a, b], articles, ctx);
    expect(oa).toMatchObject({ status: 'created' });
    expect(ob).toMatchObject({
      status: 'created',
      notes: [expect.stringMatching(/已是 .* 的 aliases/)],
    });
    expect(files()).toHaveLength(2);
    const [first, second] = [textOf(files()[0]!), textOf(files()[1]!)];
    expect([first, second].filter((t) => t.includes('开化:探索'))).toHaveLength(1);
    expect([first, second].filter((t) => t.includes('衢州:探索'))).toHaveLength(1);
    // The old address redirects to the first page only, so the check stays clean.
    expect([first, second].filter((t) => t.includes('- /content/template.htm'))).toHaveLength(1);
    // Importing both again changes nothing and still reports the clash.
    const again = importPages([a, b], articles, ctx);
    expect(again.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
    const cli = runScript('import.ts', [a, b], { content: dir });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/注意 .*b\.htm: 旧网址 \/content\/template\.htm 已是 /);
    expect(cli.output).not.toMatch(STACK_FRAME);
  });

  it("an editor's own article is not overwritten by the importer", () => {
    // `npm run new` names a file <日期>-<标题哈希> too; an editor wrote this one by hand.
    const created = only(importPages([LEGACY], articles, ctx));
    const name = files()[0]!;
    const mine = textOf(name)
      .replace(/importedFrom: .*\n/, '')
      .replace('author: ""', 'author: 编辑自己')
      .replace(/\n---\n\n[\s\S]*$/, '\n---\n\n编辑自己写的正文。\n');
    writeFileSync(join(articles, name), mine);
    expect(created.status).toBe('created');
    const o = only(importPages([LEGACY], articles, ctx));
    expect(o).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/不覆盖编辑写的文章/),
    });
    expect(files()).toEqual([name]);
    expect(textOf(name)).toBe(mine);
    cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
    const cli = runScript('import.ts', [LEGACY], { content: dir });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`跳过 `);
    expect(textOf(name)).toBe(mine);
  });

  it("an editor's file that only shares the importer's file name is kept; the page gets another name", () => {
    mkdirSync(join(articles, '2015'));
    const name = '2015/20150324-57741ffa.mdx';
    const mine = '---\ntitle: 另一篇文章\ndate: 2015-03-24\nchannel: jiceng\n---\n\n编辑的正文。\n';
    writeFileSync(join(articles, name), mine);
    const o = only(importPages([LEGACY], articles, ctx));
    expect(o).toMatchObject({
      status: 'created',
      file: expect.stringMatching(/2015\/20150324-57741ffa-2\.mdx$/),
      notes: [expect.stringMatching(/已被另一篇文章占用，另存为/)],
    });
    expect(textOf(name)).toBe(mine);
  });

  it('a wildcard canonical does not become an alias; a percent-encoded one becomes its UTF-8 form', () => {
    const star = write('star.htm', htmlPage(legacy, 'http://www.fgdjw.com.cn/*'));
    const o = only(importPages([star], articles, ctx));
    expect(o).toMatchObject({
      status: 'created',
      notes: [expect.stringMatching(/不能用作 aliases/)],
    });
    expect(textOf(files()[0]!)).not.toContain('aliases');
    rmSync(join(articles, files()[0]!));
    const cjk = write('cjk.htm', htmlPage(legacy, '/content/%E4%B8%AD.htm'));
    expect(only(importPages([cjk], articles, ctx)).status).toBe('created');
    expect(textOf(files()[0]!)).toContain('aliases:\n  - /content/中.htm\n');
    rmSync(join(articles, files()[0]!));
    const page = write('page.htm', htmlPage(legacy, 'http://www.fgdjw.com.cn/notices/'));
    const o2 = only(importPages([page], articles, ctx));
    expect(o2).toMatchObject({ notes: [expect.stringMatching(/与站内已有的页面相同/)] });
    expect(textOf(files()[0]!)).not.toContain('aliases');
  });
});

describe('escaping for MDX', () => {
  const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
  const textOf = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.type === 'text'
      ? (node.value ?? '')
      : (node.children ?? []).map((c) => textOf(c as never)).join('');
  const samples = [
    '党员人数 <50 人，{三会一课} 与 </p> 标签',
    '# 不是标题',
    '- 不是列表',
    '+ 也不是',
    '1. 不是编号',
    '2) 也不是',
    '> 不是引用',
    '=== 不是标题线',
    '*强调* _下划线_ `代码` ~~删除~~ [链接](http://x) ![图](a.png)',
    'A&amp;B &copy; 与 \\ 反斜杠 | 竖线 |',
    'import x from "y"',
    'export const a = 1',
    '<script>alert(1)</script>',
  ];
  for (const s of samples) {
    it(`renders ${JSON.stringify(s)} exactly`, () => {
      const tree = processor.parse(escapeMdxText(s));
      expect(textOf(tree as never)).toBe(s);
      expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
    });
  }
});

describe('pages that cannot be imported', () => {
  const legacy = readFileSync(LEGACY, 'utf8');
  const cases: Record<string, { content: string | Buffer; reason: RegExp }> = {
    'empty.txt': { content: '', reason: /文件是空的/ },
    'not-a-page.txt': { content: '随便一段文字\n', reason: /找不到面包屑导航/ },
    'unknown-channel.txt': {
      content: legacy.replace('基层点睛', '不存在的栏目'),
      reason: /面包屑里没有已知的频道（找到：非公企业党建 > 不存在的栏目/,
    },
    'no-date.txt': {
      content: legacy.replace('2015年03月24日 来源', '来源'),
      reason: /找不到“2015年03月24日 来源/,
    },
    'feb-30.txt': {
      content: legacy.replace('2015年03月24日', '2015年02月30日'),
      reason: /日期不存在：2015年02月30日/,
    },
    'no-title.txt': {
      content: legacy.replace(/\n开化:探索[^\n]*\n/, '\n'),
      reason: /日期行前面没有标题/,
    },
    'no-body.txt': { content: legacy.replace(/\n {2}[^\n]+/g, ''), reason: /日期行后面没有正文/ },
    'script-title.txt': {
      content: legacy.replace('开化:探索', '<script>alert(1)</script>开化:探索'),
      reason: /导入结果不合格：.*title: 标题不能包含 HTML 标签或脚本/,
    },
    'binary.txt': {
      content: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0xff, 0x30, 0x80]),
      reason: /文件编码无法识别/,
    },
    'empty.html': {
      content:
        '<!doctype html><html><head><title>x</title></head><body><div>首页</div></body></html>',
      reason: /找不到面包屑导航/,
    },
  };

  it('skips each with its reason, imports the rest, and the CLI exits 1 without a stack trace', () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    for (const [name, c] of Object.entries(cases)) writeFileSync(join(inbox, name), c.content);
    cpSync(LEGACY, join(inbox, 'zz-good.txt'));
    const outcomes = importPages([inbox, join(dir, 'missing.txt')], articles, ctx);
    for (const [name, c] of Object.entries(cases)) {
      const o = outcomes.find((x) => x.source.endsWith(`/${name}`));
      expect(o, name).toMatchObject({ status: 'skipped', reason: expect.stringMatching(c.reason) });
    }
    expect(outcomes.find((x) => x.source.endsWith('missing.txt'))).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/无法读取文件（ENOENT）/),
    });
    expect(outcomes.find((x) => x.source.endsWith('zz-good.txt'))?.status).toBe('created');
    expect(files()).toHaveLength(1);

    cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
    const cli = runScript('import.ts', [inbox], { content: dir });
    expect(cli.status).toBe(1);
    expect(cli.output).not.toMatch(STACK_FRAME);
    expect(cli.stderr).toMatch(/跳过 \S*not-a-page\.txt: 找不到面包屑导航/);
    expect(cli.stdout).toMatch(/未变 \S+\.mdx ← \S*zz-good\.txt/);
    expect(cli.stdout).toContain(`导入 1 个页面，跳过 ${Object.keys(cases).length} 个。`);
  });
});
