import type { Loader, LoaderContext } from 'astro/loaders';
import { articleEntrySchema, type ArticleData } from '../schema/article';
import { ContentError } from '../schema/messages';
import { articleContext } from './article-context';
import { splitValidated } from './frontmatter';
import { hasCachedHtml, pruneHtmlCache, writeCachedHtml } from './html-cache';
import { slugOf } from './parse-article';
import { articlesDir } from './paths';
import { readArticles } from './read-articles';
import { aliasedArticle, writeAliasedArticles } from './redirect-list';
import { searchInput, writeSearchInputs } from './search-inputs';

/**
 * Loads every article, validates it through the shared path and renders
 * component-free bodies with Astro's Markdown pipeline into the HTML cache
 * (html-cache.ts). Entries are keyed by a digest of the file's bytes, the
 * site data validation depends on and the Markdown configuration, so a warm
 * build neither parses nor renders an unchanged file again. Bodies that need
 * MDX are left to the `articlesMdx` collection (see content.config.ts).
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

/** Bump when rendering changes in a way the Markdown configuration below does not show. */
const RENDER_VERSION = 1;

/** The Markdown configuration, plugins by name, for the digest. */
function markdownSalt(markdown: unknown): string {
  return JSON.stringify(markdown, (_k, v: unknown) =>
    typeof v === 'function' ? `fn:${v.name}` : v,
  );
}

async function sync({ store, renderMarkdown, generateDigest, logger, config }: LoaderContext) {
  const ctx = articleContext();
  // Everything besides the file that decides an entry: channels and default
  // source, Markdown configuration, and the test-only MDX routing.
  const salt = generateDigest(
    JSON.stringify([
      RENDER_VERSION,
      ctx,
      markdownSalt(config.markdown),
      process.env.FEIGONG_FORCE_MDX ?? '',
    ]),
  );
  const digests = new Map<string, string>();
  const { articles, problems } = readArticles(ctx, undefined, (file, bytes) => {
    const digest = generateDigest(`${salt}\n${file}\n${bytes.toString('latin1')}`);
    digests.set(file, digest);
    const slug = slugOf(file);
    const stored = store.get(slug);
    if (stored?.digest !== digest) return undefined;
    const data = stored.data as ArticleData;
    if (!data.mdx && !hasCachedHtml(digest)) return undefined;
    // Not re-validated, but the body still feeds the checks across articles.
    return { slug, data, ...splitValidated(bytes.toString('utf8')) };
  });
  // Fail on any problem: an article must never vanish silently from the site.
  if (problems.length) throw new ContentError(problems);
  const keep = new Set<string>();
  const bodies = new Set<string>();
  let rendered = 0;
  for (const a of articles) {
    keep.add(a.slug);
    const digest = digests.get(a.data.file)!;
    if (!a.data.mdx) bodies.add(digest);
    if (store.get(a.slug)?.digest === digest && (a.data.mdx || hasCachedHtml(digest))) continue;
    if (!a.data.mdx) {
      writeCachedHtml(digest, (await renderMarkdown(a.body)).html);
      rendered++;
    }
    store.set({ id: a.slug, data: a.data, digest, filePath: a.data.file });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  writeAliasedArticles(articles.filter((a) => a.data.aliases.length).map(aliasedArticle));
  writeSearchInputs(articles.map((a) => searchInput(a.slug, digests.get(a.data.file)!, a.data)));
  pruneHtmlCache(bodies);
  const mdx = articles.filter((a) => a.data.mdx).length;
  logger.info(
    `${articles.length} articles (${rendered} rendered, ${articles.length - rendered - mdx} from cache, ${mdx} compiled as MDX)`,
  );
}
