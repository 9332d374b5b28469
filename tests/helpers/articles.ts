import type { Article } from '../../src/lib/articles';
import type { ArticleData } from '../../src/lib/schema/article';

/** An in-memory article for helper tests; only what the test names differs. */
export function article(
  id: string,
  patch: Partial<Omit<ArticleData, 'date'>> & { date?: Date | string } = {},
): Article {
  const { date = '2020-01-01', ...rest } = patch;
  return {
    id,
    data: {
      title: `标题 ${id}`,
      date: typeof date === 'string' ? new Date(`${date}T00:00:00+08:00`) : date,
      source: '中国非公企业党建网',
      author: '',
      editor: '',
      channel: 'jiceng',
      summary: '',
      tags: [],
      related: [],
      draft: false,
      aliases: [],
      file: `content/articles/${id}.mdx`,
      mdx: false,
      excerpt: `摘要 ${id}`,
      ...rest,
    },
  };
}
