/**
 * What the indexer indexes, decided from the loader's article list before
 * any page exists (pure functions, tested in tests/unit/search-index-plan.test.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPublished } from '../../lib/articles';
import { dataDir } from '../../lib/content/paths';
import { renderCode } from '../../lib/page-reuse';
import { listFiles } from '../../lib/site-files';
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

let siteInputs: string | undefined;
/**
 * What an MDX body may render besides its own source: the site's code
 * (page-reuse.ts renderCode) and its data files (a component may show them).
 */
function mdxInputs(): string {
  if (siteInputs) return siteInputs;
  const hash = createHash('sha256').update(`${renderCode()}\0`);
  const dir = dataDir();
  if (existsSync(dir))
    for (const f of listFiles(dir)) hash.update(`${f}\0`).update(readFileSync(join(dir, f)));
  return (siteInputs = hash.digest('hex'));
}

/**
 * The digest of what an article's record is made of, known before its page
 * exists: for an MDX body also everything its page may render from
 * (mdxInputs), so a warm build knows which shards to re-index at once, and
 * has the records of unchanged MDX pages, without waiting for pages.
 */
export function inputDigest(url: string, input: SearchInput, data: ArticleSearchData): string {
  const body = input.mdx ? `mdx\0${mdxInputs()}` : 'early';
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
