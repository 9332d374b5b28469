// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownConfig } from './src/lib/markdown/config.ts';
import { siteUrl } from './src/lib/urls.ts';
import { buildCacheDir } from './src/lib/content/paths.ts';
import redirects from './src/integrations/redirects.ts';
import headers from './src/integrations/headers.ts';
import pagefind from './src/integrations/pagefind.ts';
import pageReuse from './src/integrations/page-reuse.ts';
import browserScripts from './src/integrations/browser-scripts.ts';

// Article pages a warm build carries over instead of rendering (src/integrations/page-reuse.ts).
/** @type {string[]} */
const carriedPages = [];
// Pages read for the CSP before Pagefind's hook (while the indexer finishes), `_headers` written last.
const cspHeaders = headers();

export default defineConfig({
  // The public origin comes from the environment; see docs/deploy.md.
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Content store, rendered bodies and QR codes between builds; tests and
  // benchmarks build side by side, each with its own (FEIGONG_CACHE_DIR).
  cacheDir: buildCacheDir(),
  // One definition for Astro and the loader's Markdown render workers.
  markdown: markdownConfig,
  // cspHeaders.file stays last: it reads what the other integrations wrote (Pagefind's files too).
  integrations: [
    mdx(),
    pageReuse(carriedPages),
    sitemap({ filter: (page) => !page.includes('/404'), customPages: carriedPages }),
    redirects(),
    browserScripts(),
    cspHeaders.pages,
    pagefind(),
    cspHeaders.file,
  ],
});
