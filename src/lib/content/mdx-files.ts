import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
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
      const src = readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n');
      const end = src.indexOf('\n---', 3);
      return end > 0 && needsMdx(src.slice(src.indexOf('\n', end + 1) + 1));
    })
    .map((abs) => relative(dir, abs).split('\\').join('/'));
}
