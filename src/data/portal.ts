/**
 * The portal's typed data, read once per build from the content collections
 * and shaped by src/lib/portal-data.ts. Routes ask a view function
 * (src/lib/views) for what a page shows and render it; they never sort,
 * filter or compute themselves.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { shapePortal, type PortalData } from '../lib/portal-data';
import { readCachedHtml } from '../lib/content/html-cache';
import { withExcerpts } from '../lib/content/excerpts';
import type { ArticleData } from '../lib/schema/article';
import { pageKeys, pagesToRender } from '../lib/page-reuse';
import { articlePageView } from '../lib/views/article';
import { articlePath, channelPath } from '../lib/urls';
import { channelPageView, channelPaths } from '../lib/views/channel';

/** An article entry with its excerpt (kept beside the content store: excerpts.ts). */
export type ArticleEntry = Omit<CollectionEntry<'articles'>, 'data'> & { data: ArticleData };
export type Channel = CollectionEntry<'channels'>;
export type Portal = PortalData<ArticleEntry, Channel>;

let cached: Promise<Portal> | undefined;

export function getPortal(): Promise<Portal> {
  cached ??= load();
  return cached;
}

const dataOf = async <C extends 'notices' | 'friendLinks' | 'alliance' | 'partners' | 'promos'>(
  c: C,
) => (await getCollection(c)).map((e) => e.data as CollectionEntry<C>['data']);

async function load(): Promise<Portal> {
  return shapePortal(
    {
      site: (await getEntry('site', 'site'))!.data,
      channels: await getCollection('channels'),
      notices: await dataOf('notices'),
      friendLinks: await dataOf('friendLinks'),
      alliance: await dataOf('alliance'),
      partners: await dataOf('partners'),
      promos: await dataOf('promos'),
      articles: withExcerpts(await getCollection('articles')),
    },
    { now: new Date(), preview: import.meta.env.DEV },
  );
}

/**
 * An article's body: the compiled module's Content for a body that needs MDX,
 * otherwise the HTML the articles loader rendered (see src/lib/content/mdx-detect.ts).
 */
export async function articleBody(article: ArticleEntry) {
  if (article.data.mdx) return { Content: (await render(await mdxBody(article.id))).Content };
  return { html: articleHtml(article) };
}

/** The compiled MDX body of an article that needs components. */
async function mdxBody(id: string) {
  const entry = await getEntry('articlesMdx', id);
  if (!entry)
    throw new Error(
      `MDX 文章 ${id} 没有被编译：请重启 astro dev（新加了组件的文件需要重新读取配置）`,
    );
  return entry;
}

/** The rendered body of a Markdown-path article (see src/lib/content/html-cache.ts). */
function articleHtml(article: ArticleEntry): string {
  // getCollection() returns the store entry, digest included; Astro's entry type leaves it out.
  const { digest } = article as ArticleEntry & { digest?: unknown };
  if (typeof digest !== 'string') throw new Error(`文章 ${article.id} 没有内容摘要 (no digest)`);
  return readCachedHtml(digest);
}

/** Site-wide data every page's header and footer show. */
const siteData = (p: Portal) => ({
  site: p.site,
  channels: p.channels,
  notices: p.notices,
  friendLinks: p.friendLinks,
  alliance: p.alliance,
  partners: p.partners,
  promos: p.promos,
});

/**
 * The articles whose pages this build renders: all, except on a warm build
 * those whose page inputs did not change (src/lib/page-reuse.ts).
 */
export function articlesToRender(portal: Portal, articles: readonly ArticleEntry[]) {
  const keyOf = pageKeys(siteData(portal));
  const pages = articles.map((article) => {
    const { digest } = article as ArticleEntry & { digest?: unknown };
    const view = articlePageView(portal, article);
    return {
      id: article.id,
      article,
      key: keyOf({ id: article.id, digest, view }),
      pathname: articlePath(article.id).slice(1),
    };
  });
  return pagesToRender(pages, 'articles').map((p) => p.article);
}

/**
 * The pages of the channels' lists this build renders: all, except on a
 * warm build those whose articles as listed and place did not change.
 */
export function channelPathsToRender(portal: Portal) {
  const keyOf = pageKeys(siteData(portal));
  const pages = channelPaths(portal).map((path) => {
    const { channel, page } = path.props;
    return {
      path,
      id: `channel:${channel.id}:${page.current}`,
      // The list shows each article's id and data (ArticleList.astro); its digest would
      // change with any edit below the excerpt.
      key: keyOf({
        channel,
        view: {
          ...channelPageView(channel, page),
          items: page.items.map(({ id, data }) => ({ id, data })),
        },
      }),
      pathname: channelPath(channel.id, page.current).slice(1),
    };
  });
  return pagesToRender(pages, 'channels').map((p) => p.path);
}
