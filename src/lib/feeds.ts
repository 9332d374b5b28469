import type { Article } from './articles';
import { escapeHtml } from './escape-html';
import { absoluteUrl, articlePath } from './urls';

export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /**
   * Plain text, HTML-escaped: feed readers read <description> as HTML, so a
   * `<` in a summary is shown, never run or rendered as markup.
   */
  description: string;
  categories: string[];
  author?: string;
}

/** RSS items for newest-first articles; every date comes from the content. */
export function feedItems(
  newestFirst: readonly Article[],
  channelName: (id: string) => string,
  origin?: string,
  size = FEED_SIZE,
): FeedItem[] {
  return newestFirst.slice(0, size).map((a) => ({
    title: a.data.title,
    link: absoluteUrl(articlePath(a.id), origin),
    pubDate: a.data.date,
    description: escapeHtml(a.data.summary || a.data.excerpt),
    categories: [channelName(a.data.channel), ...a.data.tags],
    ...(a.data.author ? { author: a.data.author } : {}),
  }));
}
