import { describe, expect, it } from 'vitest';
import {
  fileForPath,
  livePathForFile,
  srcsetToRelative,
  toRelative,
} from '../../scripts/lib/snapshot/urls';
import { rewriteCss, rewritePage } from '../../scripts/lib/snapshot/rewrite';

const files = new Set([
  'index.html',
  'channel/jiceng/index.html',
  'channel/jiceng/2/index.html',
  'articles/a/index.html',
  '_astro/x.css',
  'img/a.png',
  'img/b.png',
  'rss.xml',
  'search/index.html',
  'img/big picture.png',
]);
const exists = (p: string) => files.has(p);

describe('toRelative', () => {
  it('turns root-relative folder URLs into relative index.html files', () => {
    expect(toRelative('/', { from: 'articles/a/index.html', exists })).toBe('../../index.html');
    expect(toRelative('/channel/jiceng/2/', { from: 'channel/jiceng/index.html', exists })).toBe(
      '2/index.html',
    );
    expect(toRelative('/channel/jiceng/', { from: 'channel/jiceng/2/index.html', exists })).toBe(
      '../index.html',
    );
    expect(toRelative('/channel/jiceng', { from: 'index.html', exists })).toBe(
      'channel/jiceng/index.html',
    );
    expect(toRelative('/rss.xml', { from: 'channel/jiceng/index.html', exists })).toBe(
      '../../rss.xml',
    );
  });
  it('keeps queries and fragments, and resolves relative folder links', () => {
    expect(toRelative('/search/?q=党建#r', { from: 'index.html', exists })).toBe(
      'search/index.html?q=党建#r',
    );
    expect(toRelative('../', { from: 'channel/jiceng/2/index.html', exists })).toBe(
      '../index.html',
    );
    expect(toRelative('', { from: 'articles/a/index.html', exists })).toBe('');
  });
  it('leaves external, fragment-only and unknown references alone', () => {
    for (const ref of [
      'https://beian.miit.gov.cn/',
      '//cdn.example/x.js',
      'mailto:a@b.c',
      '#main',
      'data:image/png;base64,AA',
      '/nowhere/',
    ]) {
      expect(toRelative(ref, { from: 'index.html', exists })).toBe(ref);
    }
  });
  it('encodes file names that need it', () => {
    expect(toRelative('/img/big%20picture.png', { from: 'index.html', exists })).toBe(
      'img/big%20picture.png',
    );
  });
  it('rewrites every candidate of a srcset', () => {
    expect(
      srcsetToRelative('/img/a.png 1x, /img/b.png 2x', { from: 'articles/a/index.html', exists }),
    ).toBe('../../img/a.png 1x, ../../img/b.png 2x');
  });
});

describe('file and live paths', () => {
  it('maps both ways', () => {
    expect(fileForPath('/articles/a/', exists)).toBe('articles/a/index.html');
    expect(fileForPath('/articles/b/', exists)).toBeNull();
    expect(livePathForFile('index.html')).toBe('/');
    expect(livePathForFile('channel/jiceng/2/index.html')).toBe('/channel/jiceng/2/');
    expect(livePathForFile('rss.xml')).toBe('/rss.xml');
  });
});

describe('rewritePage', () => {
  const page =
    `<!DOCTYPE html><html lang="zh-CN"><head><link rel="canonical" href="https://www.fgdjw.com.cn/articles/a/"><link rel="stylesheet" href="/_astro/x.css"></head>` +
    `<body class="x"><a href="/channel/jiceng/">基层点睛</a> <img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x" alt="图"><form action="/search/"></form><p title="/not-a-url/">正文 &amp; 符号</p></body></html>`;
  const out = rewritePage(
    page,
    { from: 'articles/a/index.html', exists },
    '<div class="offline-notice">离线存档</div>',
  );
  it('rewrites href, src, srcset and action but not the canonical URL', () => {
    expect(out).toContain('<link rel="canonical" href="https://www.fgdjw.com.cn/articles/a/">');
    expect(out).toContain('href="../../_astro/x.css"');
    expect(out).toContain('<a href="../../channel/jiceng/index.html">基层点睛</a>');
    expect(out).toContain('src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/b.png 2x"');
    expect(out).toContain('action="../../search/index.html"');
  });
  it('inserts the notice after <body> and leaves everything else byte for byte', () => {
    expect(out).toContain('<body class="x"><div class="offline-notice">离线存档</div><a ');
    expect(out).toContain('<p title="/not-a-url/">正文 &amp; 符号</p>');
  });
  it('rewrites url() in stylesheets relative to the stylesheet', () => {
    expect(
      rewriteCss('a{background:url(/img/a.png)} b{background:url("https://x/y.png")}', {
        from: '_astro/x.css',
        exists,
      }),
    ).toBe('a{background:url(../img/a.png)} b{background:url("https://x/y.png")}');
  });
});

describe('searchPageFrom', () => {
  it('keeps the shell’s header and footer, replaces title, main and canonical, drops the current-page mark', async () => {
    const { searchPageFrom } = await import('../../scripts/lib/snapshot/search-page');
    const shell =
      '<!DOCTYPE html><html><head><title>首页</title><link rel="canonical" href="https://x/"></head><body><header><a href="/" aria-current="page">首页</a></header><main id="main"><p>头条</p></main><footer>页脚</footer></body></html>';
    const out = searchPageFrom(shell, '中国非公企业党建网', 'https://x/search/');
    expect(out).toContain('<title>站内搜索 - 中国非公企业党建网</title>');
    expect(out).toContain('<link rel="canonical" href="https://x/search/">');
    expect(out).toContain('<header><a href="/">首页</a></header>');
    expect(out).not.toContain('头条');
    expect(out).toContain('<form id="offline-search-form"');
    expect(out).toContain('<footer>页脚</footer>');
  });
});
