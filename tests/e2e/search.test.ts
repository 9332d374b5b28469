/**
 * The reader's path from the issue: type 党群共建 in the header box on an
 * article page → search page → legacy article first → filter by channel →
 * reload → same results. Runs against the sample site (SAMPLE_DIST).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SAMPLE_DIST } from '../helpers/site';
import { serve, type Served } from '../helpers/serve';
import { launchChromium } from '../../scripts/lib/browser';
import { allResults, holdBack } from '../helpers/search-page';
import { warmChunkPath } from '../helpers/pagefind-bundle';

const LEGACY = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
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

describe('search from the header box', () => {
  it('finds the legacy article first, filters by channel and survives a reload', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));

    await page.goto(site.url + LEGACY);
    // Article pages load no search code until the reader searches.
    expect(requests.filter((p) => p.startsWith('/pagefind/') || p.includes('search'))).toEqual([]);
    await page.fill('#site-search', '党群共建');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-search', 'Enter')]);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=党群共建');

    const first = await allResults(page);
    expect(first.urls[0]).toBe(LEGACY);
    expect(first.urls.length).toBeGreaterThan(1);
    const top = page.locator('.search-results li').first();
    await expect(top.locator('h2').textContent()).resolves.toContain('开化');
    const meta = (await top.locator('.meta').textContent()) ?? '';
    expect(meta).toContain('2015年03月24日');
    expect(meta).toContain('频道：基层点睛');
    expect(meta).toContain('来源：中国非公企业党建网');
    expect(await top.locator('.excerpt mark').first().textContent()).toBe('党群共建');
    // Excerpts come from the article text only: no meta line, no navigation.
    const excerpts = await page.locator('.search-results .excerpt').allTextContents();
    for (const x of excerpts) expect(x).not.toMatch(/编辑：|您当前的位置|友情链接|打印本页/);

    await Promise.all([
      page.waitForURL(/channel=/),
      page.selectOption('select[name=channel]', '基层点睛'),
    ]);
    const filtered = await allResults(page);
    expect(filtered.urls[0]).toBe(LEGACY);
    expect(filtered.urls.length).toBeLessThanOrEqual(first.urls.length);
    for (const m of await page.locator('.search-results .meta').allTextContents())
      expect(m).toContain('频道：基层点睛');
    expect(await page.inputValue('#q')).toBe('党群共建');

    await page.reload();
    const reloaded = await allResults(page);
    expect(reloaded.urls).toEqual(filtered.urls);
    expect(await page.inputValue('select[name=channel]')).toBe('基层点睛');
    expect(errors).toEqual([]);
  });

  it('says 无结果 for a word no article contains from the word directory, without waiting for the index', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // Index chunks answer only after 20 s: 无结果 must not wait for them.
    await holdBack(page, '**/*.pf_index');
    const started = Date.now();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('台风')}`);
    const r = await allResults(page);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.urls).toEqual([]);
    expect(r.status).toContain('无结果');
    expect(asked.some((p) => p.startsWith('/pagefind/words/'))).toBe(true);
    // No fragment: nothing was found to read.
    expect(asked.filter((p) => /\.pf_fragment$/.test(p))).toEqual([]);
    await page.close();
  });

  it("after 无结果 from the directory, warms Pagefind with the index's warm-up word for the next query", async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('台风')}`);
    expect((await allResults(page)).status).toContain('无结果');
    const read = () => asked.filter((p) => /\/pagefind\/(index|fragment)\//.test(p));
    await expect.poll(() => read().length, { timeout: 15_000 }).toBe(2);
    await page.waitForTimeout(300); // and nothing more comes
    const [index, fragment] = read().sort().reverse();
    expect(index).toBe(warmChunkPath(SAMPLE_DIST));
    expect(fragment).toMatch(/^\/pagefind\/fragment\/[^/]+\.pf_fragment$/);
    // Nothing the reader sees changes; the next query is answered as usual.
    expect((await allResults(page)).urls).toEqual([]);
    await page.fill('#q', '党群共建');
    await Promise.all([page.waitForURL(/q=/), page.press('#q', 'Enter')]);
    await page.waitForFunction(
      () => !/无结果/.test(document.querySelector('[data-search-status]')!.textContent!),
    );
    expect((await allResults(page)).urls[0]).toBe(LEGACY);
    await page.close();
  });
});
