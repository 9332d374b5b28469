/** Issue 6 checks over the built sample site: links, HTML, budgets, _headers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, checkHtml, checkLinks, heaviest, scanHtml } from '../../scripts/lib/checks';
import { formatProblem, type Problem } from '../../src/lib/schema/messages';
import { IMMUTABLE, REVALIDATE, headersFor, parseHeaders } from '../../src/lib/headers';
import { listFiles } from '../../src/lib/site-files';
import { siteUrl } from '../../src/lib/urls';
import { SAMPLE_DIST } from '../helpers/site';

const problems = (list: Problem[]) => list.map(formatProblem);

describe('built sample site', () => {
  it('has no broken internal link, asset, fragment, feed or sitemap URL', () => {
    const r = checkLinks(SAMPLE_DIST, { origin: siteUrl() });
    expect(problems(r.problems)).toEqual([]);
    // Pagination, feeds and every article are among what was checked.
    expect(r.pages).toBeGreaterThan(30);
    expect(r.checked).toBeGreaterThan(500);
  });

  it('links pagination pages and feeds that exist', () => {
    const channel = readFileSync(join(SAMPLE_DIST, 'channel/jiceng/index.html'), 'utf8');
    const hrefs = scanHtml(channel).refs.map((r) => r.url);
    expect(hrefs).toContain('/channel/jiceng/2/');
    expect(hrefs).toContain('/channel/jiceng/rss.xml');
  });

  it('passes html-validate with zero errors on every page', async () => {
    const r = await checkHtml(SAMPLE_DIST);
    expect(problems(r.problems)).toEqual([]);
    expect(r.pages).toBeGreaterThan(30);
  });

  it('keeps article pages within 25 KB gzip of HTML+CSS and every page within 2 KB gzip of JS', () => {
    const r = checkBudgets(SAMPLE_DIST);
    const { article, js, fmt } = heaviest(r.weights);
    console.log(
      `heaviest article ${article!.page}: HTML ${fmt(article!.htmlGzip)} + CSS ${fmt(article!.cssGzip)}; most JS ${js!.page}: ${fmt(js!.jsGzip)}`,
    );
    expect(problems(r.problems)).toEqual([]);
    expect(article!.cssGzip).toBeGreaterThan(0);
  });

  it('gives every external link rel="noopener noreferrer"', () => {
    let external = 0;
    for (const file of listFiles(SAMPLE_DIST).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(SAMPLE_DIST, file), 'utf8');
      for (const m of html.matchAll(/<a\b[^>]*href="https?:\/\/[^"]*"[^>]*>/g)) {
        if (m[0].includes(new URL(siteUrl()).host)) continue;
        external++;
        expect(m[0], file).toMatch(/rel="noopener noreferrer"/);
      }
    }
    expect(external).toBeGreaterThan(10);
  });
});

describe('_headers', () => {
  const rules = parseHeaders(readFileSync(join(SAMPLE_DIST, '_headers'), 'utf8'));
  const css = listFiles(SAMPLE_DIST).find((f) => f.startsWith('/_astro/') && f.endsWith('.css'))!;

  it('caches hashed assets for a year and makes HTML, feeds and the sitemap revalidate', () => {
    expect(headersFor(rules, css)['Cache-Control']).toBe(IMMUTABLE);
    for (const p of [
      '/',
      '/articles/kaihua-dangqun-gongjian-sanwu-moshi/',
      '/channel/jiceng/2/',
      '/rss.xml',
      '/channel/jiceng/rss.xml',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
      '/404.html',
      '/js/reader.js',
    ]) {
      expect(headersFor(rules, p)['Cache-Control'], p).toBe(REVALIDATE);
    }
  });

  it('sends the security headers with a CSP that allows no inline script', () => {
    const h = headersFor(rules, '/articles/kaihua-dangqun-gongjian-sanwu-moshi/');
    const csp = h['Content-Security-Policy']!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h['Permissions-Policy']).toMatch(/camera=\(\)/);
  });
});
