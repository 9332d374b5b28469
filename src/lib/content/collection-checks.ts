import type { Problem } from '../schema/messages';
import { slugOf, type ParsedArticle } from './parse-article';

/**
 * Two files that claim one URL, judged from file names alone so that it is
 * reported even when one of the files has other problems too.
 */
export function duplicateUrlProblems(files: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, string>();
  for (const file of files) {
    const slug = slugOf(file).toLowerCase();
    const other = first.get(slug);
    if (other === undefined) { first.set(slug, file); continue; }
    problems.push({
      file, field: 'file',
      message: `两篇文章的网址相同：/articles/${slug}/，另一篇是 ${other}。请给其中一篇改文件名`,
      expected: '每篇文章的文件名（网址）唯一', found: `${other} 和 ${file}`,
    });
  }
  return problems;
}

/** Checks that need every valid article at once: `related` ids that exist. */
export function collectionProblems(articles: readonly ParsedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Set(articles.map((a) => a.slug));
  for (const a of articles) {
    for (const id of a.data.related) {
      if (!bySlug.has(id)) {
        problems.push({
          file: a.data.file, field: 'related',
          message: '相关稿件里的文章不存在', expected: '已有文章的文件名（不含 .mdx）', found: JSON.stringify(id),
        });
      }
    }
  }
  return problems;
}
