import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { markdownConfig } from './config';

type MarkdownRemark = typeof import('@astrojs/markdown-remark');

/**
 * What a render worker (render-worker.mjs) renders with. Not for the articles
 * loader itself: it runs in Vite's module runner, closed to dynamic imports
 * by the time it renders (it uses the context's `renderMarkdown`).
 *
 * Astro's own copy of `@astrojs/markdown-remark`: the one behind the content
 * layer's `renderMarkdown` (astro depends on a newer one than @astrojs/mdx, so
 * a bare import from here could get the other).
 */
export async function astroMarkdownRemark(): Promise<MarkdownRemark> {
  const require = createRequire(import.meta.url);
  const astro = createRequire(require.resolve('astro/package.json'));
  return (await import(
    pathToFileURL(astro.resolve('@astrojs/markdown-remark')).href
  )) as MarkdownRemark;
}

/**
 * A Markdown body to HTML exactly as the loader context's `renderMarkdown`
 * does it: Astro's processor (`createMarkdownProcessor(config.markdown)`, then
 * `render(body)` without file or frontmatter) over the site's configuration.
 */
export async function createBodyRenderer(): Promise<(body: string) => Promise<string>> {
  const { createMarkdownProcessor } = await astroMarkdownRemark();
  const processor = await createMarkdownProcessor(
    markdownConfig as Parameters<typeof createMarkdownProcessor>[0],
  );
  return async (body) => (await processor.render(body)).code;
}
