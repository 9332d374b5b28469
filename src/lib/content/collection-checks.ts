import type { Problem } from '../schema/messages';
import type { ParsedArticle } from './parse-article';

/**
 * Checks that need every article at once: one URL per article, and
 * `related` ids that exist.
 */
export function collectionProblems(articles: readonly ParsedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, ParsedArticle>();
  for (const a of articles) {
    const first = bySlug.get(a.slug);
    if (first) {
      problems.push({
        file: a.data.file, field: 'file',
        message: `两篇文章的网址相同：/articles/${a.slug}/，另一篇是 ${first.data.file}。请给其中一篇改文件名`,
        expected: '每篇文章的文件名（网址）唯一', found: `${first.data.file} 和 ${a.data.file}`,
      });
    } else bySlug.set(a.slug, a);
  }
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
