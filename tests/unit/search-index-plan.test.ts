import { describe, expect, it } from 'vitest';
import type { SearchInput } from '../../src/lib/content/search-inputs';
import { pageUrl, plannedItems, sameArticles } from '../../src/integrations/search-index/plan';

const input = (id: string, over: Partial<SearchInput> = {}): SearchInput => ({
  id,
  digest: `d-${id}`,
  mdx: false,
  draft: false,
  date: '2015-03-23T16:00:00.000Z',
  title: `标题${id}`,
  channel: 'jiceng',
  source: '中国非公企业党建网',
  ...over,
});
const names = (id: string) => ({ jiceng: '基层点睛', anli: '案例' })[id];
const now = new Date('2026-12-01T00:00:00Z');

describe('what the indexer plans before the pages exist', () => {
  it('takes published articles only, with the data the page will carry', () => {
    const items = plannedItems(
      [
        input('a'),
        input('draft', { draft: true }),
        input('later', { date: '2027-01-01T00:00:00.000Z' }),
        input('b', { channel: 'anli' }),
      ],
      names,
      now,
    );
    expect(items.map((i) => i.url)).toEqual(['/articles/a/', '/articles/b/']);
    expect(items[0]).toMatchObject({ date: '2015-03-24T00:00:00+08:00', year: 2015 });
    expect(items[1]!.early!.data).toEqual({
      channel: '案例',
      date: '2015-03-24T00:00:00+08:00',
      day: '2015年03月24日',
      source: '中国非公企业党建网',
      year: 2015,
    });
  });

  it('leaves an MDX body to its page and keys every article by what its record is made of', () => {
    const [mdx] = plannedItems([input('m', { mdx: true })], names, now);
    expect(mdx).toMatchObject({ page: true });
    expect(mdx!.early).toBeUndefined();
    // Known before the page exists; an MDX body's key also covers the code that renders it.
    const [md] = plannedItems([input('m')], names, now);
    expect(mdx!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(mdx!.digest).not.toBe(md!.digest);
    expect(
      plannedItems([input('m', { mdx: true, digest: 'edited' })], names, now)[0]!.digest,
    ).not.toBe(mdx!.digest);
    const key = (over: Partial<SearchInput>) =>
      plannedItems([input('a', over)], names, now)[0]!.digest;
    expect(key({})).toBe(key({}));
    expect(key({ title: '新标题' })).not.toBe(key({}));
    expect(key({ digest: 'other body' })).not.toBe(key({}));
    expect(key({ source: '新华网' })).not.toBe(key({}));
    expect(key({ channel: 'anli' })).not.toBe(key({}));
  });

  it('refuses an article whose channel the site does not have', () => {
    expect(() => plannedItems([input('a', { channel: 'nope' })], names, now)).toThrow(/未知频道/);
  });

  it('knows whether the built article pages are exactly the planned ones', () => {
    const items = plannedItems([input('a'), input('b')], names, now);
    expect(pageUrl('articles/a/')).toBe('/articles/a/');
    expect(pageUrl('articles/a')).toBe('/articles/a/');
    expect(sameArticles(items, ['articles/b/', 'articles/a/'])).toBe(true);
    expect(sameArticles(items, ['articles/a/'])).toBe(false);
    expect(sameArticles(items, ['articles/a/', 'articles/c/'])).toBe(false);
  });
});
