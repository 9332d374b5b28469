import type { Article } from './articles';
import { isoShanghai } from './dates';

/** schema.org NewsArticle for an article page. */
export function articleJsonLd(a: Article, channelName: string, publisher: string, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.data.title,
    datePublished: isoShanghai(a.data.date),
    articleSection: channelName,
    inLanguage: 'zh-CN',
    mainEntityOfPage: url,
    url,
    ...(a.data.author ? { author: { '@type': 'Person', name: a.data.author } } : {}),
    publisher: { '@type': 'Organization', name: publisher },
    ...(a.data.excerpt ? { description: a.data.excerpt } : {}),
  };
}
