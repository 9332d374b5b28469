import { describe, expect, it } from 'vitest';
import {
  runSearch,
  suggest,
  type PagefindApi,
  type PagefindResult,
  type ShardedIndex,
} from '../../src/lib/search/engine';
import { planShards, SHARD_FILTER } from '../../src/lib/search/shards';
import { MAX_QUERY_CHARS } from '../../src/lib/search/query';
import { termWords } from '../../src/lib/search/tokens';

interface Page {
  url: string;
  title: string;
  body: string;
  iso: string;
}

/**
 * A stand-in for Pagefind over shards: every query returns every page of the
 * shard named in the filter (worst case), so verification must do the work.
 * Records which shards were loaded and how many fragments were read.
 */
function fakeIndex(
  pages: Page[],
  size = 1000,
  directory?: (shard: string, word: string) => boolean,
): ShardedIndex & { fragments: number; loaded: string[]; opened: number; api: PagefindApi } {
  const shards = planShards(
    pages.map((p) => ({ ...p, date: p.iso, year: Number(p.iso.slice(0, 4)) })),
    size,
  );
  const index = {
    fragments: 0,
    loaded: [] as string[],
    opened: 0,
    shards: shards.map((s) => s.info),
    async load(shard: { id: string }) {
      index.loaded.push(shard.id);
    },
    async holding<S extends { id: string }>(of: S[], words: readonly string[]) {
      return directory ? of.filter((s) => words.every((w) => directory(s.id, w))) : of;
    },
    async pagefind() {
      index.opened++;
      return index.api;
    },
    api: {} as PagefindApi,
  };
  index.api = {
    async search(_term: string, opts?: { filters?: Record<string, string> }) {
      // Like Pagefind's mergeIndex: an unfiltered search covers every loaded shard.
      const id = opts?.filters?.[SHARD_FILTER];
      if (id !== undefined && !index.loaded.includes(id))
        throw new Error('searched a shard that was not loaded');
      const items = shards
        .filter((s) => (id === undefined ? index.loaded.includes(s.info.id) : s.info.id === id))
        .flatMap((s) => s.items);
      const results: PagefindResult[] = items.map((p) => ({
        id: p.url,
        data: async () => {
          index.fragments++;
          return {
            url: p.url,
            meta: {
              title: p.title,
              iso: p.iso,
              date: p.iso,
              channel: '案例',
              source: '本网',
              text: p.body,
            },
          };
        },
      }));
      return { results };
    },
  };
  return index;
}

describe('runSearch', () => {
  const pages: Page[] = [
    { url: '/a/', title: '其他', body: '党的组织建设', iso: '2020-01-01' },
    { url: '/b/', title: '其他', body: '党组织建设，党组织', iso: '2015-01-01' },
    { url: '/c/', title: '党组织风采', body: '正文', iso: '2010-01-01' },
  ];
  it('keeps only pages that contain the query literally, ranked by the shared contract, with highlighted excerpts', async () => {
    const set = await runSearch(fakeIndex(pages), { q: '党组织' });
    const hits = await set.next(10);
    expect(hits.map((h) => h.doc.url)).toEqual(['/c/', '/b/']);
    expect(hits[1]!.doc.excerpt).toContain('<mark>党组织</mark>');
    expect(hits[1]!.hits).toBe(2);
    expect(set.hasMore()).toBe(false);
    expect(set.total()).toBe(2);
  });
  it('searches every shard at once; by date the order is exact newest first across shards', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/p${i}/`,
      title: '标题',
      body: `第${i}篇：党群共建`,
      iso: `${2000 + i}-06-01`,
    }));
    const index = fakeIndex(many, 20); // s0: the newest 10, s1: the oldest 20
    const set = await runSearch(index, { q: '党群共建', sort: 'date' });
    expect(index.loaded.sort()).toEqual(['s0', 's1']);
    expect(set.total()).toBe(30);
    expect(set.exact()).toBe(false); // four characters: candidates, not yet all read
    const all = [...(await set.next(10)), ...(await set.next(10)), ...(await set.next(10))];
    expect(all.map((h) => h.doc.url)).toEqual(Array.from({ length: 30 }, (_, i) => `/p${29 - i}/`));
    expect(set.hasMore()).toBe(false);
    expect(set.exact()).toBe(true);
  });
  it('skips shards that cannot hold the chosen year', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/p${i}/`,
      title: '标题',
      body: '党群共建',
      iso: `${2000 + i}-06-01`,
    }));
    const index = fakeIndex(many, 20); // s0: 2020–2029, s1: 2000–2019
    await (await runSearch(index, { q: '党群共建', year: '2005' })).next(10);
    expect(index.loaded).toEqual(['s1']);
  });
  it('opens only the shards the word directory says hold every word of the query', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/p${i}/`,
      title: '标题',
      body: i < 20 ? '链长制' : '其他',
      iso: `${2000 + i}-06-01`,
    }));
    // s0 (2020–2029) holds none of the words of 链长制.
    const index = fakeIndex(many, 20, (shard) => shard === 's1');
    const set = await runSearch(index, { q: '链长制' });
    expect(index.loaded).toEqual(['s1']);
    expect((await set.next(10)).length).toBe(10);
  });
  it('answers a word no shard holds without opening Pagefind', async () => {
    const index = fakeIndex(pages, 1000, () => false);
    const set = await runSearch(index, { q: '台风' });
    expect(await set.next(10)).toEqual([]);
    expect(set.total()).toBe(0);
    expect(index.opened).toBe(0);
    expect(index.loaded).toEqual([]);
  });
  it('asks the directory only for exact words (a Latin word is a prefix)', async () => {
    const asked: string[][] = [];
    const index = fakeIndex([{ url: '/g/', title: 'GDP', body: 'GDPR 党建', iso: '2020-01-01' }]);
    const holding = index.holding.bind(index);
    index.holding = (of, words) => (asked.push([...words]), holding(of, words));
    await (await runSearch(index, { q: 'GDP 党建' })).next(10);
    expect(asked).toEqual([[termWords('党建')[0]!.word]]);
  });
  it('caps how many candidates one page of results may load', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      url: `/x${i}/`,
      title: '无关',
      body: '没有',
      iso: '2020-01-01',
    }));
    const index = fakeIndex(many);
    const set = await runSearch(index, { q: '党组织' });
    expect(await set.next(10)).toEqual([]);
    expect(index.fragments).toBe(40);
    expect(set.hasMore()).toBe(true);
  });
  it('counts: exact for a two-character term, 约 then corrected by reading the candidates for a longer one', async () => {
    const two = await runSearch(fakeIndex(pages), { q: '组织' });
    expect(two.exact()).toBe(true);
    const three = await runSearch(fakeIndex(pages), { q: '党组织' });
    expect(three.exact()).toBe(false);
    expect(three.total()).toBe(3); // the fake returns every page as a candidate
    expect(await three.verifyCount()).toBe(2);
    expect(three.exact()).toBe(true);
    expect(three.total()).toBe(2);
    expect((await three.next(10)).map((h) => h.doc.url)).toEqual(['/c/', '/b/']);
  });
  it('suggests a shorter term that finds something', async () => {
    expect(await suggest(fakeIndex(pages), '党组织风暴')).toBe('党组织风');
    expect(await suggest(fakeIndex(pages), '台风')).toBeNull();
  });
});

describe('an attacker pastes a 2,000-character query (issue 12)', () => {
  const pages: Page[] = Array.from({ length: 30 }, (_, i) => ({
    url: `/p${i}/`,
    title: '标题',
    body: '党组织建设',
    iso: `${2000 + i}-06-01`,
  }));
  /** The fake index, counting Pagefind searches and fragments. */
  function counted() {
    const index = fakeIndex(pages, 40);
    let searches = 0;
    const search = index.api.search.bind(index.api);
    index.api.search = (...args) => {
      searches++;
      return search(...args);
    };
    return { index, searches: () => searches };
  }
  const query = Array.from({ length: 2000 }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
  ).join('');
  it('searches at most one index word per searched character pair, in each shard', async () => {
    const { index, searches } = counted();
    const set = await runSearch(index, { q: query });
    expect(await set.next(10)).toEqual([]);
    expect(searches()).toBeLessThanOrEqual(MAX_QUERY_CHARS * index.shards.length);
  });
  it('the suggestion step tries a bounded number of shorter queries', async () => {
    const { index, searches } = counted();
    await suggest(index, query);
    expect(searches()).toBeLessThanOrEqual(6 * MAX_QUERY_CHARS * index.shards.length);
    expect(index.fragments).toBeLessThanOrEqual(6 * 40);
  });
});
