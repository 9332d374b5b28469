import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../helpers/serve';
import { SAMPLE_DIST } from '../helpers/site';

let server: StaticServer;
let browser: Browser;
/** Everything that went wrong on any page, for the final check. */
const problems: string[] = [];
const visited = new Set<string>();

async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`${page.url()}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  // ERR_ABORTED is the browser cancelling a request the page no longer needs (a prefetch
  // or the search worker's script still loading when the reader moves on or the tab
  // closes), not a broken link: missing files show up as HTTP errors below.
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`${r.url()}: request failed: ${error}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.url()}: HTTP ${r.status()}`);
  });
  page.on('load', () => visited.add(new URL(page.url()).pathname));
  return { context, page };
}

const bodySize = (page: Page) =>
  page.$eval('.prose', (el) => parseFloat(getComputedStyle(el).fontSize));

beforeAll(async () => {
  server = await serveStatic(SAMPLE_DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a reader in Chromium', () => {
  it('goes home → channel → article → 上一篇 and lands on the older article of the channel', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: '频道' })
      .getByRole('link', { name: '基层点睛' })
      .click();
    await page.waitForURL('**/channel/jiceng/');
    expect(await page.locator('h1').innerText()).toBe('基层点睛');
    const list = page.locator('.channel-page .article-list li > a');
    const [newest, older] = [
      await list.nth(0).getAttribute('href'),
      await list.nth(1).getAttribute('href'),
    ];
    const olderTitle = await list.nth(1).innerText();
    await list.nth(0).click();
    await page.waitForURL(`**${newest}`);
    expect(await page.locator('.breadcrumb').innerText()).toMatch(
      /^您当前的位置：首页 > 基层点睛 > 正文$/,
    );
    await page.locator('.prev-next a[rel="prev"]').click();
    await page.waitForURL(`**${older}`);
    expect(await page.locator('article h1').innerText()).toBe(olderTitle);
    await context.close();
  });

  it('changes the body font size with 大/中/小, by keyboard too, and keeps it on reload', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.url}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`);
    const medium = await bodySize(page);
    expect(await page.locator('[data-font-size-set="medium"]').getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.getByRole('button', { name: '大', exact: true }).click();
    const large = await bodySize(page);
    expect(large).toBeGreaterThan(medium);
    expect(await page.locator('[data-font-size-set="large"]').getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Keyboard only: Tab to 小 and press Space.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('data-font-size-set') === 'small',
      );
    }
    expect(reached, '小 is reachable with Tab').toBe(true);
    await page.keyboard.press('Space');
    const small = await bodySize(page);
    expect(small).toBeLessThan(medium);

    await page.reload();
    expect(await bodySize(page)).toBe(small);
    expect(await page.locator('[data-font-size-set="small"]').getAttribute('aria-pressed')).toBe(
      'true',
    );

    // And the choice carries over to other articles.
    await page.locator('.related a').first().click();
    await page.waitForLoadState('load');
    expect(await bodySize(page)).toBe(small);
    await context.close();
  });

  it('prints only the article: 打印本页 with a print stylesheet', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.url}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`);
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () =>
        document.documentElement.setAttribute('data-printed', '1');
    });
    await page.getByRole('button', { name: '打印本页' }).click();
    expect(await page.locator('html').getAttribute('data-printed')).toBe('1');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.channels',
      '.site-footer',
      '.article-aside',
      '.reader-tools',
      '.related',
    ]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await page.locator('.prose').isVisible()).toBe(true);
    await context.close();
  });

  it.each([
    ['home', '/'],
    ['channel', '/channel/jiceng/'],
    ['article', '/articles/kaihua-dangqun-gongjian-sanwu-moshi/'],
    ['channel page 2', '/channel/jiceng/2/'],
    ['notices', '/notices/'],
  ])('has no horizontal scroll at 360 px: %s', async (_name, path) => {
    const { context, page } = await newPage(360);
    await page.goto(`${server.url}${path}`);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    await context.close();
  });

  it('serves the Chinese 404 page for a missing URL', async () => {
    const { context, page } = await newPage();
    const res = await page.goto(`${server.url}/no-such-page/`);
    expect(res!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toContain('页面不存在');
    // This 404 is expected; it is not one of the problems checked below.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('/no-such-page/')));
    await context.close();
  });

  it('saw no console errors, failed requests or HTTP errors on any visited page', () => {
    expect(visited.size).toBeGreaterThanOrEqual(6);
    expect(problems).toEqual([]);
  });
});
