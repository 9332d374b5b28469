/**
 * Built article page → the Pagefind record for it. Reads only the element
 * marked data-pagefind-body, minus anything data-pagefind-ignore (meta line,
 * reader tools), so navigation, link lists, promos and breadcrumbs can never
 * match or appear in an excerpt. Channel, date and source come from the
 * article element's data-search attribute (JSON written by the article page).
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from '../escape-html';
import { recordContent, INDEX_LANGUAGE } from './tokens';

export interface ArticleSearchData {
  channel: string;
  /** ISO instant, e.g. 2015-03-24T00:00:00+08:00. */
  date: string;
  /** Display date, e.g. 2015年03月24日. */
  day: string;
  source: string;
  year: number;
}

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Field names readers see in filters (频道, 年份), not raw attribute names. */
export const FILTER_CHANNEL = '频道';
export const FILTER_YEAR = '年份';

// Elements whose edges separate words, as hast-util-to-text would break lines there.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript']);

/** The search body's data-search attribute → its data; the attribute must be there. */
function parseSearchData(raw: string | undefined): ArticleSearchData {
  if (typeof raw !== 'string')
    throw new Error(
      'data-pagefind-body 元素缺少 data-search 属性 (expected JSON with channel/date/source)',
    );
  return JSON.parse(raw) as ArticleSearchData;
}

/**
 * Only the data of a built article page's search body (date, channel…),
 * read up to that element and no further; null when the page has none.
 */
export function readSearchData(html: string): ArticleSearchData | null {
  let data: ArticleSearchData | null = null;
  const parser = new Parser(
    {
      onopentag(_name, attrs) {
        if (data || !('data-pagefind-body' in attrs)) return;
        data = parseSearchData(attrs['data-search']);
        parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return data;
}

/**
 * Title and body text of a built article page; null when the page has no
 * search body. One streaming pass (htmlparser2): at 10,000 pages a full
 * DOM per page would cost most of the indexing time.
 */
export function extractArticle(
  html: string,
): { title: string; text: string; data: ArticleSearchData } | null {
  let found = false;
  let raw: string | undefined;
  let depth = 0; // open elements inside the search body, the body itself included
  let ignoredAt = 0; // depth of the outermost ignored (or skipped) element, 0 when none
  let titleAt = 0;
  let title = '';
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!depth) {
          if (!found && 'data-pagefind-body' in attrs) {
            found = true;
            raw = attrs['data-search'];
            depth = 1;
          }
          return;
        }
        depth++;
        if (!ignoredAt && ('data-pagefind-ignore' in attrs || SKIP.has(name))) ignoredAt = depth;
        if (!ignoredAt && !titleAt && name === 'h1') titleAt = depth;
        if (BLOCK.has(name)) text += ' ';
      },
      ontext(t) {
        if (!depth || ignoredAt) return;
        if (titleAt) title += t;
        else text += t;
      },
      onclosetag(name) {
        if (!depth) return;
        if (ignoredAt === depth) ignoredAt = 0;
        if (titleAt === depth) titleAt = 0;
        if (BLOCK.has(name)) text += ' ';
        depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (!found) return null;
  const data = parseSearchData(raw);
  return { title: title.replace(/\s+/g, ' ').trim(), text: text.replace(/\s+/g, ' ').trim(), data };
}

/**
 * The search body of an article page as src/pages/articles/[slug].astro
 * renders it, less what carries no indexed text (the ignored meta line and
 * tools, the cover image): lets the indexer make a page's record from the
 * article before the page is written. tests/build/search-index.test.ts
 * proves, page by page, that both give the same record.
 */
export function searchBodyHtml(title: string, data: ArticleSearchData, bodyHtml: string): string {
  return `<article data-pagefind-body data-search="${escapeHtml(JSON.stringify(data))}"><h1>${escapeHtml(title)}</h1><div class="prose">${bodyHtml}</div></article>`;
}

/**
 * Letters and digits folded to half-width (５Ｇ → 5G) so highlighting finds
 * what normalize() matched, white space collapsed; case and Chinese
 * punctuation kept so the text reads naturally.
 */
export function readableText(text: string): string {
  // ASCII and common Chinese characters are already in their final form.
  return (
    text
      // eslint-disable-next-line no-control-regex -- the class starts at NUL on purpose: all of ASCII
      .replace(/[^\x00-\x7f\u4e00-\u9fff]/gu, (c) => {
        const n = c.normalize('NFKC');
        return /^[\p{L}\p{N}]+$/u.test(n) ? n : c;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The Pagefind custom record. `content` is what Pagefind indexes: the
 * bigram words of the title (weighted) and of the body (tokens.ts). The readable body travels in
 * `meta.text` (stored, not indexed) for verification and excerpts.
 */
export function toRecord(
  url: string,
  article: { title: string; text: string; data: ArticleSearchData },
): SearchRecord {
  const { title, text, data } = article;
  return {
    url,
    content: recordContent(title, text),
    language: INDEX_LANGUAGE,
    meta: {
      title,
      date: data.day,
      iso: data.date,
      channel: data.channel,
      source: data.source,
      text: readableText(text),
    },
    filters: { [FILTER_CHANNEL]: [data.channel], [FILTER_YEAR]: [String(data.year)] },
    sort: { date: data.date },
  };
}
