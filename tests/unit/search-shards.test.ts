import { describe, expect, it } from 'vitest';
import { planShards, shardSize, DEFAULT_SHARD_SIZE } from '../../src/lib/search/shards';

const item = (i: number, date: string) => ({
  url: `/articles/a${i}/`,
  date,
  year: Number(date.slice(0, 4)),
});

describe('shards', () => {
  it('fill the older shards from the oldest article, named from the oldest, the newest shard holding the rest', () => {
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
      ['/articles/a2/', '/articles/a4/'],
      ['/articles/a5/', '/articles/a1/', '/articles/a3/', '/articles/a6/'],
    ]);
    expect(shards.map((s) => s.info)).toEqual([
      { id: 's0', articles: 2, newestYear: 2020, oldestYear: 2020 },
      { id: 's1', articles: 4, newestYear: 2018, oldestYear: 2010 },
    ]);
    expect(planShards([...items].reverse(), 4)).toEqual(shards);
    expect(planShards(items, 1).map((s) => s.info.id)).toEqual([
      's0',
      's5',
      's4',
      's3',
      's2',
      's1',
    ]);
    expect(planShards(items, 3).map((s) => s.info.articles)).toEqual([3, 3]);
    expect(planShards([], 4)).toEqual([]);
  });
  it('keep every older shard as it was when a newer article is published', () => {
    const items = Array.from({ length: 23 }, (_, i) =>
      item(i, `20${String(10 + Math.floor(i / 4)).padStart(2, '0')}-0${(i % 4) + 1}-01`),
    );
    const before = planShards(items, 5);
    const after = planShards([...items, item(99, '2030-01-01')], 5);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]!.items.map((x) => x.url)).toEqual([
      '/articles/a99/',
      ...before[0]!.items.map((x) => x.url),
    ]);
    // s0 full: the next article starts a new s0 and the full one becomes the newest older shard.
    const full = [...items, item(98, '2030-01-01'), item(99, '2030-01-02')];
    const next = planShards([...full, item(97, '2031-01-01')], 5);
    expect(next.slice(2)).toEqual(planShards(full, 5).slice(1));
    expect(next.map((s) => s.info.id)).toEqual(['s0', 's5', 's4', 's3', 's2', 's1']);
  });
  it('have a size an environment variable can change, and refuse a bad one', () => {
    expect(shardSize({})).toBe(DEFAULT_SHARD_SIZE);
    expect(shardSize({ FEIGONG_SEARCH_SHARD_SIZE: '50' })).toBe(50);
    expect(() => shardSize({ FEIGONG_SEARCH_SHARD_SIZE: '0' })).toThrow(/正整数/);
  });
});
