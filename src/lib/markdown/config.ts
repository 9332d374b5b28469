import type { AstroUserConfig } from 'astro';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import rehypeNoScript from './no-script';
import remarkSmartypantsWhenNeeded from './smartypants';
import rehypeTablesLikeMdx from './table-html';

/**
 * The site's Markdown configuration, in one place: astro.config.mjs hands it
 * to Astro (the articles loader's `renderMarkdown` and, through mdx(), the MDX
 * pipeline) and the Markdown render workers (render-pool.ts) build their
 * processor from it, so the two cannot drift apart. Changing it changes every
 * article's digest (articles-loader.ts), so warm builds render again.
 */
export const markdownConfig: NonNullable<AstroUserConfig['markdown']> = {
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
};
