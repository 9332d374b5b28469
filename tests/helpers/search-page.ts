import type { Page } from 'playwright-core';

/** Waits for the search page to finish, loads every result page, returns the result URLs in order. */
export async function allResults(page: Page): Promise<{ status: string; urls: string[] }> {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    return !/正在搜索/.test(s) && !/输入词语/.test(s);
  });
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator('.search-results li').count();
    await more.click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.search-results li').length > n ||
        document.querySelector<HTMLElement>('[data-search-more]')!.hidden,
      before,
    );
  }
  const status = (await page.textContent('[data-search-status]')) ?? '';
  const urls = await page.$$eval('.search-results li h2 a', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  return { status, urls };
}

/** Holds back every request matching `glob` for `ms` (20 s): what must not wait for it is seen not to. */
export async function holdBack(page: Page, glob: string, ms = 20_000): Promise<void> {
  await page.route(glob, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue().catch(() => undefined); // the page may be gone by then
  });
}
