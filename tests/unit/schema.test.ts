import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleContext } from '../../src/lib/content/parse-article';
import { ARTICLE_FIELDS, articleEntrySchema, articleSchema } from '../../src/lib/schema/article';
import { formatProblem, type Problem } from '../../src/lib/schema/messages';

const ctx: ArticleContext = {
  channelIds: ['jiceng', 'anli', 'cankao'],
  channelLabels: ['jiceng（基层点睛）', 'anli（案例）', 'cankao（参考）'],
  defaultSource: '中国非公企业党建网',
};

const GOOD = {
  title: '开化:探索党群共建',
  date: '2015-03-24',
  source: '中国非公企业党建网',
  author: '',
  editor: '付文',
  channel: 'jiceng',
};

/** Parses frontmatter as an editor writes it, through the same path as the build. */
function check(frontmatter: string, body = '正文。\n', file = 'content/articles/test-article.mdx') {
  const src = `---\n${frontmatter}\n---\n\n${body}`;
  return parseArticle(file, new TextEncoder().encode(src), ctx);
}
const yaml = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
const only = (problems: Problem[], field: string) => {
  const mine = problems.filter((p) => p.field === field);
  expect(mine, JSON.stringify(problems)).toHaveLength(1);
  return mine[0]!;
};

describe('article frontmatter: good', () => {
  it('accepts the legacy article and keeps every field', () => {
    const { article, problems } = check(yaml(GOOD));
    expect(problems).toEqual([]);
    expect(article!.slug).toBe('test-article');
    expect(article!.data).toMatchObject({
      title: GOOD.title,
      source: GOOD.source,
      author: '',
      editor: '付文',
      channel: 'jiceng',
      draft: false,
      tags: [],
      related: [],
      aliases: [],
    });
    // Midnight in Beijing is 16:00 UTC the day before.
    expect(article!.data.date.toISOString()).toBe('2015-03-23T16:00:00.000Z');
  });

  it('accepts a time with +08:00 and a time without zone as Beijing time', () => {
    const a = articleSchema(ctx.channelIds, ctx.defaultSource).parse({
      ...GOOD,
      date: '2015-03-24T09:30:00+08:00',
    });
    expect(a.date.toISOString()).toBe('2015-03-24T01:30:00.000Z');
    const b = articleSchema(ctx.channelIds, ctx.defaultSource).parse({
      ...GOOD,
      date: '2015-03-24 09:30',
    });
    expect(b.date.getTime()).toBe(a.date.getTime());
  });

  it('defaults source to the site name when absent or empty', () => {
    const { source: _s, ...rest } = GOOD;
    expect(check(yaml(rest)).article!.data.source).toBe('中国非公企业党建网');
    expect(check(yaml({ ...GOOD, source: '  ' })).article!.data.source).toBe('中国非公企业党建网');
    expect(check(yaml({ ...GOOD, source: '人民网' })).article!.data.source).toBe('人民网');
  });

  it('treats an absent, empty or null author as no author', () => {
    const { author: _a, ...rest } = GOOD;
    expect(check(yaml(rest)).article!.data.author).toBe('');
    expect(check(`${yaml(rest)}\nauthor:`).article!.data.author).toBe('');
    expect(check(yaml({ ...GOOD, author: '  ' })).article!.data.author).toBe('');
    expect(check(yaml({ ...GOOD, author: '王明' })).article!.data.author).toBe('王明');
  });

  it('reads optional lists, draft and summary', () => {
    const { article, problems } = check(
      `${yaml(GOOD)}\ntags: [党群共建, 两新组织]\nrelated: [sample-anli-01]\ndraft: true\nsummary: 摘要\naliases: [/content/2015-03/24/content_1.htm]`,
    );
    expect(problems).toEqual([]);
    expect(article!.data).toMatchObject({
      tags: ['党群共建', '两新组织'],
      related: ['sample-anli-01'],
      draft: true,
      summary: '摘要',
      excerpt: '摘要',
      aliases: ['/content/2015-03/24/content_1.htm'],
    });
  });
});

describe('article frontmatter: each field says what is wrong', () => {
  it('title: missing, empty, HTML', () => {
    const { title: _t, ...rest } = GOOD;
    const missing = only(check(yaml(rest)).problems, 'title');
    expect(missing.message).toBe('缺少标题');
    expect(missing.found).toBe('（缺失）');
    expect(only(check(yaml({ ...GOOD, title: '   ' })).problems, 'title').message).toBe(
      '标题不能为空',
    );
    const html = only(check(yaml({ ...GOOD, title: '<script>x</script>标题' })).problems, 'title');
    expect(html.message).toContain('HTML');
    expect(html.found).toContain('<script>');
  });

  it('date: an impossible day shows the value found', () => {
    const p = only(check(yaml({ ...GOOD, date: '2015-02-30' })).problems, 'date');
    expect(p.message).toBe('这一天不存在');
    expect(p.found).toBe('"2015-02-30"');
    expect(p.line).toBe(3);
    expect(formatProblem(p)).toBe(
      'content/articles/test-article.mdx:3: date: 这一天不存在 (expected 2015-03-24 或 2015-03-24T09:30:00+08:00, found "2015-02-30")',
    );
    expect(only(check(yaml({ ...GOOD, date: '2015-13-01' })).problems, 'date').message).toBe(
      '这一天不存在',
    );
    expect(
      only(check(yaml({ ...GOOD, date: '2015-03-24T25:00:00+08:00' })).problems, 'date').message,
    ).toBe('这一天不存在');
  });

  it('date: a wrong format and a missing date', () => {
    const p = only(check(yaml({ ...GOOD, date: '2015年3月24日' })).problems, 'date');
    expect(p.message).toContain('日期格式不对');
    expect(p.found).toBe('"2015年3月24日"');
    const { date: _d, ...rest } = GOOD;
    expect(only(check(yaml(rest)).problems, 'date').message).toBe('缺少发布日期');
  });

  it('channel: unknown lists the known ids with their names', () => {
    const p = only(check(yaml({ ...GOOD, channel: 'jicheng' })).problems, 'channel');
    expect(p.message).toBe('未知的频道');
    expect(p.found).toBe('"jicheng"');
    for (const label of ctx.channelLabels) expect(p.expected).toContain(label);
    const { channel: _c, ...rest } = GOOD;
    expect(only(check(yaml(rest)).problems, 'channel').message).toBe('缺少频道');
  });

  it('an unknown key is named, with the known keys', () => {
    const p = only(check(`${yaml(GOOD)}\nauther: 王明`).problems, 'auther');
    expect(p.message).toContain('不认识的字段：auther');
    expect(p.line).toBe(8);
    expect(p.expected).toContain('author');
    // The list is the schema's own keys, so none is forgotten (coverAlt once was).
    expect(p.expected).toBe(ARTICLE_FIELDS.join(', '));
    expect(ARTICLE_FIELDS).toContain('coverAlt');
  });

  it('the field list, the schema and the stored entry agree', () => {
    // Every listed key is one the strict schema accepts, so it is never reported as unknown.
    for (const key of ARTICLE_FIELDS) {
      const problems = check(yaml({ [key]: null, ...GOOD })).problems;
      expect(problems.filter((p) => p.message.startsWith('不认识的字段'))).toEqual([]);
    }
    const stored = Object.keys(articleEntrySchema.shape);
    expect(stored.filter((k) => !['file', 'mdx'].includes(k))).toEqual(ARTICLE_FIELDS);
  });

  it('wrong types: draft, tags, related, aliases, editor', () => {
    expect(only(check(`${yaml(GOOD)}\ndraft: 是`).problems, 'draft').message).toContain(
      'true 或 false',
    );
    expect(only(check(`${yaml(GOOD)}\ntags: 党建`).problems, 'tags').message).toContain(
      '必须是列表',
    );
    expect(only(check(`${yaml(GOOD)}\nrelated: [不是编号]`).problems, 'related').message).toContain(
      '文章编号',
    );
    expect(only(check(`${yaml(GOOD)}\naliases: [old.htm]`).problems, 'aliases').message).toContain(
      '以 / 开头',
    );
    const editor = only(check(yaml({ ...GOOD, editor: 3 })).problems, 'editor');
    expect(editor.message).toBe('编辑 editor必须是文字');
    expect(editor.found).toBe('3');
    const date = only(check(yaml({ ...GOOD, date: 20150324 })).problems, 'date');
    expect(date.message).toContain('日期格式不对');
    expect(date.found).toBe('20150324');
  });

  it('every problem of a file is reported at once', () => {
    const { problems } = check(yaml({ ...GOOD, title: '', date: '2015-02-30', channel: 'x' }));
    expect(problems.map((p) => p.field).sort()).toEqual(['channel', 'date', 'title']);
  });
});

describe('formatProblem', () => {
  it('writes path:line: field: message (expected …, found …)', () => {
    expect(
      formatProblem({
        file: 'a.mdx',
        line: 2,
        field: 'title',
        message: '标题不能为空',
        expected: '文字',
        found: '""',
      }),
    ).toBe('a.mdx:2: title: 标题不能为空 (expected 文字, found "")');
    expect(formatProblem({ file: 'a.mdx', field: 'file', message: '文件是空的' })).toBe(
      'a.mdx: file: 文件是空的',
    );
  });

  it('writes a site check’s problem as page: [check] message', () => {
    expect(
      formatProblem({
        file: '/index.html',
        check: 'links',
        message: '<a href> 指向不存在的文件: /x/',
      }),
    ).toBe('/index.html: [links] <a href> 指向不存在的文件: /x/');
  });
});
