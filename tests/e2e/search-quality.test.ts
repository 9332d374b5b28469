/**
 * Search quality on Chinese, measured in headless Chromium against a built
 * fixture site: planted phrases and decoys (src/lib/search/quality-corpus.ts),
 * expected sets from the shared query contract, precision@10 and recall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Served } from '../helpers/serve';
import { launchChromium } from '../../scripts/lib/browser';
import { allResults } from '../helpers/search-page';
import {
  expectedFor,
  generateQualityCorpus,
  QUALITY_QUERIES,
  buildCorpusSite,
  type QualityArticle,
} from '../helpers/quality-corpus';

let site: Served;
let browser: Browser;
let page: Page;
let articles: QualityArticle[];

beforeAll(async () => {
  articles = generateQualityCorpus({ channels: ['jiceng', 'anli', 'cankao'] });
  site = await serve(buildCorpusSite('quality', articles));
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('search quality on a planted Chinese corpus', () => {
  for (const query of QUALITY_QUERIES) {
    it(`${query.kind}: ${query.q}`, async () => {
      const expected = new Set([...expectedFor(query.q, articles)].map((s) => `/articles/${s}/`));
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(query.q)}`);
      const { status, urls } = await allResults(page);
      if (query.kind === 'absent') {
        expect(expected.size).toBe(0);
        expect(status).toContain('无结果');
        expect(urls).toEqual([]);
        return;
      }
      expect(expected.size).toBeGreaterThan(0);
      const found = urls.filter((u) => expected.has(u));
      const recall = found.length / expected.size;
      const top = urls.slice(0, 10);
      const precision10 = top.filter((u) => expected.has(u)).length / Math.max(1, top.length);
      expect(recall, `recall for ${query.q}`).toBe(1);
      expect(precision10, `precision@10 for ${query.q}`).toBeGreaterThanOrEqual(0.95);
      // Every article containing the query comes before any that does not.
      const firstMiss = urls.findIndex((u) => !expected.has(u));
      if (firstMiss !== -1) expect(firstMiss).toBeGreaterThanOrEqual(expected.size);
      expect(new Set(urls).size).toBe(urls.length);
    });
  }
});
