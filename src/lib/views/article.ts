import type { Article } from '../articles';
import { formatChineseDate, isoShanghai, yearOf } from '../dates';
import { articleJsonLd } from '../json-ld';
import type { PortalData } from '../portal-data';
import type { ArticleSearchData } from '../search/records';
import { absoluteUrl, articlePath, channelPath } from '../urls';

/** Everything an article page shows besides its body. */
export function articlePageView<A extends Article>(portal: PortalData<A>, article: A) {
  const { data } = article;
  const channel = portal.channel(data.channel);
  const url = absoluteUrl(articlePath(article.id));
  return {
    data,
    /** For the layout's head. */
    head: {
      title: data.title,
      description: data.excerpt,
      current: data.channel,
      image: data.cover,
      jsonLd: articleJsonLd(article, channel.data.name, portal.site.fullName, url),
    },
    trail: [{ name: channel.data.name, href: channelPath(channel.id) }, { name: '正文' }],
    /** The article element's data-search attribute. */
    searchData: JSON.stringify(articleSearchData(article, channel.data.name)),
    cover: data.cover ? { src: data.cover, alt: data.coverAlt ?? '' } : undefined,
    /** The page's public address, for the QR code. */
    url,
    qrLabel: `本页二维码：${data.title}`,
    promos: portal.promos,
    neighbours: portal.neighbours.get(article.id),
    related: portal.related.get(article.id) ?? [],
  };
}

/** What the search index needs besides the text; src/lib/search/records.ts reads it back. */
export function articleSearchData(
  article: { data: Pick<Article['data'], 'date' | 'source'> },
  channelName: string,
): ArticleSearchData {
  const { date, source } = article.data;
  return {
    channel: channelName,
    date: isoShanghai(date),
    day: formatChineseDate(date),
    source,
    year: yearOf(date),
  };
}

/**
 * The order article pages are rendered in: MDX bodies first. The search
 * indexer makes every other record before the pages exist but must read an
 * MDX body from its built page (src/integrations/search-index/); rendered
 * first, those pages are there within the first seconds of rendering.
 */
export function renderOrder<A extends Article>(articles: readonly A[]): A[] {
  return [...articles.filter((a) => a.data.mdx), ...articles.filter((a) => !a.data.mdx)];
}
