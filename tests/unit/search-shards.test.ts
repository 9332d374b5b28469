import { describe, expect, it } from 'vitest';
import { planShards, shardSize, shardsFor, DEFAULT_SHARD_SIZE } from '../../src/lib/search/shards';

const item = (i: number, date: string) => ({
  url: `/articles/a${i}/`,
  date,
  year: Number(date.slice(0, 4)),
});

describe('shards', () => {
  it('put the newest articles first, a quarter of the size in the first shard, in a stable order', () => {
    const items = [
      item(1, '2015-03-24'),
      item(2, '2020-01-01'),
      item(3, '2011-05-05'),
      item(4, '2020-01-01'),
      item(5, '2018-07-07'),
      item(6, '2010-01-01'),
    ];
    const shards = planShards(items, 4);
    expect(shards.map((s) => s.items.map((x) => x.url))).toEqual([
      ['/articles/a2/'],
      ['/articles/a4/', '/articles/a5/', '/articles/a1/', '/articles/a3/'],
      ['/articles/a6/'],
    ]);
    expect(shards.map((s) => s.info)).toEqual([
      { id: 's0', path: '/pagefind/', articles: 1, newestYear: 2020, oldestYear: 2020 },
      { id: 's1', path: '/pagefind/s1/', articles: 4, newestYear: 2020, oldestYear: 2011 },
      { id: 's2', path: '/pagefind/s2/', articles: 1, newestYear: 2010, oldestYear: 2010 },
    ]);
    expect(planShards([...items].reverse(), 4)).toEqual(shards);
    expect(planShards(items, 1).map((s) => s.info.articles)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(planShards([], 4)).toEqual([]);
  });
  it('are chosen by year for a year filter', () => {
    const manifest = {
      shards: planShards(
        [
          item(1, '2015-03-24'),
          item(2, '2020-01-01'),
          item(3, '2011-05-05'),
          item(5, '2018-07-07'),
        ],
        8,
      ).map((s) => s.info),
    };
    // s0 holds 2020 and 2018 (8 / 4 = 2 articles), s1 holds 2015 and 2011.
    expect(shardsFor(manifest.shards, 2015).map((s) => s.id)).toEqual(['s1']);
    expect(shardsFor(manifest.shards, 2019).map((s) => s.id)).toEqual(['s0']);
    expect(shardsFor(manifest.shards, 2016).map((s) => s.id)).toEqual([]);
    expect(shardsFor(manifest.shards).map((s) => s.id)).toEqual(['s0', 's1']);
  });
  it('have a size an environment variable can change, and refuse a bad one', () => {
    expect(shardSize({})).toBe(DEFAULT_SHARD_SIZE);
    expect(shardSize({ FEIGONG_SEARCH_SHARD_SIZE: '50' })).toBe(50);
    expect(() => shardSize({ FEIGONG_SEARCH_SHARD_SIZE: '0' })).toThrow(/正整数/);
  });
});
