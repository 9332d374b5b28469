import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkBudgets,
  checkHtml,
  checkLinks,
  resolveUrlPath,
  srcsetUrls,
} from '../../scripts/lib/checks';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function site(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'feigong-checks-'));
  roots.push(root);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

const page = (body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title></head><body>${body}</body></html>`;

describe('checkLinks', () => {
  it('accepts a site whose links, assets, srcsets, fragments, feeds and redirects all resolve', () => {
    const dist = site({
      'index.html': page(
        '<main id="main"><a href="#main">跳到正文</a><a href="/articles/a/">A</a><a href="channel/x/2/">第 2 页</a><img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x" alt=""><a href="/rss.xml">RSS</a><a href="https://example.org/" rel="noopener noreferrer">外部</a></main>',
      ),
      'articles/a/index.html': page(
        '<p id="fn-1">注</p><a href="/#main">首页</a><a href="/articles/a/#fn-1">注</a>',
      ),
      'channel/x/2/index.html': page('<a href="../../../articles/a/">A</a>'),
      'old/path/index.html':
        '<!doctype html><meta http-equiv="refresh" content="0;url=/articles/a/"><title>跳转</title>',
      'img/a.png': 'x',
      'img/b.png': 'x',
      'rss.xml':
        '<rss><channel><link>https://site.example/</link><item><link>https://site.example/articles/a/</link></item></channel></rss>',
      'sitemap-0.xml': '<urlset><url><loc>https://site.example/channel/x/2/</loc></url></urlset>',
    });
    const r = checkLinks(dist, { origin: 'https://site.example' });
    expect(r.problems).toEqual([]);
    expect(r.pages).toBe(4);
    expect(r.checked).toBeGreaterThanOrEqual(13);
  });

  it('names the page and the target of each broken link', () => {
    const dist = site({
      'index.html': page(
        '<a href="/missing/">缺</a><img src="/img/none.png" alt=""><img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt=""><a href="/#nowhere">锚</a><a href="http://other.example/">外</a><a href="javascript:alert(1)">坏</a>',
      ),
      'a.png': 'x',
      'redirect/index.html':
        '<!doctype html><meta http-equiv="refresh" content="0;url=/gone/"><title>跳转</title>',
      'rss.xml':
        '<rss><channel><item><link>https://site.example/articles/gone/</link></item></channel></rss>',
    });
    const msgs = checkLinks(dist, { origin: 'https://site.example' }).problems.map(
      (p) => `${p.file} ${p.message}`,
    );
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/index\.html .*<a href>.*\/missing\//),
        expect.stringMatching(/^\/index\.html .*<img src>.*\/img\/none\.png/),
        expect.stringMatching(/^\/index\.html .*<img srcset>.*\/b\.png/),
        expect.stringMatching(/^\/index\.html .*#nowhere/),
        expect.stringMatching(/^\/index\.html 外部链接缺少 rel.*other\.example/),
        expect.stringMatching(/^\/index\.html .*javascript:/),
        expect.stringMatching(/^\/redirect\/index\.html .*<meta refresh>.*\/gone\//),
        expect.stringMatching(/^\/rss\.xml .*articles\/gone/),
      ]),
    );
    expect(msgs).toHaveLength(8);
  });

  it('resolves directory URLs to index.html and splits srcset candidates', () => {
    const dist = site({ 'a/index.html': 'x', 'b.html': 'x' });
    expect(resolveUrlPath(dist, '/a/')).toBe('/a/index.html');
    expect(resolveUrlPath(dist, '/a')).toBe('/a/index.html');
    expect(resolveUrlPath(dist, '/b')).toBe('/b.html');
    expect(resolveUrlPath(dist, '/c/')).toBeUndefined();
    expect(srcsetUrls('a.jpg 1x,b.jpg 2x')).toEqual(['a.jpg', 'b.jpg']);
    expect(srcsetUrls('/x/a.jpg 480w, /x/b.jpg 800w')).toEqual(['/x/a.jpg', '/x/b.jpg']);
  });
});

describe('checkHtml', () => {
  it('reports validator errors with the page, position and rule', async () => {
    const dist = site({
      'good/index.html': page('<p>正文</p>'),
      'bad/index.html': page('<p>未关闭<div></p><img src="/x.png">'),
    });
    const r = await checkHtml(dist);
    expect(r.pages).toBe(2);
    expect(r.problems.every((p) => p.file === '/bad/index.html')).toBe(true);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(
      /wcag\/h37|element-required-attributes|no-implicit-close|close-order/,
    );
  });
});

describe('checkBudgets', () => {
  it('passes small pages and names the article page and the JS page that break a budget', () => {
    // Random bytes do not compress, so their gzip size is about their length.
    const random = (n: number) => randomBytes(n);
    const dist = site({
      'articles/small/index.html': page(
        '<link rel="stylesheet" href="/_astro/a.css"><script src="/js/r.js" defer></script><script type="application/ld+json">{"a":1}</script>',
      ),
      'articles/big/index.html': page(
        `<link rel="stylesheet" href="/_astro/a.css"><p>${random(30_000).toString('base64')}</p>`,
      ),
      'index.html': page('<script type="module" src="/_astro/app.js"></script>'),
      '_astro/a.css': 'body{color:red}',
      '_astro/app.js': random(4000),
      'js/r.js': 'console.log(1)',
    });
    const r = checkBudgets(dist);
    expect(r.problems.map((p) => p.file).sort()).toEqual([
      '/articles/big/index.html',
      '/index.html',
    ]);
    expect(r.problems.find((p) => p.file === '/articles/big/index.html')!.message).toMatch(
      /HTML\+CSS 为 [\d.]+ KB gzip/,
    );
    const small = r.weights.find((w) => w.page === '/articles/small/index.html')!;
    expect(small.cssGzip).toBeGreaterThan(0);
    expect(small.jsGzip).toBeGreaterThan(0);
    expect(small.jsGzip).toBeLessThan(100); // JSON-LD is data, not script
  });
});
