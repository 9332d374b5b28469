import rss from '@astrojs/rss';
import type { Article } from './articles';
import { feedItems } from './feeds';
import { absoluteUrl } from './urls';

/** An RSS 2.0 response; no build date is written, so the bytes depend only on content. */
export function feedResponse(opts: {
  title: string;
  description: string;
  path: string;
  articles: readonly Article[];
  channelName: (id: string) => string;
}) {
  return rss({
    title: opts.title,
    description: opts.description,
    site: absoluteUrl(opts.path),
    items: feedItems(opts.articles, opts.channelName),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
