import { describe, expect, it } from 'vitest';
import { collectionProblems, duplicateUrlProblems } from '../../src/lib/content/collection-checks';
import type { ParsedArticle } from '../../src/lib/content/parse-article';
import { siteIndex } from '../../src/lib/content/site-routes';
import { article } from '../helpers/articles';

describe('duplicateUrlProblems', () => {
  it('names both files that claim one URL', () => {
    const problems = duplicateUrlProblems([
      'content/articles/2015/kaihua.mdx',
      'content/articles/other.mdx',
      'content/articles/2016/kaihua.mdx',
    ]);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p!.file).toBe('content/articles/2016/kaihua.mdx');
    expect(p!.field).toBe('file');
    expect(p!.message).toContain('/articles/kaihua/');
    expect(p!.message).toContain('content/articles/2015/kaihua.mdx');
    expect(p!.found).toBe('content/articles/2015/kaihua.mdx 和 content/articles/2016/kaihua.mdx');
  });
  it('treats names that differ only in case as one URL', () => {
    expect(duplicateUrlProblems(['a/Kaihua.mdx', 'b/kaihua.MDX'])).toHaveLength(1);
  });
  it('is silent when every name is unique', () => {
    expect(duplicateUrlProblems(['a/x.mdx', 'a/y.mdx', 'b/z.mdx'])).toEqual([]);
  });
});

describe('collectionProblems', () => {
  const parsed = (id: string, related: string[] = []): ParsedArticle => ({
    slug: id,
    data: article(id, { related }).data,
    body: '正文',
    bodyLine: 6,
    keyLines: { related: 5 },
  });
  it('reports `related` ids that are not articles', () => {
    const problems = collectionProblems(
      [parsed('a', ['b', 'nope']), parsed('b')],
      siteIndex(['a', 'b'], ['jiceng']),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/articles/a.mdx',
        field: 'related',
        found: '"nope"',
      }),
    ]);
  });
});
