/**
 * A lone common character (党) is answered from its first page ranked at
 * build time (src/lib/search/first-pages.ts), without Pagefind; 加载更多
 * continues from Pagefind without repeating it. Runs against the sample site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE_DIST } from '../helpers/site';
import { serve, type Served } from '../helpers/serve';
import { launchChromium } from '../../scripts/lib/browser';
import { allResults, holdBack } from '../helpers/search-page';
import { readBundle } from '../helpers/pagefind-bundle';
import { search } from '../../src/lib/search/query';
import { HANDOFF_KEY } from '../../src/lib/search/handoff';
import { MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/shards';

let site: Served;
let browser: Browser;

beforeAll(async () => {
  site = await serve(SAMPLE_DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** query.ts over every article of the built index: what the whole archive ranks first. */
function expected(q: string) {
  const bundle = readBundle(join(SAMPLE_DIST, 'pagefind'));
  const docs = bundle.pages.map((_, i) => {
    const f = bundle.fragment(i);
    return { id: f.url, title: f.meta.title!, text: f.meta.text!, date: f.meta.iso!, channel: '' };
  });
  return search(docs, q).map((r) => r.doc.id);
}

const shown = (page: Page) =>
  page.$$eval('.search-results li h2 a', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );

describe('a lone common character', () => {
  it('is listed in the manifest with its first page', () => {
    const manifest = JSON.parse(
      readFileSync(join(SAMPLE_DIST, 'pagefind', MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    expect(manifest.first?.chars).toContain('党');
    expect(manifest.first?.path).toMatch(/^\/pagefind\/first\/[0-9a-f]{12}\/$/);
  });

  it('shows its first page ranked over the whole archive, with the true count, without waiting for Pagefind', async () => {
    const want = expected('党');
    expect(want.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // Pagefind's index chunks answer only after 20 s: the first page must not wait for them.
    await holdBack(page, '**/*.pf_index');
    const started = Date.now();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('党')}`);
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length > 0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await shown(page)).toEqual(want.slice(0, 10));
    const status = await page.textContent('[data-search-status]');
    expect(status).toContain(`共 ${want.length} 篇`);
    expect(asked.some((p) => p.startsWith('/pagefind/first/'))).toBe(true);
    expect(asked.filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    expect(await page.locator('.search-results .excerpt mark').first().textContent()).toBe('党');
    await page.close();
  });

  it('goes on with 加载更多 from Pagefind: every match once, the first page unchanged', async () => {
    const want = expected('党');
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('党')}`);
    const r = await allResults(page);
    expect(r.urls.slice(0, 10)).toEqual(want.slice(0, 10));
    expect(new Set(r.urls).size).toBe(r.urls.length);
    expect([...r.urls].sort()).toEqual([...want].sort());
    expect(r.status).toContain(`共 ${want.length} 篇`);
    await page.close();
  });

  it('is what the header box hands over, and the search page keeps it', async () => {
    const want = expected('党').slice(0, 10);
    const page = await browser.newPage();
    await page.goto(`${site.url}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`);
    await page.fill('#site-search', '党');
    await page.waitForFunction(
      (key) => JSON.parse(sessionStorage.getItem(key) ?? '{}').q === '党',
      HANDOFF_KEY,
    );
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-search', 'Enter')]);
    await page.waitForSelector('[data-handed-over]');
    expect(await shown(page)).toEqual(want);
    await page.waitForTimeout(500); // nothing replaces it
    expect(await shown(page)).toEqual(want);
    await page.close();
  });

  it('is not used with a filter or 按日期: those search the index', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('党')}&sort=date`);
    const r = await allResults(page);
    expect(asked.some((p) => p.startsWith('/pagefind/first/'))).toBe(false);
    expect(r.urls.length).toBe(expected('党').length);
    await page.close();
  });

  it('says the search is unavailable, not 正在搜索 for ever, when the manifest cannot be read', async () => {
    const page = await browser.newPage();
    await page.route('**/pagefind/manifest.json', (route) => route.abort());
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('党')}`);
    await expect
      .poll(() => page.textContent('[data-search-status]'), { timeout: 15_000 })
      .toContain('搜索暂时不可用');
    await page.close();
  });

  it('is fetched by the article page itself, before its worker has started', async () => {
    const want = expected('党').slice(0, 10);
    const page = await browser.newPage();
    // The worker's script answers only after 20 s.
    await holdBack(page, '**/search/presearch.js');
    await page.goto(`${site.url}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`);
    await page.fill('#site-search', '党');
    await page.waitForFunction(
      (key) => JSON.parse(sessionStorage.getItem(key) ?? '{}').q === '党',
      HANDOFF_KEY,
      { timeout: 10_000 },
    );
    const started = Date.now();
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-search', 'Enter')]);
    await page.waitForSelector('[data-handed-over]');
    expect(Date.now() - started).toBeLessThan(5_000); // Enter did not wait for the worker
    expect(await shown(page)).toEqual(want);
    await page.close();
  });
});
