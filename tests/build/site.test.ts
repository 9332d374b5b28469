import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { page, text, texts } from '../helpers/html';
import { readCapture } from '../helpers/legacy';
import { readBuilt, SAMPLE_DIST } from '../helpers/site';

const LEGACY = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
const LEGACY_TITLE = '开化:探索党群共建“三五模式”激发两新组织党建工作“十足活力”';
const capture = readCapture();
const built = (p: string) => readBuilt(SAMPLE_DIST, p);

/** One page of each type. */
const PAGES = ['/', '/channel/jiceng/', '/channel/jiceng/2/', LEGACY, '/notices/', '/404.html'];

describe('every page type', () => {
  it.each(PAGES)(
    '%s lists all 27 friend links, 11 alliance sites and 14 partners of the capture',
    (path) => {
      const doc = page(SAMPLE_DIST, path);
      expect(texts(doc, '#friend-links + ul li')).toEqual(capture.friendLinks);
      expect(texts(doc, '#alliance + ul li')).toEqual(capture.alliance);
      expect(texts(doc, '#partners + ul li')).toEqual(capture.partners);
    },
  );

  it.each(PAGES)(
    '%s has lang=zh-CN, a canonical URL (none on the 404), Open Graph, the masthead and channel bar',
    (path) => {
      const doc = page(SAMPLE_DIST, path);
      expect(doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
      if (path.includes('404')) expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
      else
        expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(
          /^https?:\/\//,
        );
      expect(doc.querySelector('meta[property="og:title"]')).not.toBeNull();
      expect(text(doc.querySelector('.brand'))).toBe('中国非公企业党建凝聚向上的力量');
      expect(texts(doc, 'nav.channels a')).toEqual([
        '首页',
        '基层点睛',
        '案例',
        '参考',
        '专题',
        '非公专委会',
      ]);
      expect(text(doc.querySelector('.site-header .notice'))).toContain(
        '超威杯“和合情•中国梦”全国非公企业党建主题摄影优秀作品获奖名单',
      );
    },
  );

  it.each(PAGES.filter((p) => p !== LEGACY))(
    '%s loads no reader-tools script (only articles need it)',
    (path) => {
      expect(built(path)).not.toContain('reader.js');
    },
  );

  it('links only the friend links that have a public address', () => {
    const doc = page(SAMPLE_DIST, '/');
    const linked = doc.querySelectorAll('#friend-links + ul a');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length).toBeLessThan(27);
    for (const a of linked) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
  });
});

describe('home', () => {
  const doc = page(SAMPLE_DIST, '/');
  it('has headlines, a block per channel and the promos', () => {
    expect(doc.querySelector('.headlines .lead h3 a')).not.toBeNull();
    expect(texts(doc, '.channel-block h2 > a:first-child')).toEqual([
      '基层点睛',
      '案例',
      '参考',
      '专题',
      '非公专委会Feigong Zhuanweihui',
    ]);
    expect(text(doc.querySelector('.home-aside'))).toContain('微信号：DangJianFeiGQ');
  });
});

describe('channel pages', () => {
  it('list the legacy article in 基层点睛, newest first, 20 per page', () => {
    const p1 = page(SAMPLE_DIST, '/channel/jiceng/');
    const p2 = page(SAMPLE_DIST, '/channel/jiceng/2/');
    const items = [
      ...p1.querySelectorAll('.article-list li'),
      ...p2.querySelectorAll('.article-list li'),
    ];
    expect(p1.querySelectorAll('.article-list li')).toHaveLength(20);
    const titles = items.map((li) => text(li.querySelector('a')));
    expect(titles).toContain(LEGACY_TITLE);
    const dates = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(p2.querySelector(`a[href="${LEGACY}"]`)).not.toBeNull();
  });
  it('have numbered pagination with stable URLs', () => {
    const p1 = page(SAMPLE_DIST, '/channel/jiceng/');
    expect(p1.querySelector('.pagination a[href="/channel/jiceng/2/"]')).not.toBeNull();
    expect(p1.querySelector('.pagination [aria-current="page"]')!.textContent).toBe('1');
    const p2 = page(SAMPLE_DIST, '/channel/jiceng/2/');
    expect(p2.querySelector('.pagination a[rel="prev"]')!.getAttribute('href')).toBe(
      '/channel/jiceng/',
    );
    expect(p2.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(
      /\/channel\/jiceng\/2\/$/,
    );
    expect(existsSync(join(SAMPLE_DIST, 'channel/jiceng/1'))).toBe(false);
  });
});

describe('feeds and metadata', () => {
  /** RSS items; <link> is an XML element here, so a small regex beats an HTML parser. */
  const items = (xml: string) =>
    [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => {
      const field = (tag: string) =>
        /<(\w+)>([\s\S]*?)<\/\1>/g.exec(body!.slice(body!.indexOf(`<${tag}>`)))?.[2] ?? '';
      return {
        title: parse(field('title')).textContent,
        link: field('link').trim(),
        pubDate: field('pubDate'),
      };
    });
  it('the site feed and the 基层点睛 feed contain the legacy article', () => {
    for (const path of ['/rss.xml', '/channel/jiceng/rss.xml']) {
      const xml = built(path);
      expect(xml).toContain('<language>zh-cn</language>');
      const item = items(xml).find((i) => i.link.endsWith(LEGACY));
      expect(item, path).toBeDefined();
      expect(item!.title).toBe(LEGACY_TITLE);
      expect(new Date(item!.pubDate).toISOString()).toBe('2015-03-23T16:00:00.000Z');
    }
  });
  it('each channel has its own feed, with only its articles', () => {
    const anli = items(built('/channel/anli/rss.xml'));
    expect(anli.length).toBeGreaterThan(0);
    expect(anli.some((i) => i.link.endsWith(LEGACY))).toBe(false);
  });
  it('has a sitemap with the article and channel pages but not the 404', () => {
    const index = built('/sitemap-index.xml');
    expect(index).toContain('sitemap-0.xml');
    const sitemap = built('/sitemap-0.xml');
    expect(sitemap).toContain(LEGACY);
    expect(sitemap).toContain('/channel/jiceng/2/');
    expect(sitemap).not.toContain('404');
  });
  it('has robots.txt pointing at the sitemap', () => {
    expect(built('/robots.txt')).toMatch(
      /^User-agent: \*\nAllow: \/\n\nSitemap: https?:\/\/.+\/sitemap-index\.xml\n$/,
    );
  });
  it('has a 404 page in Chinese that is not indexed', () => {
    const doc = page(SAMPLE_DIST, '/404.html');
    expect(text(doc.querySelector('h1'))).toContain('页面不存在');
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
  });
  it('puts no build artefacts into the site', () => {
    for (const f of ['collections', 'content-assets.mjs', 'content-modules.mjs'])
      expect(existsSync(join(SAMPLE_DIST, f)), f).toBe(false);
  });
  it('writes the public URL from SITE_URL (default) into canonical links and feeds', () => {
    const origin = new URL(
      page(SAMPLE_DIST, '/').querySelector('link[rel="canonical"]')!.getAttribute('href')!,
    ).origin;
    expect(readFileSync(join(SAMPLE_DIST, 'rss.xml'), 'utf8')).toContain(`${origin}${LEGACY}`);
    expect(built('/robots.txt')).toContain(`${origin}/sitemap-index.xml`);
  });
});
