import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export interface OfflineQueryRun {
  /** ms from the start of navigation to the first result (or 无结果) on the page. */
  ms: number;
  /** Bytes of every file the page loaded (HTML, CSS, scripts, index files). */
  bytes: number;
  /** Bytes of the search scripts under `search/` (app, index, keys, texts). */
  searchBytes: number;
  /** Number of script files loaded under `search/`. */
  scripts: number;
  /** The status line once the first results are shown. */
  status: string;
}

/**
 * Opens `search/index.html?q=…` of an unpacked snapshot from file:// in a
 * fresh browser context (cold cache) and measures the time to the first
 * results (the page's `feigong-first-results` mark) and the files loaded to
 * show them.
 */
export async function measureOfflineQuery(
  browser: Browser,
  root: string,
  q: string,
): Promise<OfflineQueryRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const urls = new Set<string>();
    page.on('request', (r) => {
      if (r.url().startsWith('file://')) urls.add(r.url().split('?')[0]!);
    });
    await page.goto(
      `${pathToFileURL(join(root, 'search/index.html')).href}?q=${encodeURIComponent(q)}`,
    );
    // The page marks its first results (or 无结果) with the User Timing API; time from navigation start.
    const handle = await page.waitForFunction(
      () => {
        const m = performance.getEntriesByName('feigong-first-results')[0];
        return m ? m.startTime : 0;
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const ms = (await handle.jsonValue()) as number;
    const status = (await page.locator('#offline-status').textContent()) ?? '';
    const searchDir = pathToFileURL(join(root, 'search')).href + '/';
    let bytes = 0,
      searchBytes = 0,
      scripts = 0;
    for (const u of urls) {
      let size = 0;
      try {
        size = statSync(fileURLToPath(u)).size;
      } catch {
        continue;
      }
      bytes += size;
      if (u.startsWith(searchDir)) {
        searchBytes += size;
        if (u.endsWith('.js')) scripts++;
      }
    }
    return { ms, bytes, searchBytes, scripts, status };
  } finally {
    await context.close();
  }
}
