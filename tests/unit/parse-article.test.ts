import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleContext } from '../../src/lib/content/parse-article';
import { generateCorpus } from '../../scripts/lib/corpus/generate';

const ctx: ArticleContext = {
  channelIds: ['jiceng', 'anli'],
  channelLabels: ['jiceng（基层点睛）', 'anli（案例）'],
  defaultSource: '中国非公企业党建网',
};
const FM = '---\ntitle: 开化\ndate: 2015-03-24\neditor: 付文\nchannel: jiceng\n---\n';
const BODY = '\n近年来,开化县委……\n\n第一,坚持五融入。\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => [...p]));
const FILE = 'content/articles/2015/kaihua.mdx';

describe('parseArticle: files as editors save them', () => {
  it('reads a clean UTF-8 file', () => {
    const { article, problems } = parseArticle(FILE, utf8(FM + BODY), ctx);
    expect(problems).toEqual([]);
    expect(article!.slug).toBe('kaihua');
    expect(article!.data.file).toBe(FILE);
    expect(article!.data.mdx).toBe(false);
    expect(article!.body).toBe(BODY);
    expect(article!.bodyLine).toBe(7);
    expect(article!.data.excerpt).toBe('近年来,开化县委…… 第一,坚持五融入。');
  });

  it('reads CRLF (Windows) line endings like LF', () => {
    const { article, problems } = parseArticle(FILE, utf8((FM + BODY).replace(/\n/g, '\r\n')), ctx);
    expect(problems).toEqual([]);
    expect(article!.data.title).toBe('开化');
    expect(article!.body).toBe(BODY);
    expect(article!.body).not.toContain('\r');
  });

  it('reports a BOM, asking for UTF-8 without BOM', () => {
    const { article, problems } = parseArticle(
      FILE,
      concat([0xef, 0xbb, 0xbf], utf8(FM + BODY)),
      ctx,
    );
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        field: 'file',
        message: expect.stringContaining('BOM'),
        expected: 'UTF-8（无 BOM）',
      }),
    ]);
  });

  it('reports GBK bytes with the line they are on', () => {
    // “中文” in GBK on the title line (line 2).
    const bytes = concat(
      utf8('---\ntitle: '),
      [0xd6, 0xd0, 0xce, 0xc4],
      utf8('\ndate: 2015-03-24\nchannel: jiceng\n---\n\n正文\n'),
    );
    const { article, problems } = parseArticle(FILE, bytes, ctx);
    expect(article).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 2, field: 'file', expected: 'UTF-8' });
    expect(problems[0]!.message).toContain('GBK');
  });

  it('rejects a non-ASCII file name, since the file name is the URL', () => {
    const { article, problems } = parseArticle(
      'content/articles/开化党建.mdx',
      utf8(FM + BODY),
      ctx,
    );
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'file',
        found: '"开化党建.mdx"',
        message: expect.stringContaining('小写英文字母'),
      }),
    ]);
    expect(
      parseArticle('content/articles/Kaihua_2015.mdx', utf8(FM + BODY), ctx).problems[0]!.field,
    ).toBe('file');
  });

  it('reports an empty file, a missing frontmatter, an unclosed one and an empty body', () => {
    expect(parseArticle(FILE, new Uint8Array(), ctx).problems[0]!.message).toBe('文件是空的');
    expect(parseArticle(FILE, utf8('title: 开化\n\n正文'), ctx).problems[0]).toMatchObject({
      line: 1,
      field: 'frontmatter',
      expected: '---',
    });
    expect(parseArticle(FILE, utf8('---\ntitle: 开化\n正文'), ctx).problems[0]!.message).toContain(
      '没有结束',
    );
    expect(parseArticle(FILE, utf8(`${FM}\n  \n`), ctx).problems).toEqual([
      expect.objectContaining({ field: 'body', message: '正文是空的', line: 7 }),
    ]);
  });

  it('points at full-width colons, tabs and duplicate keys with their line', () => {
    expect(
      parseArticle(
        FILE,
        utf8('---\ntitle: 开化\ndate：2015-03-24\nchannel: jiceng\n---\n\n正文'),
        ctx,
      ).problems,
    ).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'date',
        message: expect.stringContaining('中文冒号'),
      }),
    ]);
    expect(
      parseArticle(FILE, utf8('---\ntitle: 开化\ntags:\n\t- a\n---\n\n正文'), ctx).problems[0],
    ).toMatchObject({ line: 4, message: expect.stringContaining('Tab') });
    expect(
      parseArticle(FILE, utf8('---\ntitle: 开化\ndate: 2015-03-24\ntags: [a, b\n---\n\n正文'), ctx)
        .problems[0],
    ).toMatchObject({ field: 'frontmatter', line: 4 });
    expect(
      parseArticle(FILE, utf8('---\ntitle: 开化\ntitle: 又一个\n---\n\n正文'), ctx).problems[0],
    ).toMatchObject({ line: 3, message: '同一个字段写了两次' });
  });

  it('marks bodies that need the MDX compiler', () => {
    expect(
      parseArticle(FILE, utf8(`${FM}\n<Callout title="编者按">注意</Callout>\n`), ctx).article!.data
        .mdx,
    ).toBe(true);
  });

  it('accepts every generated corpus article (the generator writes valid content)', () => {
    const problems = [
      ...generateCorpus({ articles: 40, seed: 7, channels: ctx.channelIds }),
    ].flatMap(
      (g) => parseArticle(`content/articles/_corpus/${g.path}`, utf8(g.text), ctx).problems,
    );
    expect(problems).toEqual([]);
  });
});
