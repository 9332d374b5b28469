/**
 * Issue 11, Enter from an article page: focusing the header search box
 * fetches what the search page needs before its first results (its
 * script, Pagefind's loader and WebAssembly, every shard's entry and
 * metadata: public/js/reader.js, the last ones through the header box's
 * search worker), and the search page that Enter opens
 * then takes them from the HTTP cache instead of the network. Served with
 * the site's own `_headers` (Cache-Control, CSP) and ETags, as a CDN would;
 * no CSP violation on either page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { bundleFiles, type PagefindEntry } from '../../src/lib/search/warm';
import { watchProblems } from '../helpers/page-problems';
import { serve, type Served } from '../helpers/serve';
import { SAMPLE_DIST } from '../helpers/site';
import { allResults } from '../helpers/search-page';

const ARTICLE = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
let site: Served;
let browser: Browser;
/** Paths of the full responses (with a body) the server sent, in order; a 304 sends none. */
const sent: string[] = [];
const count = (from: number, path: string) => sent.slice(from).filter((p) => p === path).length;

beforeAll(async () => {
  site = await serve(SAMPLE_DIST, { headers: true, onBytes: (path) => sent.push(path) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What the search page needs before its first results, read from the build's own files. */
function expectedFiles(): string[] {
  const html = readFileSync(join(SAMPLE_DIST, 'search/index.html'), 'utf8');
  const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
  const entry = JSON.parse(
    readFileSync(join(SAMPLE_DIST, 'pagefind/pagefind-entry.json'), 'utf8'),
  ) as PagefindEntry;
  return [script, '/pagefind/pagefind.js', ...bundleFiles(entry, 'zh-CN')];
}

describe('the header search box on an article page', () => {
  it('prefetches the search files on focus, and the search page takes them from the cache', async () => {
    const files = expectedFiles();
    expect(files.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(files.some((f) => /wasm\.[^/]+\.pagefind$/.test(f))).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchProblems(page);

    const start = sent.length;
    await page.goto(site.url + ARTICLE);
    // Nothing of search until the reader comes to the box.
    expect(sent.slice(start).filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    const focus = sent.length;
    await page.focus('#site-search');
    // Every file arrives once, while the reader types.
    await expect
      .poll(() => files.filter((f) => count(focus, f) === 0), { timeout: 15_000 })
      .toEqual([]);
    expect(count(focus, '/pagefind/pagefind-entry.json')).toBe(1);
    await page.keyboard.type('党群共建', { delay: 30 });
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
    const { urls } = await allResults(page);
    expect(urls[0]).toBe(ARTICLE);

    // The search page used each of them and the cache answered: no second body.
    for (const f of files) expect(count(focus, f), `${f} sent once`).toBe(1);
    // In the browser's own words: read from the cache, nothing over the network.
    const transferred = await page.evaluate((files) => {
      const out: Record<string, number> = {};
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const path = new URL(e.name).pathname;
        if (files.includes(path)) out[path] = e.transferSize;
      }
      return out;
    }, files);
    expect(Object.keys(transferred).sort()).toEqual([...files].sort());
    // Hashed files (immutable) are read as they are. The others (max-age=0, must-revalidate:
    // Pagefind's loader and WebAssembly) are read as they are, or, as Chromium does not
    // always honour its five prefetch minutes, after a 304: headers only, never the body.
    for (const f of files)
      if (f.startsWith('/_astro/') || f.endsWith('.pf_meta')) expect(transferred[f], f).toBe(0);
      else expect(transferred[f], f).toBeLessThan(1024);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('prefetches nothing before focus and at most once a page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchProblems(page);
    await page.goto(site.url + ARTICLE);
    const focus = sent.length;
    await page.focus('#site-search');
    const meta = (from: number) => sent.slice(from).filter((p) => p.endsWith('.pf_meta')).length;
    await expect.poll(() => meta(focus), { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(300);
    const after = sent.length;
    await page.locator('#site-search').blur();
    await page.focus('#site-search');
    await page.waitForTimeout(300);
    expect(sent.slice(after)).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
