/**
 * The portal's typed data, read once per build from the content collections
 * and shaped by src/lib. Routes ask this module and render; they never sort,
 * filter or compute themselves.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { byChannel, neighbours, publishedArticles, type Neighbours } from '../lib/articles';
import { relatedArticles } from '../lib/related';
import { readCachedHtml } from '../lib/content/html-cache';

export type ArticleEntry = CollectionEntry<'articles'>;
export type Channel = CollectionEntry<'channels'>;

export interface Portal {
  site: CollectionEntry<'site'>['data'];
  channels: Channel[];
  channel(id: string): Channel;
  notices: CollectionEntry<'notices'>['data'][];
  friendLinks: CollectionEntry<'friendLinks'>['data'][];
  alliance: CollectionEntry<'alliance'>['data'][];
  partners: CollectionEntry<'partners'>['data'][];
  promos: CollectionEntry<'promos'>['data'][];
  /** Published articles, newest first. */
  articles: ArticleEntry[];
  /** Newest first, per channel id (every channel present, maybe empty). */
  inChannel: Map<string, ArticleEntry[]>;
  neighbours: Map<string, Neighbours<ArticleEntry>>;
  related: Map<string, ArticleEntry[]>;
}

const byOrder = <T extends { data: { order: number } }>(a: T, b: T) => a.data.order - b.data.order;
const sortedData = async <C extends 'friendLinks' | 'alliance' | 'partners' | 'promos'>(c: C) =>
  (await getCollection(c)).sort(byOrder).map((e) => e.data as CollectionEntry<C>['data']);

let cached: Promise<Portal> | undefined;

export function getPortal(): Promise<Portal> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Portal> {
  const preview = import.meta.env.DEV;
  const articles = publishedArticles(await getCollection('articles'), { now: new Date(), preview });
  const channels = (await getCollection('channels')).sort(byOrder);
  const grouped = byChannel(articles);
  const inChannel = new Map(channels.map((c) => [c.id, grouped.get(c.id) ?? []]));
  const nb = new Map<string, Neighbours<ArticleEntry>>();
  for (const list of inChannel.values()) for (const [id, n] of neighbours(list)) nb.set(id, n);
  const notices = (await getCollection('notices'))
    .map((e) => e.data)
    .sort((a, b) => b.date.localeCompare(a.date));
  const site = (await getEntry('site', 'site'))!.data;
  return {
    site,
    channels,
    channel: (id) => channels.find((c) => c.id === id)!,
    notices,
    friendLinks: await sortedData('friendLinks'),
    alliance: await sortedData('alliance'),
    partners: await sortedData('partners'),
    promos: await sortedData('promos'),
    articles,
    inChannel,
    neighbours: nb,
    related: relatedArticles(articles),
  };
}

/** The compiled MDX body of an article that needs components. */
export async function mdxBody(id: string) {
  const entry = await getEntry('articlesMdx', id);
  if (!entry)
    throw new Error(
      `MDX 文章 ${id} 没有被编译：请重启 astro dev（新加了组件的文件需要重新读取配置）`,
    );
  return entry;
}

/** The rendered body of a Markdown-path article (see src/lib/content/html-cache.ts). */
export function articleHtml(article: ArticleEntry): string {
  // getCollection() returns the store entry, digest included; Astro's entry type leaves it out.
  const { digest } = article as ArticleEntry & { digest?: unknown };
  if (typeof digest !== 'string') throw new Error(`文章 ${article.id} 没有内容摘要 (no digest)`);
  return readCachedHtml(digest);
}
