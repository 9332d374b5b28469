import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/fixtures';
import { page, text, texts } from '../helpers/html';
import { ROOT, type BuildResult } from '../helpers/site';

describe('a build with broken articles', () => {
  let r: BuildResult;
  beforeAll(() => {
    r = buildFixture('broken');
  });
  const line = (file: string) =>
    r.output.split('\n').find((l) => l.includes(file) && !l.includes('另一篇')) ?? '';

  it('fails and leaves no site behind', () => {
    expect(r.status).not.toBe(0);
    expect(existsSync(r.outDir)).toBe(false);
    expect(r.output).toContain('内容有 3 处问题');
  });

  it('names the file, line, field, expectation and value of a bad date', () => {
    expect(line('articles/bad-date.mdx')).toContain(
      '.test-output/fixture-broken/content/articles/bad-date.mdx:3: date: 这一天不存在 (expected 2015-03-24 或 2015-03-24T09:30:00+08:00, found "2015-02-30")',
    );
  });

  it('lists the known channels for an unknown one', () => {
    expect(line('articles/unknown-channel.mdx')).toContain(
      'unknown-channel.mdx:4: channel: 未知的频道 (expected 以下频道编号之一：jiceng（基层点睛）、anli（案例）、kong（空频道）, found "jicheng")',
    );
  });

  it('names both files that claim one URL', () => {
    const dup = r.output.split('\n').find((l) => l.includes('/articles/same-url/'))!;
    expect(dup).toContain('articles/a/same-url.mdx');
    expect(dup).toContain('articles/b/same-url.mdx');
    expect(dup).toContain(': file: ');
  });

  it('does not complain about the good article', () => {
    expect(r.output).not.toContain('fine.mdx');
  });
});

describe('a build with drafts, scheduled articles and an empty channel', () => {
  let r: BuildResult;
  const SITE = 'https://staging.example.cn';
  beforeAll(() => {
    r = buildFixture('publishing', { SITE_URL: SITE });
  });

  it('succeeds', () => {
    expect(r.status, r.output).toBe(0);
  });

  it('builds outside the project without leaking Astro’s own files into the site', () => {
    expect(r.outDir.startsWith(ROOT)).toBe(false);
    const top = readdirSync(r.outDir).sort();
    expect(top).toEqual(expect.arrayContaining(['index.html', 'rss.xml', 'articles', 'channel']));
    for (const f of [
      'data-store.json',
      'settings.json',
      'collections',
      'content-assets.mjs',
      'content-modules.mjs',
    ])
      expect(top, f).not.toContain(f);
  });

  it('leaves drafts and future-dated articles out of every page, feed and sitemap', () => {
    expect(existsSync(join(r.outDir, 'articles/published/index.html'))).toBe(true);
    for (const id of ['draft', 'scheduled'])
      expect(existsSync(join(r.outDir, 'articles', id)), id).toBe(false);
    const everywhere = [
      'index.html',
      'channel/jiceng/index.html',
      'channel/anli/index.html',
      'rss.xml',
      'channel/jiceng/rss.xml',
      'channel/anli/rss.xml',
      'sitemap-0.xml',
      'articles/published/index.html',
    ]
      .map((f) => readFileSync(join(r.outDir, f), 'utf8'))
      .join('\n');
    expect(everywhere).toContain('已发布的文章');
    expect(everywhere).not.toContain('草稿文章不应出现');
    expect(everywhere).not.toContain('定时发布的文章不应出现');
    expect(everywhere).not.toMatch(/\/articles\/(draft|scheduled)\//);
  });

  it('shows an empty channel as a friendly empty state', () => {
    const doc = page(r.outDir, '/channel/kong/');
    expect(text(doc.querySelector('h1'))).toBe('空频道');
    expect(text(doc.querySelector('.channel-page .empty'))).toContain('本频道暂时还没有文章');
    expect(doc.querySelector('.pagination')).toBeNull();
    expect(text(page(r.outDir, '/').querySelector('#block-kong')!.parentNode)).toContain(
      '暂无文章',
    );
    expect(readFileSync(join(r.outDir, 'channel/kong/rss.xml'), 'utf8')).not.toContain('<item>');
  });

  it('takes the public URL from SITE_URL everywhere, never the default', () => {
    const files = [
      'index.html',
      'articles/published/index.html',
      'channel/jiceng/index.html',
      'rss.xml',
      'channel/jiceng/rss.xml',
      'sitemap-index.xml',
      'sitemap-0.xml',
      'robots.txt',
    ];
    for (const f of files) {
      const body = readFileSync(join(r.outDir, f), 'utf8');
      expect(body, f).toContain(SITE);
      expect(body, f).not.toContain('fgdjw.com.cn');
    }
    const doc = page(r.outDir, '/articles/published/');
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      `${SITE}/articles/published/`,
    );
    expect(
      JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent).url,
    ).toBe(`${SITE}/articles/published/`);
  });

  it('renders GFM tables, lists and footnotes', () => {
    const doc = page(r.outDir, '/articles/table/');
    expect(texts(doc, '.prose table td')).toEqual(['党组织', '45']);
    expect(texts(doc, '.prose ul li').slice(0, 2)).toEqual(['第一项', '第二项']);
    expect(doc.querySelector('.prose sup a[href^="#"]')).not.toBeNull();
    expect(text(doc.querySelector('.prose .footnotes'))).toContain('这是脚注。');
  });
});
