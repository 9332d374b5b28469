// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { siteUrl } from './src/lib/urls.ts';
import pagefind from './src/integrations/pagefind.ts';

export default defineConfig({
  // The public origin comes from the environment; see README "Deploying".
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Tests build fixtures side by side; each gets its own content-layer cache.
  ...(process.env.FEIGONG_CACHE_DIR ? { cacheDir: process.env.FEIGONG_CACHE_DIR } : {}),
  markdown: {
    // GFM (tables, lists, footnotes) is applied exactly once, by remark-gfm,
    // for both the Markdown and the MDX pipeline (mdx() extends this config).
    gfm: false,
    remarkPlugins: [remarkGfm],
    syntaxHighlight: false,
  },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') }), pagefind()],
});
