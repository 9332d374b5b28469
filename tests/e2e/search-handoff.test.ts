/**
 * Issue 11, Enter from an article page: while the reader types in the
 * header box, a worker runs the search page's search and the article page
 * keeps the first results (src/lib/search/handoff.ts); after Enter the
 * search page shows them at once, then opens the index itself, and what it
 * shows is what a search opened directly shows. Pagefind's WebAssembly runs
 * in the worker under the search CSP; the article page's CSP stays without
 * 'wasm-unsafe-eval'; no violation on either page. Served with the site's
 * own `_headers`, as a CDN would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { HANDOFF_KEY } from '../../src/lib/search/handoff';
import { watchProblems } from '../helpers/page-problems';
import { serve, type Served } from '../helpers/serve';
import { SAMPLE_DIST } from '../helpers/site';
import { allResults } from '../helpers/search-page';
import { warmChunkPath } from '../helpers/pagefind-bundle';

const ARTICLE = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
const Q = '党群共建';
let site: Served;
let browser: Browser;

beforeAll(async () => {
  site = await serve(SAMPLE_DIST, { headers: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh context (cold cache) on the article page, its CSP/error/dialog problems watched. */
async function onArticle() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watchProblems(page);
  const response = await page.goto(site.url + ARTICLE);
  return { context, page, problems, response: response! };
}

/** From the article page: focus the header box, type `q`, wait for its hand-off, press Enter. */
async function typeAndEnter(page: Page, q: string) {
  await page.focus('#site-search');
  await page.keyboard.type(q, { delay: 80 });
  await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(q);
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
  await page.waitForSelector('[data-search-status][data-handed-over="1"]');
}

/** The handed-over query the article page keeps, or null. */
const kept = (page: Page) =>
  page.evaluate((key) => {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { q: string }).q : null;
  }, HANDOFF_KEY);

describe('Enter in the header box of an article page', () => {
  it('shows the results found while typing at once, then the same as a direct search', async () => {
    const direct = await browser.newContext();
    const d = await direct.newPage();
    await d.goto(`${site.url}/search/?q=${encodeURIComponent(Q)}`);
    const expected = await allResults(d);
    await direct.close();
    expect(expected.urls[0]).toBe(ARTICLE);

    const { context, page, problems, response } = await onArticle();
    const csp = (await response.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('wasm-unsafe-eval');
    await typeAndEnter(page, Q);
    const shown = await page.$$eval('.search-results li h2 a', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(shown[0]).toBe(ARTICLE);
    const after = await allResults(page);
    expect(after.urls).toEqual(expected.urls);
    expect(after.status).toBe(expected.status);
    expect(await kept(page)).toBeNull(); // used once
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hands over 无结果 too, for a word no article contains', async () => {
    const { context, page, problems } = await onArticle();
    await typeAndEnter(page, '台风');
    const { status, urls } = await allResults(page);
    expect(urls).toEqual([]);
    expect(status).toContain('无结果');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches what a pinyin input method commits, not the letters being composed', async () => {
    const { context, page, problems } = await onArticle();
    // Every query the article page asks its worker for.
    await page.evaluate(() => {
      const asked: unknown[] = ((window as unknown as { asked: unknown[] }).asked = []);
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: never[]) {
        asked.push((m as { q?: unknown }).q);
        return post.call(this, m, ...rest);
      };
    });
    await page.focus('#site-search');
    // Chromium's own IME events (compositionstart/update/end), as a pinyin input method sends them.
    const cdp = await context.newCDPSession(page);
    const compose = async (pinyin: string, word: string) => {
      for (let k = 1; k <= pinyin.length; k++)
        await cdp.send('Input.imeSetComposition', {
          text: pinyin.slice(0, k),
          selectionStart: k,
          selectionEnd: k,
        });
      await cdp.send('Input.insertText', { text: word }); // the word chosen: compositionend
    };
    await compose('dangqun', '党群');
    await expect.poll(() => kept(page), { timeout: 15_000 }).toBe('党群');
    await compose('gongjian', '共建');
    await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(Q);
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([
      '',
      '党群',
      Q,
    ]);
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-search-status][data-handed-over="1"]');
    expect((await allResults(page)).urls[0]).toBe(ARTICLE);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("warms the worker's Pagefind while nothing is typed: one search of the index's warm-up word", async () => {
    const { context, page, problems } = await onArticle();
    const worker = page.waitForEvent('worker');
    await page.focus('#site-search');
    const w = await worker;
    const fetched = () =>
      w.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => /^\/pagefind\/(index|fragment)\//.test(p)),
      );
    await expect.poll(async () => (await fetched()).length, { timeout: 15_000 }).toBe(2);
    await page.waitForTimeout(300); // and nothing more comes
    const [index, fragment] = (await fetched()).sort().reverse();
    expect(index).toBe(warmChunkPath(SAMPLE_DIST));
    expect(fragment).toMatch(/^\/pagefind\/fragment\/[^/]+\.pf_fragment$/);
    expect(await kept(page)).toBeNull(); // a warm-up is not a result for the reader
    // The reader's search comes after it, on the same worker.
    await typeAndEnter(page, Q);
    expect((await allResults(page)).urls[0]).toBe(ARTICLE);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ignores a hand-off for another query and one an attacker wrote', async () => {
    const { context, page, problems } = await onArticle();
    const evil = {
      q: Q,
      at: Date.now(),
      total: 1,
      exact: true,
      hits: [
        {
          url: 'javascript:alert(1)',
          title: '<img src=x onerror=alert(2)>',
          text: Q,
          date: '2015-03-24T00:00:00+08:00',
          day: '<b>x</b>',
          channel: 'x',
          source: 'x',
        },
      ],
    };
    for (const handoff of [
      evil,
      { ...evil, q: '别的词', hits: [{ ...evil.hits[0]!, url: ARTICLE }] },
    ]) {
      await page.evaluate(
        ([key, value]) => sessionStorage.setItem(key!, value!),
        [HANDOFF_KEY, JSON.stringify(handoff)],
      );
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(Q)}`);
      const { urls } = await allResults(page);
      expect(urls[0]).toBe(ARTICLE);
      expect(urls).not.toContain('javascript:alert(1)');
      expect(await page.getAttribute('[data-search-status]', 'data-handed-over')).toBeNull();
      expect(await page.locator('.search-results img').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the header box worker when the reader leaves', () => {
  it('is stopped at Enter (its answer is kept), and a new one starts at the next focus', async () => {
    const { context, page, problems } = await onArticle();
    const workers: import('playwright-core').Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    await page.focus('#site-search');
    await page.keyboard.type(Q, { delay: 80 });
    await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(Q);
    expect(workers).toHaveLength(1);
    const closed = new Promise<void>((done) => workers[0]!.on('close', () => done()));
    // The navigation is held back (as when it is cancelled, or the page is later restored
    // from the back/forward cache), so only the worker's own end is seen.
    await page.evaluate(() =>
      window.addEventListener('submit', (e) => e.preventDefault(), { once: true }),
    );
    await page.keyboard.press('Enter');
    const late = page.waitForTimeout(10_000).then(() => 'still running');
    expect(await Promise.race([closed.then(() => 'stopped'), late])).toBe('stopped');
    expect(page.url()).toContain('/articles/');
    // Typing again, after a new focus: a new worker answers the new query.
    await page.locator('#site-search').blur();
    await page.fill('#site-search', '');
    await page.focus('#site-search');
    await page.keyboard.type('台风', { delay: 80 });
    await expect.poll(() => kept(page), { timeout: 15_000 }).toBe('台风');
    expect(workers).toHaveLength(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});
