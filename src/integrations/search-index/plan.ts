/**
 * What the indexer indexes, decided from the loader's article list before
 * any page exists (pure functions, tested in tests/unit/search-index-plan.test.ts).
 */
import { createHash } from 'node:crypto';
import { isPublished } from '../../lib/articles';
import { renderCode } from '../../lib/page-reuse';
import type { SearchInput } from '../../lib/content/search-inputs';
import type { ArticleSearchData } from '../../lib/search/records';
import { articlePath } from '../../lib/urls';
import { articleSearchData } from '../../lib/views/article';

export interface IndexItem {
  url: string;
  /** ISO instant and Beijing year, for the shard plan. */
  date: string;
  year: number;
  /**
   * What the record is made of, for the shard cache: the page's record
   * inputs (for an MDX body, its source and all the code that renders it).
   */
  digest: string;
  /** Markdown-path body: the record can be made now, from the HTML cache. */
  early?: { input: SearchInput; data: ArticleSearchData };
  /** MDX body (or the fallback): the record is read from the built page. */
  page?: boolean;
}

/**
 * The digest of what an article's record is made of, known before its page
 * exists. An MDX body's page is rendered by the site's code, so every file
 * that renders pages counts too (page-reuse.ts renderCode): then a warm build
 * knows which shards to re-index at once, without waiting for pages.
 */
export function inputDigest(url: string, input: SearchInput, data: ArticleSearchData): string {
  const body = input.mdx ? `mdx\0${renderCode()}` : 'early';
  return createHash('sha256')
    .update(`${body}\0${url}\0${input.title}\0${JSON.stringify(data)}\0${input.digest}`)
    .digest('hex');
}

/**
 * The articles the build will publish, as the pages will show them
 * (src/lib/views/article.ts gives both the same data-search).
 */
export function plannedItems(
  inputs: readonly SearchInput[],
  channelName: (id: string) => string | undefined,
  now: Date,
): IndexItem[] {
  const items: IndexItem[] = [];
  for (const input of inputs) {
    const date = new Date(input.date);
    if (!isPublished({ data: { draft: input.draft, date } }, { now, preview: false })) continue;
    const name = channelName(input.channel);
    if (name === undefined) throw new Error(`未知频道 ${input.channel} (unknown channel)`);
    const data = articleSearchData({ data: { date, source: input.source } }, name);
    const url = articlePath(input.id);
    const digest = inputDigest(url, input, data);
    items.push(
      input.mdx
        ? { url, date: data.date, year: data.year, digest, page: true }
        : { url, date: data.date, year: data.year, digest, early: { input, data } },
    );
  }
  return items;
}

/** Article URL of a built page's pathname (`articles/x/` → `/articles/x/`). */
export const pageUrl = (pathname: string) => `/${pathname.replace(/^\/|\/?$/g, '')}/`;

/** Whether the built article pages are exactly the planned ones. */
export function sameArticles(items: readonly { url: string }[], pathnames: readonly string[]) {
  if (items.length !== pathnames.length) return false;
  const urls = new Set(items.map((i) => i.url));
  return pathnames.every((p) => urls.has(pageUrl(p)));
}
