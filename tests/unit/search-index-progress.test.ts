import { describe, expect, it } from 'vitest';
import { logLine, progressText } from '../../src/integrations/search-index/progress';

describe("the indexer's progress lines", () => {
  it('say how far it is and what remains, then that the last files are being written', () => {
    expect(progressText(2_500, 10_000, 5_000)).toBe('索引 2,500/10,000 篇 (预计还需 15.0 s)');
    expect(progressText(10_000, 10_000, 20_000)).toBe('索引 10,000/10,000 篇，正在写入索引文件');
    expect(progressText(0, 10_000, 1_000)).toBe('索引 0/10,000 篇');
  });
  it("look like Astro's own log lines, coloured only on a terminal", () => {
    const at = new Date(2026, 11, 2, 9, 5, 7);
    expect(logLine('feigong-pagefind', '索引 1/2 篇', false, at)).toBe(
      '09:05:07 [feigong-pagefind] 索引 1/2 篇\n',
    );
    expect(logLine('feigong-pagefind', 'x', true, at)).toBe(
      '\x1b[2m09:05:07\x1b[22m \x1b[34m[feigong-pagefind]\x1b[39m x\n',
    );
  });
});
