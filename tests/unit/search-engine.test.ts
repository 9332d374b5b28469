import { describe, expect, it } from 'vitest';
import {
  directoryAnswersNone,
  runSearch,
  suggest,
  type PagefindApi,
  type PagefindResult,
  type SearchIndex,
} from '../../src/lib/search/engine';
import { FILTER_YEAR } from '../../src/lib/search/records';
import { MAX_QUERY_CHARS } from '../../src/lib/search/query';
import { termWords } from '../../src/lib/search/tokens';

interface Page {
  url: string;
  title: string;
  body: string;
  iso: string;
}

/**
 * A stand-in for Pagefind's bundle: every query returns every page (worst
 * case), so verification must do the work; a year filter and the date sort
 * are applied as Pagefind applies them. `directory` says which words some
 * page holds. Counts how often Pagefind was asked for and fragments read.
 */
function fakeIndex(
  pages: Page[],
  directory?: (word: string) => boolean,
): SearchIndex & {
  fragments: number;
  opened: number;
  searches: { filters?: Record<string, string>; sort?: Record<string, string> }[];
  api: PagefindApi;
} {
  const index = {
    fragments: 0,
    opened: 0,
    searches: [] as { filters?: Record<string, string>; sort?: Record<string, string> }[],
    async mayHold(words: readonly string[]) {
      return directory ? words.every(directory) : true;
    },
    async pagefind() {
      index.opened++;
      return index.api;
    },
    api: {} as PagefindApi,
  };
  index.api = {
    async search(_term, opts) {
      index.searches.push({ ...opts });
      const year = opts?.filters?.[FILTER_YEAR];
      let items = pages.filter((p) => !year || p.iso.startsWith(year));
      if (opts?.sort?.date === 'desc') items = [...items].sort((a, b) => (a.iso < b.iso ? 1 : -1));
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
  it('by date asks Pagefind for its date order over the whole archive, newest first', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/p${i}/`,
      title: '标题',
      body: `第${i}篇：党群共建`,
      iso: `${2000 + i}-06-01`,
    }));
    const index = fakeIndex(many);
    const set = await runSearch(index, { q: '党群共建', sort: 'date' });
    expect(index.searches).toEqual([{ filters: {}, sort: { date: 'desc' } }]);
    expect(set.total()).toBe(30);
    expect(set.exact()).toBe(false); // four characters: candidates, not yet all read
    const all = [...(await set.next(10)), ...(await set.next(10)), ...(await set.next(10))];
    expect(all.map((h) => h.doc.url)).toEqual(Array.from({ length: 30 }, (_, i) => `/p${29 - i}/`));
    expect(set.hasMore()).toBe(false);
    expect(set.exact()).toBe(true);
  });
  it("by relevance keeps Pagefind's order and passes the filters", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      url: `/p${i}/`,
      title: '标题',
      body: '党群共建',
      iso: `${2000 + i}-06-01`,
    }));
    const index = fakeIndex(many);
    const hits = await (await runSearch(index, { q: '党群共建', year: '2005' })).next(10);
    expect(index.searches).toEqual([{ filters: { [FILTER_YEAR]: '2005' } }]);
    expect(hits.map((h) => h.doc.url)).toEqual(['/p5/']);
  });
  it('answers a word no page holds from the directory, without waiting for Pagefind', async () => {
    const index = fakeIndex(pages, () => false);
    index.pagefind = () => new Promise(() => undefined); // still loading
    const set = await runSearch(index, { q: '台风' });
    expect(await set.next(10)).toEqual([]);
    expect(set.total()).toBe(0);
  });
  it('tells from the directory alone when no article holds a query (the header box answers at once)', async () => {
    const none = (holds: boolean, q: string) =>
      directoryAnswersNone(
        fakeIndex(pages, () => holds),
        q,
      );
    expect(await none(false, '台风')).toBe(true);
    expect(await none(true, '台风')).toBe(false);
    // A Latin word is a prefix: the directory cannot tell, Pagefind is asked.
    expect(await none(false, 'GDP')).toBe(false);
    expect(await none(false, '')).toBe(false);
  });
  it('asks Pagefind while the directory is read, not after', async () => {
    const index = fakeIndex(pages);
    let answer: (v: boolean) => void = () => undefined;
    index.mayHold = () => new Promise((r) => (answer = r));
    const set = runSearch(index, { q: '党组织' });
    await new Promise((r) => setTimeout(r, 0));
    expect(index.searches).toHaveLength(1);
    answer(true);
    expect((await (await set).next(10)).length).toBe(2);
  });
  it('asks Pagefind when the directory holds every word', async () => {
    const [a, b] = termWords('党组织').map((w) => w.word);
    const index = fakeIndex(pages, (w) => w === a || w === b);
    expect((await (await runSearch(index, { q: '党组织' })).next(10)).length).toBe(2);
    expect(index.opened).toBe(1);
  });
  it('asks the directory only for exact words (a Latin word is a prefix)', async () => {
    const asked: string[][] = [];
    const index = fakeIndex([{ url: '/g/', title: 'GDP', body: 'GDPR 党建', iso: '2020-01-01' }]);
    const mayHold = index.mayHold.bind(index);
    index.mayHold = (words) => (asked.push([...words]), mayHold(words));
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
    const index = fakeIndex(pages);
    let searches = 0;
    const terms: string[] = [];
    const search = index.api.search.bind(index.api);
    index.api.search = (...args) => {
      searches++;
      terms.push(args[0]);
      return search(...args);
    };
    return { index, searches: () => searches, terms };
  }
  const query = Array.from({ length: 2000 }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
  ).join('');
  it('asks Pagefind once, for at most one index word per searched character pair', async () => {
    const { index, searches, terms } = counted();
    const set = await runSearch(index, { q: query });
    expect(await set.next(10)).toEqual([]);
    expect(searches()).toBe(1);
    expect(terms[0]!.split(' ').length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
  it('the suggestion step tries a bounded number of shorter queries', async () => {
    const { index, searches } = counted();
    await suggest(index, query);
    expect(searches()).toBeLessThanOrEqual(6);
    expect(index.fragments).toBeLessThanOrEqual(6 * 40);
  });
});
