import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { page, text, texts } from '../helpers/html';
import { CAPTURE_COPY, readCapture, sharedCapturePath } from '../helpers/legacy';
import { SAMPLE_DIST } from '../helpers/site';

const PATH = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
const capture = readCapture();
const doc = page(SAMPLE_DIST, PATH);

describe('the legacy article, built', () => {
  it('keeps the test copy of the capture identical to ../shared/legacy', () => {
    const shared = sharedCapturePath();
    if (!shared) return; // CI checkouts have only the copy.
    expect(readFileSync(CAPTURE_COPY, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('has the title of the capture', () => {
    expect(text(doc.querySelector('article h1'))).toBe(capture.title);
    expect(text(doc.querySelector('title'))).toBe(`${capture.title} - 中国非公企业党建网`);
  });

  it('prints the meta line exactly, without a bare 作者 label', () => {
    const meta = text(doc.querySelector('article .meta'));
    expect(meta).toBe('2015年03月24日 来源：中国非公企业党建网 编辑：付文');
    expect(text(doc.querySelector('article'))).not.toContain('作者');
    expect(doc.querySelector('article .meta time')!.getAttribute('datetime')).toBe(
      '2015-03-24T00:00:00+08:00',
    );
  });

  it('has the breadcrumb 您当前的位置：首页 > 基层点睛 > 正文', () => {
    expect(text(doc.querySelector('.breadcrumb'))).toBe('您当前的位置：首页 > 基层点睛 > 正文');
    expect(doc.querySelector('.breadcrumb a[href="/channel/jiceng/"]')).not.toBeNull();
  });

  it('has the body of the capture, paragraph for paragraph', () => {
    const paragraphs = texts(doc, 'article .prose p');
    expect(paragraphs).toEqual(capture.paragraphs);
    expect(paragraphs[0]!.startsWith('近年来')).toBe(true);
    expect(paragraphs.slice(1).map((p) => p.slice(0, 2))).toEqual(['第一', '第二', '第三']);
    for (const mark of ['①', '②', '③', '④', '⑤']) expect(paragraphs[1]).toContain(mark);
    for (const mark of ['①', '②', '③']) expect(paragraphs[2]).toContain(mark);
  });

  it('is in Chinese, with canonical URL, Open Graph and JSON-LD NewsArticle', () => {
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href');
    expect(canonical).toMatch(
      /^https?:\/\/[^/]+\/articles\/kaihua-dangqun-gongjian-sanwu-moshi\/$/,
    );
    const og = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    expect(og('og:type')).toBe('article');
    expect(og('og:title')).toBe(capture.title);
    expect(og('og:url')).toBe(canonical);
    expect(og('og:locale')).toBe('zh_CN');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: capture.title,
      datePublished: '2015-03-24T00:00:00+08:00',
      articleSection: '基层点睛',
      url: canonical,
    });
    expect(ld.author).toBeUndefined();
  });

  it('has the reader tools, 相关稿件, 上一篇/下一篇, the page QR code and the promos', () => {
    expect(texts(doc, '.reader-tools button')).toEqual(['大', '中', '小', '打印本页']);
    expect(doc.querySelectorAll('.related li').length).toBe(5);
    expect(text(doc.querySelector('.prev-next'))).toMatch(/上一篇：.*下一篇：/);
    expect(doc.querySelector('.share svg[role="img"]')).not.toBeNull();
    const promos = text(doc.querySelector('.article-aside'));
    for (const s of ['微信号：DangJianFeiGQ', '2015年杂志征订', '小菲等你来报道'])
      expect(promos).toContain(s);
  });

  it('ships no JavaScript but the reader tools', () => {
    const scripts = doc
      .querySelectorAll('script')
      .filter((s) => s.getAttribute('type') !== 'application/ld+json');
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual(['/js/reader.js']);
  });
});
