// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import remarkSmartypantsWhenNeeded from './src/lib/markdown/smartypants.ts';
import rehypeTablesLikeMdx from './src/lib/markdown/table-html.ts';
import rehypeNoScript from './src/lib/markdown/no-script.ts';
import { siteUrl } from './src/lib/urls.ts';
import { buildCacheDir } from './src/lib/content/paths.ts';
import redirects from './src/integrations/redirects.ts';
import headers from './src/integrations/headers.ts';
import rehypeExternalLinks from 'rehype-external-links';
import pagefind from './src/integrations/pagefind.ts';
import pageReuse from './src/integrations/page-reuse.ts';

// Article pages a warm build carries over instead of rendering (src/integrations/page-reuse.ts).
/** @type {string[]} */
const carriedPages = [];

export default defineConfig({
  // The public origin comes from the environment; see docs/deploy.md.
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Content store, rendered bodies and QR codes between builds; tests and
  // benchmarks build side by side, each with its own (FEIGONG_CACHE_DIR).
  cacheDir: buildCacheDir(),
  markdown: {
    // GFM (tables, lists, footnotes) is applied exactly once, by remark-gfm,
    // for both the Markdown and the MDX pipeline (mdx() extends this config).
    gfm: false,
    // SmartyPants likewise, but skipped on bodies it would not change (speed).
    smartypants: false,
    remarkPlugins: [remarkGfm, remarkSmartypantsWhenNeeded],
    // Nothing in a body runs script (the net under `npm run check`, issue 12).
    // Tables written the way MDX writes them, so both pipelines give the same HTML.
    // External links in article bodies open without opener/referrer (issue 6).
    rehypePlugins: [
      rehypeNoScript,
      rehypeTablesLikeMdx,
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    ],
    syntaxHighlight: false,
  },
  // headers() stays last: it reads what the other integrations wrote (Pagefind's files too).
  integrations: [
    mdx(),
    pageReuse(carriedPages),
    sitemap({ filter: (page) => !page.includes('/404'), customPages: carriedPages }),
    redirects(),
    pagefind(),
    headers(),
  ],
});
