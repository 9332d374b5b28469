import { readFileSync } from 'node:fs';
import type { Problem } from '../schema/messages';
import { collectionProblems, duplicateUrlProblems } from './collection-checks';
import { mdxSyntaxProblem } from './mdx-syntax';
import { parseArticle, slugOf, type ArticleContext, type ParsedArticle } from './parse-article';
import { displayPath, listArticleFiles } from './paths';
import { siteIndex } from './site-routes';

/**
 * Reads and validates every article: the one path behind both the Astro
 * loader and `npm run check`, so both report the same problems in the same words.
 */
export function readArticles(ctx: ArticleContext, files = listArticleFiles()): { articles: ParsedArticle[]; problems: Problem[] } {
  const articles: ParsedArticle[] = [];
  const problems: Problem[] = duplicateUrlProblems(files.map(displayPath));
  for (const abs of files) {
    const file = displayPath(abs);
    const { article, problems: own } = parseArticle(file, readFileSync(abs), ctx);
    problems.push(...own);
    if (!article) continue;
    if (article.data.mdx) {
      const syntax = mdxSyntaxProblem(file, article.body, article.bodyLine);
      if (syntax) { problems.push(syntax); continue; }
    }
    articles.push(article);
  }
  problems.push(...collectionProblems(articles, siteIndex(files.map(slugOf), ctx.channelIds)));
  // One file's problems together, in line order, whatever check found them.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { articles, problems };
}
