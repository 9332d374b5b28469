import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { buildOfflineIndex, type OfflineDoc } from '../../scripts/lib/snapshot/search-index';
import { search } from '../../src/lib/search/query';
import { sampleSnapshot, unpack } from '../helpers/snapshot';

let browser: Browser;
let page: Page;
let dir: string;
let root: string;
let zipDir: string;
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  const snap = await sampleSnapshot();
  dir = unpack(snap.zip);
  zipDir = dirname(snap.zip);
  root = join(dir, snap.name);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A favicon still loading when a test clicks on is aborted, not missing.
  page.on('requestfailed', (r) => {
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) errors.push(`failed: ${r.url()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(zipDir, { recursive: true, force: true });
});

const here = () => decodeURI(page.url()).replace(pathToFileURL(root).href, '');

describe('snapshot opened from file:// in Chromium', () => {
  it('browses home → channel → page 2 → article → 上一篇 → home with styles', async () => {
    await page.goto(pathToFileURL(join(root, 'index.html')).href);
    expect(await page.locator('.offline-notice').textContent()).toMatch(
      /离线存档：本页是 \d{4}年\d{2}月\d{2}日 保存的离线副本/,
    );
    // The stylesheet loaded: the header's channel list is laid out by global.css, not the browser default.
    expect(
      await page.locator('nav.channels ul').evaluate((el) => getComputedStyle(el).listStyleType),
    ).toBe('none');

    await page.locator('nav.channels').getByRole('link', { name: '基层点睛' }).click();
    expect(here()).toBe('/channel/jiceng/index.html');
    await page.locator('nav.pagination').getByRole('link', { name: '第 2 页' }).click();
    expect(here()).toBe('/channel/jiceng/2/index.html');
    expect(await page.locator('nav.pagination [aria-current="page"]').textContent()).toBe('2');

    const first = page.locator('main a[href*="articles/"]').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    expect(here()).toMatch(/^\/articles\/[^/]+\/index\.html$/);
    expect((await page.locator('article h1').textContent())!.trim()).toBe(title);

    const prev = page.locator('nav.prev-next a[rel="prev"]');
    const prevTitle = (await prev.textContent())!.trim();
    await prev.click();
    expect((await page.locator('article h1').textContent())!.trim()).toBe(prevTitle);
    expect(await page.locator('.qr svg').count()).toBeGreaterThan(0);

    await page.locator('nav.breadcrumb').getByRole('link', { name: '首页' }).click();
    expect(here()).toBe('/index.html');
    expect(errors).toEqual([]);
  });

  it('searches in Chinese from the header box and opens a result, with no network', async () => {
    await page.goto(pathToFileURL(join(root, 'articles/sample-anli-01/index.html')).href);
    requests.length = 0;
    await page.fill('#site-search', '党群共建');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/search\/index\.html\?q=/);
    const status = page.locator('#offline-status');
    await expect.poll(() => status.textContent()).toMatch(/共找到 \d+ 篇文章/);
    const results = page.locator('#offline-results li');
    const titles = await results.locator('h2').allTextContents();
    expect(titles[0]).toContain('开化:探索党群共建“三五模式”');
    expect(await results.first().locator('mark').first().textContent()).toBe('党群共建');
    // Loaded only the index entry, the key shard(s) and the text chunk(s), all from file://.
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);

    await page.selectOption('#offline-channel', '案例');
    await page.click('#offline-search-form button[type="submit"]');
    await page.waitForURL(/channel=/);
    await expect.poll(() => status.textContent()).toMatch(/共找到|无结果/);
    for (const meta of await page.locator('#offline-results .result-meta').allTextContents())
      expect(meta).toContain('频道：案例');

    await page.goto(
      pathToFileURL(join(root, 'search/index.html')).href +
        '?q=' +
        encodeURIComponent('"党群共建"'),
    );
    await expect.poll(() => status.textContent()).toMatch(/共找到/);
    await results.first().locator('a').click();
    expect(here()).toBe('/articles/kaihua-dangqun-gongjian-sanwu-moshi/index.html');
    expect(await page.locator('article h1').textContent()).toContain('党群共建');
    expect(errors).toEqual([]);
  });

  it('says 无结果 for a word that occurs nowhere', async () => {
    await page.goto(
      pathToFileURL(join(root, 'search/index.html')).href + '?q=' + encodeURIComponent('台风'),
    );
    await expect.poll(() => page.locator('#offline-status').textContent()).toMatch(/^无结果/);
    expect(await page.locator('#offline-results li').count()).toBe(0);
  });

  it('offers the longest part of a long query that does occur', async () => {
    await page.goto(
      pathToFileURL(join(root, 'search/index.html')).href +
        '?q=' +
        encodeURIComponent('党群共建台风'),
    );
    const link = page.locator('#offline-status a');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toBe('党群共建');
    await link.click();
    await expect.poll(() => page.locator('#offline-status').textContent()).toMatch(/共找到/);
  });
});

describe('offline search on a large index stays bounded', () => {
  let big: string;
  let docs: OfflineDoc[];
  beforeAll(() => {
    // The sample snapshot's search page and script over a 3,000-article index in which
    // 党群共建 is in every article: one old article has it in its title.
    big = mkdtempSync(join(tmpdir(), 'feigong-big-index-'));
    cpSync(root, big, { recursive: true });
    rmSync(join(big, 'search/g'), { recursive: true, force: true });
    rmSync(join(big, 'search/t'), { recursive: true, force: true });
    const filler = '企业发展离不开组织建设，服务职工是工作重点。'.repeat(40);
    docs = Array.from({ length: 3000 }, (_, i) => ({
      id: `big-${String(i).padStart(4, '0')}`,
      path: `articles/big-${i}/index.html`,
      title: i === 1234 ? '标题里有党群共建的文章' : `第${i}篇文章`,
      date: new Date(Date.UTC(2011 + (i % 15), i % 12, 1)).toISOString(),
      channel: '案例',
      text: `${filler}党群共建${'党群共建'.repeat(i % 4)}${filler}`,
    }));
    for (const [path, body] of buildOfflineIndex(docs)) {
      mkdirSync(dirname(join(big, path)), { recursive: true });
      writeFileSync(join(big, path), body);
    }
  });
  afterAll(() => rmSync(big, { recursive: true, force: true }));

  for (const [q, count] of [
    ['党群共建', /^找到约 3000 篇文章/],
    ['党', /^共找到 3000 篇文章/],
  ] as const)
    it(`${q}: a title match first, within 64 text files and 5 MB`, async () => {
      const loaded: string[] = [];
      const onRequest = (r: { url(): string }) => loaded.push(r.url().split('?')[0]!);
      page.on('request', onRequest);
      await page.goto(
        pathToFileURL(join(big, 'search/index.html')).href + '?q=' + encodeURIComponent(q),
      );
      const status = page.locator('#offline-status');
      await expect.poll(() => status.textContent()).toMatch(count);
      page.off('request', onRequest);
      const titles = await page.locator('#offline-results li h2').allTextContents();
      // The shared contract's order over all 3,000 articles.
      const expected = search(docs, q).map((h) => h.doc.title);
      expect(titles).toEqual(expected.slice(0, 20));
      expect(titles[0]).toBe('标题里有党群共建的文章');
      const texts = loaded.filter((u) => /\/search\/t\/\d+\.js$/.test(u));
      expect(texts.length).toBeGreaterThanOrEqual(20);
      expect(texts.length).toBeLessThanOrEqual(64);
      const bytes = loaded
        .filter((u) => u.startsWith('file://'))
        .reduce((sum, u) => sum + statSync(fileURLToPath(u)).size, 0);
      expect(bytes).toBeLessThan(5 * 1024 * 1024);
      // 加载更多 continues the same order.
      await page.click('#offline-more');
      await expect.poll(() => page.locator('#offline-results li').count()).toBe(40);
      expect(await page.locator('#offline-results li h2').allTextContents()).toEqual(
        expected.slice(0, 40),
      );
      expect(errors).toEqual([]);
    });
});
