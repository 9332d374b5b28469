/**
 * The caches that spare a warm build from re-reading unchanged files
 * (src/lib/file-stamp.ts): CSP inline hashes of pages, MDX detection of
 * articles, and excerpts kept beside the content store. Each must notice
 * any rewrite, hostile ones included.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, SETTLE_MS } from '../../src/lib/file-stamp';
import { pagesInline } from '../../src/lib/headers/inline-cache';
import { mdxArticlePatterns } from '../../src/lib/content/mdx-files';
import {
  readExcerpts,
  storedData,
  withExcerpts,
  writeExcerpts,
} from '../../src/lib/content/excerpts';
import { article as sampleArticle } from '../helpers/articles';

const saved = { cache: process.env.FEIGONG_CACHE_DIR, content: process.env.FEIGONG_CONTENT };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feigong-caches-'));
  process.env.FEIGONG_CACHE_DIR = join(dir, 'cache');
  process.env.FEIGONG_CONTENT = join(dir, 'content');
});
afterEach(() => {
  for (const [k, v] of [
    ['FEIGONG_CACHE_DIR', saved.cache],
    ['FEIGONG_CONTENT', saved.content],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Writes a file dated well in the past (settled), as a previous build's output is. */
function oldFile(path: string, text: string, secondsAgo = 60) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('file stamps', () => {
  it('are the same for a hard link and change with any rewrite', () => {
    const a = join(dir, 'a.html');
    oldFile(a, '<p>一</p>');
    const stamp = fileStamp(a)?.id;
    linkSync(a, join(dir, 'b.html'));
    expect(fileStamp(join(dir, 'b.html'))?.id).toBe(stamp);
    writeFileSync(a, '<p>二</p>'); // same size, same inode
    expect(fileStamp(a)?.id).not.toBe(stamp);
    expect(fileStamp(join(dir, 'missing'))).toBeNull();
  });

  it('are kept only for files older than the clock tick a rewrite could hide in', () => {
    const a = join(dir, 'a.html');
    writeFileSync(a, 'x');
    expect(fileStamp(a)!.settled).toBe(false);
    expect(fileStamp(a, Date.now() + SETTLE_MS + 10)!.settled).toBe(true);
  });
});

describe('CSP inline hashes of pages', () => {
  const head = (body: string) =>
    `<!doctype html><html><head><script>var a=1</script></head><body>${body}</body></html>`;

  it('are read again when a page changed, so a script added to a body is still refused', () => {
    const dist = join(dir, 'dist');
    oldFile(join(dist, 'index.html'), head('<p>正文</p>'));
    const first = pagesInline(dist, ['index.html']).get('index.html')!;
    expect(first.inBody).toBe(0);
    expect(first.scripts).toHaveLength(1);
    // The same inode, rewritten in place: the stamp's size and time tell.
    oldFile(join(dist, 'index.html'), head('<script>x()</script>'), 30);
    expect(pagesInline(dist, ['index.html']).get('index.html')!.inBody).toBe(1);
  });

  it('reuse what they found for a page whose file did not change', () => {
    const dist = join(dir, 'dist');
    oldFile(join(dist, 'a/index.html'), head(''));
    expect(pagesInline(dist, ['a/index.html']).get('a/index.html')!.scripts).toHaveLength(1);
    // Proof of reuse: a cached answer is returned for an unchanged stamp even if the
    // cache says something the file does not (the cache is the build's own).
    const cacheFile = join(process.env.FEIGONG_CACHE_DIR!, 'feigong-headers', 'inline.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<
      string,
      [string, { scripts: string[] }]
    >;
    cache['a/index.html']![1].scripts = ['sha256-cached'];
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(pagesInline(dist, ['a/index.html']).get('a/index.html')!.scripts).toEqual([
      'sha256-cached',
    ]);
  });
});

describe('MDX detection of article files', () => {
  const articles = () => join(process.env.FEIGONG_CONTENT!, 'articles');
  const article = (body: string) => `---\ntitle: 标题\n---\n${body}\n`;

  it('notices a file that starts needing MDX, and one that stops', () => {
    oldFile(join(articles(), '2024/plain.mdx'), article('普通的正文。'));
    oldFile(join(articles(), '2024/comp.mdx'), article('<Callout>提示</Callout>'));
    expect(mdxArticlePatterns()).toEqual(['2024/comp.mdx']);
    oldFile(join(articles(), '2024/plain.mdx'), article('{1 + 1} 表达式'), 30);
    oldFile(join(articles(), '2024/comp.mdx'), article('不再使用组件了。'), 30);
    expect(mdxArticlePatterns()).toEqual(['2024/plain.mdx']);
  });
});

describe('excerpts beside the content store', () => {
  it('are taken out of what the store keeps and put back by digest', () => {
    const stored = storedData({ ...sampleArticle('a').data, excerpt: '摘要文字' });
    expect(stored).not.toHaveProperty('excerpt');
    writeExcerpts([['d1', '摘要文字']]);
    const [entry] = withExcerpts([{ id: 'a', data: stored, digest: 'd1' }]);
    expect(entry!.data.excerpt).toBe('摘要文字');
  });

  it('refuse an entry whose excerpt is missing instead of showing none', () => {
    writeExcerpts([]);
    const stored = storedData(sampleArticle('a').data);
    expect(() => withExcerpts([{ id: 'a', data: stored, digest: 'd9' }])).toThrow(/摘要缓存缺失/);
  });

  it('read a damaged file as none (the loader then parses every article again)', () => {
    mkdirSync(process.env.FEIGONG_CACHE_DIR!, { recursive: true });
    writeFileSync(join(process.env.FEIGONG_CACHE_DIR!, 'feigong-excerpts.json'), '{"d1": 5, ');
    expect(readExcerpts().size).toBe(0);
    writeFileSync(
      join(process.env.FEIGONG_CACHE_DIR!, 'feigong-excerpts.json'),
      '{"d1": {"x": 1}, "d2": "好"}',
    );
    expect([...readExcerpts()]).toEqual([['d2', '好']]);
  });
});
