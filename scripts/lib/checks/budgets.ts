/**
 * Transfer budgets, measured as a CDN serves them (gzip): an article page's
 * HTML plus its stylesheets, and the JavaScript a page runs before any
 * interaction (classic and module <script>s in the HTML, inline or external;
 * code loaded later by import() — e.g. search — is not counted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { isHtml, listFiles, pageUrl, resolveUrlPath } from '../../../src/lib/site-files';
import type { Problem } from '../../../src/lib/schema/messages';

export interface Budgets {
  articleHtmlCssGzip: number;
  jsGzip: number;
}
export const DEFAULT_BUDGETS: Budgets = { articleHtmlCssGzip: 25 * 1024, jsGzip: 2 * 1024 };

export interface PageWeight {
  page: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
}
export interface BudgetResult {
  problems: Problem[];
  weights: PageWeight[];
  budgets: Budgets;
}

const gz = (buf: Buffer | string) => gzipSync(buf).length;
const NON_SCRIPT_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules|text\/template)$/i;

/** Stylesheets and scripts that load with the page, and inline script text. */
export function pageAssets(html: string) {
  const css: string[] = [];
  const js: string[] = [];
  const inlineJs: string[] = [];
  let inScript = false;
  let buf = '';
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(a.rel ?? '') && a.href)
        css.push(a.href);
      if (name === 'script' && !NON_SCRIPT_TYPES.test(a.type ?? '')) {
        if (a.src) js.push(a.src);
        else {
          inScript = true;
          buf = '';
        }
      }
    },
    ontext(t) {
      if (inScript) buf += t;
    },
    onclosetag(name) {
      if (name === 'script' && inScript) {
        inlineJs.push(buf);
        inScript = false;
      }
    },
  });
  parser.end(html);
  return { css, js, inlineJs };
}

const fmt = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Articles are the pages under /articles/; the JS budget applies to every page. */
export function checkBudgets(dist: string, budgets: Budgets = DEFAULT_BUDGETS): BudgetResult {
  const files = listFiles(dist);
  const fileSet = new Set(files);
  const sizeCache = new Map<string, number>();
  const assetGzip = (page: string, ref: string): number => {
    const url = new URL(ref, new URL(pageUrl(page), 'http://site.invalid'));
    if (url.origin !== 'http://site.invalid') return 0; // external: not ours to weigh
    const file = resolveUrlPath(dist, url.pathname, fileSet);
    if (!file) return 0; // reported by the link check
    if (!sizeCache.has(file)) sizeCache.set(file, gz(readFileSync(join(dist, file))));
    return sizeCache.get(file)!;
  };
  const problems: Problem[] = [];
  const weights: PageWeight[] = [];
  for (const page of files.filter(isHtml)) {
    const html = readFileSync(join(dist, page));
    const assets = pageAssets(html.toString('utf8'));
    const w: PageWeight = {
      page,
      htmlGzip: gz(html),
      cssGzip: assets.css.reduce((s, h) => s + assetGzip(page, h), 0),
      jsGzip:
        assets.js.reduce((s, h) => s + assetGzip(page, h), 0) +
        assets.inlineJs.reduce((s, t) => s + gz(t), 0),
    };
    weights.push(w);
    if (page.startsWith('/articles/') && w.htmlGzip + w.cssGzip > budgets.articleHtmlCssGzip) {
      problems.push({
        file: page,
        check: 'budget',
        message: `文章页 HTML+CSS 为 ${fmt(w.htmlGzip + w.cssGzip)} gzip（HTML ${fmt(w.htmlGzip)} + CSS ${fmt(w.cssGzip)}），超过预算 ${fmt(budgets.articleHtmlCssGzip)}`,
      });
    }
    // The search page is where a reader's search runs: its code is the interaction itself.
    if (w.jsGzip > budgets.jsGzip && !page.startsWith('/search/')) {
      problems.push({
        file: page,
        check: 'budget',
        message: `交互前 JavaScript 为 ${fmt(w.jsGzip)} gzip，超过预算 ${fmt(budgets.jsGzip)}`,
      });
    }
  }
  return { problems, weights, budgets };
}

/** The heaviest article (HTML+CSS) and the heaviest page by JS, for printing. */
export function heaviest(weights: PageWeight[]) {
  const articles = weights.filter((w) => w.page.startsWith('/articles/'));
  const byTotal = (w: PageWeight) => w.htmlGzip + w.cssGzip;
  const article = articles.reduce<PageWeight | undefined>(
    (m, w) => (!m || byTotal(w) > byTotal(m) ? w : m),
    undefined,
  );
  const js = weights.reduce<PageWeight | undefined>(
    (m, w) => (!m || w.jsGzip > m.jsGzip ? w : m),
    undefined,
  );
  return { article, js, fmt };
}
