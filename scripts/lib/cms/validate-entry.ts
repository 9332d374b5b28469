import { join, relative, sep } from 'node:path';
import type { Problem } from '../../../src/lib/schema/messages';
import { slugOf, type ArticleContext } from '../../../src/lib/content/parse-article';
import { readArticle } from '../../../src/lib/content/read-articles';
import {
  collectionProblems,
  duplicateUrlProblems,
} from '../../../src/lib/content/collection-checks';
import { listArticleFiles } from '../../../src/lib/content/paths';
import { siteIndex } from '../../../src/lib/content/site-routes';

export const ARTICLES_FOLDER = 'content/articles';

/**
 * What `npm run check` would say about one article file the web editor is
 * about to write into `repo` (path relative to it). The file itself goes
 * through the shared parser; against the rest of the checkout it is checked
 * for a duplicate URL, `related` ids, aliases that shadow a page, and links and
 * images in the body. Not checked here (it would parse every article on each
 * save): an alias already claimed by another article — `npm run check` finds it.
 */
export function entryProblems(
  repo: string,
  path: string,
  raw: string,
  ctx: ArticleContext,
): Problem[] {
  if (!path.startsWith(`${ARTICLES_FOLDER}/`) || !path.toLowerCase().endsWith('.mdx')) return [];
  const { article, problems } = readArticle(path, Buffer.from(raw, 'utf8'), ctx);
  const others = listArticleFiles(join(repo, ARTICLES_FOLDER))
    .map((abs) => relative(repo, abs).split(sep).join('/'))
    .filter((f) => f !== path);
  problems.push(...duplicateUrlProblems([...others, path]).filter((p) => p.file === path));
  if (!article) return problems;
  const idx = siteIndex([...others.map(slugOf), article.slug], ctx.channelIds, repo);
  return [...problems, ...collectionProblems([article], idx)];
}
