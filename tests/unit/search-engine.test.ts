import { describe, expect, it } from 'vitest';
import { runSearch, suggest, type PagefindApi, type PagefindResult } from '../../src/lib/search/engine';

/** A stand-in for Pagefind: every query returns every page (worst case), so verification must do the work. */
function fakePagefind(pages: { url: string; title: string; body: string; iso: string }[]): PagefindApi & { loaded: number } {
  const api = {
    loaded: 0,
    async search() {
      const results: PagefindResult[] = pages.map((p) => ({
        id: p.url,
        data: async () => {
          api.loaded++;
          return { url: p.url, meta: { title: p.title, iso: p.iso, date: p.iso, channel: '案例', source: '本网', text: p.body } };
        },
      }));
      return { results };
    },
  };
  return api;
}

describe('runSearch', () => {
  const pages = [
    { url: '/a/', title: '其他', body: '党的组织建设', iso: '2020-01-01' },
    { url: '/b/', title: '其他', body: '党组织建设，党组织', iso: '2015-01-01' },
    { url: '/c/', title: '党组织风采', body: '正文', iso: '2010-01-01' },
  ];
  it('keeps only pages that contain the query literally, ranked by the shared contract, with highlighted excerpts', async () => {
    const set = await runSearch(fakePagefind(pages), { q: '党组织' });
    const hits = await set.next(10);
    expect(hits.map((h) => h.doc.url)).toEqual(['/c/', '/b/']);
    expect(hits[1]!.doc.excerpt).toContain('<mark>党组织</mark>');
    expect(hits[1]!.hits).toBe(2);
    expect(set.hasMore()).toBe(false);
  });
  it('caps how many candidates one page of results may load', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ url: `/x${i}/`, title: '无关', body: '没有', iso: '2020-01-01' }));
    const pf = fakePagefind(many);
    const set = await runSearch(pf, { q: '党组织' });
    expect(await set.next(10)).toEqual([]);
    expect(pf.loaded).toBe(40);
    expect(set.hasMore()).toBe(true);
  });
  it('suggests a shorter term that finds something', async () => {
    expect(await suggest(fakePagefind(pages), '党组织风暴')).toBe('党组织风');
    expect(await suggest(fakePagefind(pages), '台风')).toBeNull();
  });
});
