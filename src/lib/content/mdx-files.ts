import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bodyOf } from './frontmatter';
import { forcedMdx, needsMdx } from './mdx-detect';
import { slugOf } from './parse-article';
import { articlesDir, listArticleFiles } from './paths';

/**
 * Article files whose body needs the MDX compiler, relative to the articles
 * folder: the glob pattern of the `articlesMdx` collection. Read when the
 * content config loads; restart `astro dev` after adding a component to a
 * file that had none.
 */
export function mdxArticlePatterns(): string[] {
  const dir = articlesDir();
  return listArticleFiles(dir)
    .filter((abs) => {
      if (forcedMdx(slugOf(abs))) return true;
      const body = bodyOf(readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n'));
      return body !== undefined && needsMdx(body);
    })
    .map((abs) => relative(dir, abs).split('\\').join('/'));
}
