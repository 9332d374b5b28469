/**
 * Warm builds (src/lib/page-reuse.ts): puts the pages carried over
 * from the previous output into this one, hands their URLs to the sitemap
 * (its `customPages`, read when the sitemap is written, after this hook),
 * and keeps every page's key and digest for the next build. Must come
 * before the sitemap and the search index among the integrations.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { carriedPathnames, linkCarriedPages, writePageKeys } from '../lib/page-reuse';
import { absoluteUrl } from '../lib/urls';

export default function pageReuse(sitemapPages: string[]): AstroIntegration {
  return {
    name: 'feigong-page-reuse',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        linkCarriedPages(out);
        sitemapPages.length = 0;
        for (const p of carriedPathnames()) sitemapPages.push(absoluteUrl(`/${p}`));
        const { articles, channels } = writePageKeys(out);
        logger.info(
          `文章页：${articles.rendered} 篇重新渲染，${articles.reused} 篇沿用上次输出；频道列表页：${channels.rendered} 页重新渲染，${channels.reused} 页沿用`,
        );
      },
    },
  };
}
