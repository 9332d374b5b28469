import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleContext } from '../../src/lib/content/article-context';
import { bodyLimitProblems } from '../../src/lib/content/body-limits';
import { bodyRefs } from '../../src/lib/content/body-refs';
import { plainExcerpt } from '../../src/lib/content/mdx-detect';
import { readArticles } from '../../src/lib/content/read-articles';
import { formatProblem } from '../../src/lib/schema/messages';
import { ROOT } from '../helpers/site';

const ctx = articleContext(join(ROOT, 'content/data'));
const dir = mkdtempSync(join(tmpdir(), 'feigong-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FM = '---\ntitle: 标题\ndate: 2015-03-24\nchannel: jiceng\n---\n\n';

/** `npm run check`'s verdict on one article file: its problems as printed. */
function check(content: string, name = 'x.mdx'): string[] {
  const file = join(dir, name);
  writeFileSync(file, content);
  return readArticles(ctx, [file]).problems.map(formatProblem);
}

describe('MDX bodies are checked for what would fail when the page renders', () => {
  it('braces written as punctuation are refused by the check with a hint to escape them', () => {
    const lines = check(`${FM}第一段。\n\n今年开展{三个一}活动。\n`);
    expect(lines).toHaveLength(1);
    // The body's own line in the file (frontmatter included), the name, and how to write it.
    expect(lines[0]).toMatch(
      /x\.mdx:9: body: 花括号 \{ \} 在 MDX 里表示代码，“三个一”不是可用的组件或 frontmatter 字段.*\(expected 要显示花括号本身，请写 \\\{三个一\\\}.*found "\{三个一\}"\)$/,
    );
  });

  it('escaped braces, text, numbers and the file’s own frontmatter fields pass', () => {
    expect(
      check(
        `${FM}\\{三个一\\} {2015} {"文字"} {/* 注释 */} {frontmatter.title + "。"}\n\n<Callout title={frontmatter.channel}>注意</Callout>\n`,
      ),
    ).toEqual([]);
  });

  it('code in braces is refused: calls, functions, unknown fields, spreads', () => {
    for (const body of [
      '{alert(1)}',
      '{process.exit(1)}',
      '{() => 1}',
      '{frontmatter.author.length}',
      '{frontmatter.constructor}',
      '<Callout {...frontmatter}>x</Callout>',
      '<Callout title={globalThis.x}>x</Callout>',
      '{1n + 1}',
    ]) {
      const lines = check(`${FM}${body}\n`);
      expect(lines, body).toHaveLength(1);
      expect(lines[0]).toMatch(/x\.mdx:7: body: .*(花括号|frontmatter 里没有)/);
    }
  });

  it('an editor who uses a component that does not exist is told which ones do', () => {
    expect(check(`${FM}正文\n\n<Chart data="x" />\n`)).toEqual([
      expect.stringMatching(/x\.mdx:9: body: 没有名为 Chart 的组件 \(expected 可用的组件：Callout/),
    ]);
  });

  it('import and export are refused: components need none, and they would run code', () => {
    expect(check(`${FM}import fs from "node:fs"\n\n正文\n`)).toEqual([
      expect.stringMatching(/x\.mdx:7: body: 正文里不能写 import 或 export 语句/),
    ]);
    expect(check(`${FM}export const x = 1\n\n正文\n`)).toHaveLength(1);
  });
});

describe('pathological bodies are reported in linear time', () => {
  const TOKENS = [
    '![',
    '[',
    '<',
    '{',
    '}',
    '*',
    '_',
    '`',
    '>',
    '|',
    '&',
    '\\',
    '-',
    '](',
    '[a](',
    '1. ',
    '> ',
    '*a **a ',
    '<div>',
    '{a}\n\n',
    '\n',
    '三',
  ];

  it('quotes nested 3,000 deep are refused with a depth limit instead of crashing the build', () => {
    expect(check(`${FM}${'> '.repeat(3000)}引文\n`)).toEqual([
      expect.stringMatching(/x\.mdx:7: body: 引用（>）或列表嵌套太深，超过 30 层/),
    ]);
    expect(check(`${FM}${'<div>\n\n'.repeat(200)}x${'\n\n</div>'.repeat(200)}\n`)).toEqual([
      expect.stringMatching(/x\.mdx:207: body: HTML 或组件标签嵌套太深，超过 100 层/),
    ]);
  });

  it('tens of thousands of { } are refused before each is parsed as JavaScript', () => {
    expect(check(`${FM}${'{a}'.repeat(40_000)}\n`)).toEqual([
      expect.stringMatching(/x\.mdx:7: body: 正文里的花括号 \{ 超过 1000 个.*\\\{ 和 \\\}/),
    ]);
  });

  it('frontmatter closed with YAML’s ... is refused instead of sending the body nowhere', () => {
    expect(check(`${FM.replace(/---\n\n$/, '...\n\n')}正文 <Callout>注意</Callout>\n`)).toEqual([
      expect.stringMatching(/x\.mdx:5: frontmatter: frontmatter 要用 --- 结束，不能用 \.\.\./),
    ]);
  });

  it('a YAML tag the MDX loader’s reader does not know is refused, not left to fail the build', () => {
    expect(
      check(`${FM.replace('title: 标题', 'title: !foo 标题')}正文 <Callout>注意</Callout>\n`),
    ).toEqual([
      expect.stringMatching(/x\.mdx:2: frontmatter: YAML 格式错误：Unresolved tag: !foo/),
    ]);
  });

  it('real long content stays within the limits: a 300-row table, a long list of links, a 200 KB paragraph', () => {
    const table = `| 名称 | 链接 |\n| --- | --- |\n${'| **甲_乙** | [频道](/channel/jiceng/) |\n'.repeat(300)}`;
    const list = '- [频道](/channel/jiceng/) 与 **重点** 和 `代码`\n'.repeat(300);
    expect(bodyLimitProblems('x', table, 7, false)).toEqual([]);
    expect(bodyLimitProblems('x', list, 7, false)).toEqual([]);
    expect(bodyLimitProblems('x', '长'.repeat(70_000), 7, false)).toEqual([]);
  });

  it('a 128 KB body of one repeated token checks in linear time', () => {
    // Work grows with the body: 4 times the text may cost about 4 times the
    // time, never the 16 times a quadratic step would. Best of three runs,
    // and a floor below which timer noise decides nothing.
    const cost = (body: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const t = performance.now();
        check(`${FM}${body}\n`, 'scale.mdx');
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const slow: string[] = [];
    for (const token of TOKENS) {
      const small = cost(token.repeat(Math.ceil((32 * 1024) / token.length)));
      const large = cost(token.repeat(Math.ceil((128 * 1024) / token.length)));
      if (large > 150 && large / Math.max(small, 10) > 9)
        slow.push(`${JSON.stringify(token)}: ${small.toFixed(0)} → ${large.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it('the excerpt and the link scan read a pathological body once, not once per mark', () => {
    // Both used to rescan the rest of the body from every `![` (quadratic).
    const body = '!['.repeat(64 * 1024);
    expect(plainExcerpt(body).length).toBeLessThanOrEqual(121);
    expect(bodyRefs(`${'[a](/x/)\n'.repeat(5000)}`).at(-1)).toEqual({
      kind: 'link',
      target: '/x/',
      line: 5000,
    });
  });
});
