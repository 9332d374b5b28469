import type { Loader, LoaderContext } from 'astro/loaders';
import { articleEntrySchema, type StoredArticleData } from '../schema/article';
import { markdownThreads, renderBodies, type RenderJob } from '../markdown/render-pool';
import { isSiteMarkdownConfig } from '../markdown/same-config';
import { ContentError } from '../schema/messages';
import { articleContext } from './article-context';
import { readExcerpts, storedData, writeExcerpts } from './excerpts';
import { splitValidated } from './frontmatter';
import { hasCachedHtml, pruneHtmlCache, writeCachedHtml } from './html-cache';
import { slugOf } from './parse-article';
import { articlesDir, listArticleFiles } from './paths';
import { syncProgress } from './progress';
import { readArticles } from './read-articles';
import { aliasedArticle, writeAliasedArticles } from './redirect-list';
import { searchInput, writeSearchInputs } from './search-inputs';

/**
 * Loads every article, validates it through the shared path and renders
 * component-free bodies with Astro's Markdown pipeline into the HTML cache
 * (html-cache.ts). Entries are keyed by a digest of the file's bytes, the
 * site data validation depends on and the Markdown configuration, so a warm
 * build neither parses nor renders an unchanged file again. Bodies that need
 * MDX are left to the `articlesMdx` collection (see content.config.ts). Many
 * bodies are rendered on every core (markdown/render-pool.ts), with a line of
 * progress every few seconds.
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
  const progress = syncProgress((line) => logger.info(line));
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
  const files = listArticleFiles();
  const excerpts = readExcerpts();
  let seen = 0;
  const { articles, problems } = readArticles(ctx, files, (file, bytes) => {
    progress.read(++seen, files.length);
    const digest = generateDigest(`${salt}\n${file}\n${bytes.toString('latin1')}`);
    digests.set(file, digest);
    const slug = slugOf(file);
    const stored = store.get(slug);
    if (stored?.digest !== digest) return undefined;
    const data = stored.data as StoredArticleData;
    const excerpt = excerpts.get(digest);
    if (excerpt === undefined || (!data.mdx && !hasCachedHtml(digest))) return undefined;
    // Not re-validated, but the body still feeds the checks across articles.
    return { slug, data: { ...data, excerpt }, ...splitValidated(bytes.toString('utf8')) };
  });
  // Fail on any problem: an article must never vanish silently from the site.
  if (problems.length) throw new ContentError(problems);
  progress.validated(articles.length);
  const keep = new Set<string>();
  const bodies = new Set<string>();
  const changed: typeof articles = [];
  const jobs: (RenderJob & { digest: string })[] = [];
  for (const a of articles) {
    keep.add(a.slug);
    const digest = digests.get(a.data.file)!;
    if (!a.data.mdx) bodies.add(digest);
    if (
      store.get(a.slug)?.digest === digest &&
      excerpts.has(digest) &&
      (a.data.mdx || hasCachedHtml(digest))
    )
      continue;
    if (!a.data.mdx) jobs.push({ body: a.body, label: a.data.file, digest });
    changed.push(a);
  }
  const inWorkers = await renderChanged(jobs, { renderMarkdown, logger, config, progress });
  for (const a of changed) {
    store.set({
      id: a.slug,
      data: storedData(a.data),
      digest: digests.get(a.data.file)!,
      filePath: a.data.file,
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  writeAliasedArticles(articles.filter((a) => a.data.aliases.length).map(aliasedArticle));
  writeExcerpts(articles.map((a) => [digests.get(a.data.file)!, a.data.excerpt] as const));
  writeSearchInputs(articles.map((a) => searchInput(a.slug, digests.get(a.data.file)!, a.data)));
  pruneHtmlCache(bodies);
  const mdx = articles.filter((a) => a.data.mdx).length;
  logger.info(
    `${articles.length} articles (${jobs.length} rendered, ${articles.length - jobs.length - mdx} from cache, ${mdx} compiled as MDX)${inWorkers ? `; ${inWorkers} rendered by Markdown worker threads` : ''}`,
  );
}

/**
 * Renders the changed Markdown bodies into the HTML cache: on worker threads
 * when there are many and Astro's Markdown configuration is the site's own
 * (markdown/config.ts, which the workers build from), else with the context's
 * `renderMarkdown` on this thread. Returns how many the workers rendered.
 */
async function renderChanged(
  jobs: readonly (RenderJob & { digest: string })[],
  {
    renderMarkdown,
    logger,
    config,
    progress,
  }: Pick<LoaderContext, 'renderMarkdown' | 'logger' | 'config'> & {
    progress: ReturnType<typeof syncProgress>;
  },
): Promise<number> {
  let { workers, here } = markdownThreads(jobs.length);
  if (workers > 0 && !isSiteMarkdownConfig(config.markdown)) {
    logger.warn(
      'config.markdown is not src/lib/markdown/config.ts: Markdown is rendered on one thread',
    );
    [workers, here] = [0, true];
  }
  let done = 0;
  return renderBodies(jobs, {
    workers,
    renderHere: here ? async (body) => (await renderMarkdown(body)).html : undefined,
    onRendered: (job, html) => {
      writeCachedHtml(job.digest, html);
      progress.rendered(++done, jobs.length);
    },
    warn: (message) => logger.warn(message),
  });
}
