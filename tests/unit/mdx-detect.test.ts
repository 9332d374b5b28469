import { describe, expect, it } from 'vitest';
import { needsMdx, plainExcerpt } from '../../src/lib/content/mdx-detect';

describe('needsMdx', () => {
  it('keeps prose, lists, tables and footnotes on the Markdown path', () => {
    expect(needsMdx('近年来,开化县委……\n\n第一,坚持五融入。①融入队伍建设。')).toBe(false);
    expect(
      needsMdx('| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n- 一\n- 二\n\n正文[^1]\n\n[^1]: 注释'),
    ).toBe(false);
    expect(needsMdx('代码 `a < b` 和\n\n```\n{x}\n```\n')).toBe(false);
    expect(needsMdx('转义 \\{ 字符')).toBe(false);
  });
  it('sends components, expressions, ESM and indented code to MDX', () => {
    expect(needsMdx('<Callout title="编者按">注意</Callout>')).toBe(true);
    expect(needsMdx('今年是 {2015} 年')).toBe(true);
    expect(needsMdx('import X from "./x"\n\n正文')).toBe(true);
    expect(needsMdx('正文\n\n    缩进代码')).toBe(true);
  });
});

describe('plainExcerpt', () => {
  it('strips Markdown and truncates with …', () => {
    expect(plainExcerpt('## 标题\n\n**加粗** [链接](http://x) 文字')).toBe('标题 加粗 链接 文字');
    expect(plainExcerpt('字'.repeat(130), 120)).toBe(`${'字'.repeat(120)}…`);
  });
});
