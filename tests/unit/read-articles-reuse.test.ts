import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleContext } from '../../src/lib/content/article-context';
import { readArticles, type ReuseParsed } from '../../src/lib/content/read-articles';

const ctx = articleContext();
const good = (title: string) =>
  `---\ntitle: ${title}\ndate: 2020-01-02\neditor: 测试\nchannel: jiceng\n---\n\n正文。\n`;

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'feigong-reuse-'));
  const a = join(dir, 'a.mdx'),
    b = join(dir, 'b.mdx');
  writeFileSync(a, good('甲'));
  writeFileSync(b, '---\ntitle: 乙\n---\n\n正文\n'); // no channel, no date: invalid
  return [a, b];
}

describe('readArticles with reuse', () => {
  it('validates every file when nothing is reused', () => {
    const { articles, problems } = readArticles(ctx, files());
    expect(articles.map((a) => a.slug)).toEqual(['a']);
    expect(problems.some((p) => p.file.endsWith('b.mdx'))).toBe(true);
  });

  it('takes a reused article as it is, without parsing its file again', () => {
    const [a, b] = files();
    const previous = readArticles(ctx, [a!]).articles[0]!;
    const seen: string[] = [];
    const reuse: ReuseParsed = (file, bytes) => {
      seen.push(`${file}:${bytes.length}`);
      return file.endsWith('b.mdx')
        ? { ...previous, slug: 'b', data: { ...previous.data, file } }
        : undefined;
    };
    const { articles, problems } = readArticles(ctx, [a!, b!], reuse);
    expect(seen).toHaveLength(2);
    expect(articles.map((x) => x.slug)).toEqual(['a', 'b']);
    expect(problems).toEqual([]);
  });
});
