import type { Loader, LoaderContext } from 'astro/loaders';
import { articleEntrySchema } from '../schema/article';
import { ContentError } from '../schema/messages';
import { articleContext } from './article-context';
import { articlesDir } from './paths';
import { readArticles } from './read-articles';

/**
 * Loads every article, validates it through the shared path and renders
 * component-free bodies with Astro's Markdown pipeline. Rendered HTML is kept
 * in the content layer's store, keyed by a digest, so a warm build re-renders
 * only what changed. Bodies that need MDX are left to the `articlesMdx`
 * collection (see content.config.ts).
 */
export function articlesLoader(): Loader {
  return {
    name: 'feigong-articles',
    schema: articleEntrySchema,
    async load(context) {
      await sync(context);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(articlesDir()) || path.includes('/data/')) {
          sync(context).catch((e: Error) => context.logger.error(e.message));
        }
      });
    },
  };
}

async function sync({ store, renderMarkdown, generateDigest, logger }: LoaderContext) {
  const ctx = articleContext();
  const { articles, problems } = readArticles(ctx);
  // Fail on any problem: an article must never vanish silently from the site.
  if (problems.length) throw new ContentError(problems);
  const salt = generateDigest(JSON.stringify(ctx));
  const keep = new Set<string>();
  let rendered = 0;
  for (const a of articles) {
    keep.add(a.slug);
    const digest = generateDigest(`${salt}\n${JSON.stringify(a.data)}\n${a.body}`);
    if (store.get(a.slug)?.digest === digest) continue;
    store.set({
      id: a.slug,
      data: a.data,
      digest,
      filePath: a.data.file,
      ...(a.data.mdx ? {} : { rendered: await renderMarkdown(a.body) }),
    });
    rendered++;
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  const mdx = articles.filter((a) => a.data.mdx).length;
  logger.info(`${articles.length} articles (${rendered} rendered, ${articles.length - rendered} from cache, ${mdx} compiled as MDX)`);
}
