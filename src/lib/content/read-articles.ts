import { readFileSync } from 'node:fs';
import type { Problem } from '../schema/messages';
import { collectionProblems, duplicateUrlProblems } from './collection-checks';
import { mdxBodyProblems } from './mdx-syntax';
import { parseArticle, slugOf, type ArticleContext, type ParsedArticle } from './parse-article';
import { displayPath, listArticleFiles } from './paths';
import { siteIndex } from './site-routes';

/**
 * An article parsed by an earlier build from exactly these bytes, if the
 * caller still has it (the Astro loader keeps them in the content store).
 */
export type ReuseParsed = (file: string, bytes: Buffer) => ParsedArticle | undefined;

/**
 * One article file on its own: parsed, and an MDX body compiled and its
 * expressions checked. `article` is null when anything is wrong with the file.
 */
export function readArticle(
  file: string,
  bytes: Buffer,
  ctx: ArticleContext,
): { article: ParsedArticle | null; problems: Problem[] } {
  const { article, problems } = parseArticle(file, bytes, ctx);
  if (!article?.data.mdx) return { article: article ?? null, problems };
  const mdx = mdxBodyProblems(file, article.body, article.bodyLine, Object.keys(article.keyLines));
  return mdx.length ? { article: null, problems: [...problems, ...mdx] } : { article, problems };
}

/**
 * Reads and validates every article: the one path behind both the Astro
 * loader and `npm run check`, so both report the same problems in the same words.
 * With `reuse`, an unchanged file is not parsed again (it was valid when it
 * was stored); the checks across articles always run over all of them.
 */
export function readArticles(
  ctx: ArticleContext,
  files = listArticleFiles(),
  reuse?: ReuseParsed,
): { articles: ParsedArticle[]; problems: Problem[] } {
  const articles: ParsedArticle[] = [];
  const problems: Problem[] = duplicateUrlProblems(files.map(displayPath));
  for (const abs of files) {
    const file = displayPath(abs);
    const bytes = readFileSync(abs);
    const previous = reuse?.(file, bytes);
    if (previous) {
      articles.push(previous);
      continue;
    }
    const { article, problems: own } = readArticle(file, bytes, ctx);
    problems.push(...own);
    if (article) articles.push(article);
  }
  problems.push(...collectionProblems(articles, siteIndex(files.map(slugOf), ctx.channelIds)));
  // One file's problems together, in line order, whatever check found them.
  problems.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
  return { articles, problems };
}
