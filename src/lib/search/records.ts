/**
 * Built article page → the Pagefind record for it. Reads only the element
 * marked data-pagefind-body, minus anything data-pagefind-ignore (meta line,
 * reader tools), so navigation, link lists, promos and breadcrumbs can never
 * match or appear in an excerpt. Channel, date and source come from the
 * article element's data-search attribute (JSON written by the article page).
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes, Root } from 'hast';
import { toIndexText, INDEX_LANGUAGE } from './tokens';

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

function find(node: Nodes, test: (e: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if ('children' in node) {
    for (const child of node.children) {
      const hit = find(child, test);
      if (hit) return hit;
    }
  }
  return undefined;
}

function dropIgnored(node: Element | Root): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.properties.dataPagefindIgnore !== undefined));
  for (const c of node.children) if (c.type === 'element') dropIgnored(c);
}

/** Title and body text of a built article page; null when the page has no search body. */
export function extractArticle(html: string): { title: string; text: string; data: ArticleSearchData } | null {
  const tree = fromHtml(html);
  const body = find(tree, (e) => e.properties.dataPagefindBody !== undefined);
  if (!body) return null;
  const raw = body.properties.dataSearch;
  if (typeof raw !== 'string') throw new Error('data-pagefind-body 元素缺少 data-search 属性 (expected JSON with channel/date/source)');
  const data = JSON.parse(raw) as ArticleSearchData;
  dropIgnored(body);
  const h1 = find(body, (e) => e.tagName === 'h1');
  const title = h1 ? toText(h1).trim() : '';
  if (h1) h1.children = [];
  const text = toText(body).replace(/\s+/g, ' ').trim();
  return { title, text, data };
}

/** The Pagefind custom record: bigram-tokenized title + body, readable meta, filters, sort key. */
export function toRecord(url: string, article: { title: string; text: string; data: ArticleSearchData }): SearchRecord {
  const { title, text, data } = article;
  return {
    url,
    // Title first: a reader's query in the title is found and excerpted like the body.
    content: toIndexText(`${title}。${text}`),
    language: INDEX_LANGUAGE,
    meta: { title, date: data.day, iso: data.date, channel: data.channel, source: data.source },
    filters: { [FILTER_CHANNEL]: [data.channel], [FILTER_YEAR]: [String(data.year)] },
    sort: { date: data.date },
  };
}
