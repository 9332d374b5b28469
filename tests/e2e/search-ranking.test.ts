/**
 * Ranking as a reader sees it (issue 11), in headless Chromium on a built
 * site with at least three search shards: a title match from 2012 above
 * thirty newer body mentions, an article saying a term eight times in the
 * top three above twenty newer single mentions, 按日期 exact across shards,
 * and a true count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serve, type Served } from '../helpers/serve';
import { launchChromium } from '../../scripts/lib/browser';
import { allResults } from '../helpers/search-page';
import { buildCorpusSite, type QualityArticle } from '../helpers/quality-corpus';
import {
  generateRankingCorpus,
  HEAVY_QUERY,
  matching,
  TITLE_QUERY,
} from '../helpers/ranking-corpus';
import { MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/shards';

let site: Served;
let browser: Browser;
let page: Page;
let articles: QualityArticle[];
let shards: number;

beforeAll(async () => {
  articles = generateRankingCorpus();
  const outDir = buildCorpusSite('ranking', articles);
  shards = (
    JSON.parse(readFileSync(join(outDir, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest
  ).shards.length;
  site = await serve(outDir);
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const url = (a: QualityArticle) => `/articles/${a.slug}/`;

/** Opens /search/?… and returns the first page of result URLs once the count is final. */
async function firstPage(
  query: string,
): Promise<{ urls: string[]; status: string; count: number }> {
  await page.goto(`${site.url}/search/?${query}`);
  await page.waitForFunction(() => {
    const s = document.querySelector<HTMLElement>('[data-search-status]')!;
    return s.dataset.countExact === '1' || /无结果/.test(s.textContent ?? '');
  });
  const urls = await page.$$eval('.search-results li h2 a', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const status = (await page.textContent('[data-search-status]')) ?? '';
  const count = Number(await page.getAttribute('[data-search-status]', 'data-count'));
  return { urls, status, count };
}

describe('search ranking over the whole archive', () => {
  it('the index was made in at least three shards (merged into one bundle)', () => {
    expect(shards).toBeGreaterThanOrEqual(3);
  });
  it('a 2012 article with the query in its title comes first, above 30 newer body-only mentions', async () => {
    const expected = matching(TITLE_QUERY, articles);
    expect(expected.length).toBe(31);
    const { urls, status, count } = await firstPage(`q=${encodeURIComponent(TITLE_QUERY)}`);
    expect(urls[0]).toBe('/articles/rank-title-2012/');
    expect(urls).toHaveLength(10);
    expect(status).not.toContain('加载更多');
    expect(count).toBe(expected.length);
    expect(status).toContain(`共 ${expected.length} 篇`);
  });
  it('a 2013 article saying the term eight times is in the top 3, above 20 newer single mentions', async () => {
    const expected = matching(HEAVY_QUERY, articles);
    expect(expected.length).toBe(21);
    const { urls, count } = await firstPage(`q=${encodeURIComponent(HEAVY_QUERY)}`);
    expect(urls.slice(0, 3)).toContain('/articles/rank-heavy-2013/');
    expect(count).toBe(expected.length);
  });
  it('按日期 lists every match newest first, exactly, across every shard', async () => {
    const expected = matching(HEAVY_QUERY, articles)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map(url);
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(HEAVY_QUERY)}&sort=date`);
    const { urls } = await allResults(page);
    expect(urls).toEqual(expected);
  });
  it('counts literal matches, for a two-character query too, and says 无结果 for none', async () => {
    for (const q of ['乡村', '企业发展']) {
      const expected = matching(q, articles).length;
      const { count, status } = await firstPage(`q=${encodeURIComponent(q)}`);
      expect(count, q).toBe(expected);
      expect(status).toContain(`共 ${expected} 篇`);
    }
    const none = await firstPage(`q=${encodeURIComponent('乡村链长')}`);
    expect(none.status).toContain('无结果');
  });
});
