import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE_SHARE,
  MAX_FIRST_PAGES,
  firstPageChar,
  firstPageUrl,
  rankFirstPages,
} from '../../src/lib/search/first-pages';
import { PAGE_SIZE, readFirstPage, type HandoffHit } from '../../src/lib/search/handoff';
import { search } from '../../src/lib/search/query';
import { excerpt, excerptSource } from '../../src/lib/search/tokens';

let n = 0;
const article = (title: string, text: string, date = '2020-01-01T00:00:00+08:00'): HandoffHit => ({
  url: `/articles/a${++n}/`,
  title,
  text,
  date,
  day: date.slice(0, 10),
  channel: '基层点睛',
  source: '中国非公企业党建网',
});

/** A seeded generator: the same articles every run. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
const POOL = '党建工作企业组织群众发展服务职工基层创新融合责任';

function archive(count: number, seed = 7): HandoffHit[] {
  const r = random(seed);
  const pick = (len: number) =>
    Array.from({ length: len }, () => POOL[Math.floor(r() * POOL.length)]).join('');
  return Array.from({ length: count }, (_, i) =>
    article(
      pick(4 + Math.floor(r() * 8)),
      `${pick(20 + Math.floor(r() * 400))}。${'台'.repeat(i % 3)}`,
      new Date(Date.UTC(2010 + (i % 15), i % 12, 1 + (i % 27))).toISOString(),
    ),
  );
}

describe('first pages of one-character queries, ranked at build time', () => {
  it('are the first page query.ts ranks over every article (title first, then relevance, ties newer)', () => {
    const docs = archive(300);
    const pages = rankFirstPages(docs);
    expect(pages.length).toBeGreaterThan(10);
    const asDocs = docs.map((d) => ({ ...d, id: d.url }));
    for (const p of pages) {
      const want = search(asDocs, p.q).slice(0, PAGE_SIZE);
      expect(p.hits.map((h) => h.url)).toEqual(want.map((r) => r.doc.url));
      expect(p.total).toBe(search(asDocs, p.q).length);
      expect(p.exact).toBe(true);
    }
  });

  it('put a title match above heavy body mentions, and many mentions above one', () => {
    const docs = [
      ...Array.from({ length: 30 }, () =>
        article('一般报道', '链长制在这里出现一次。', '2026-01-01T00:00:00+08:00'),
      ),
      article('讲链长制的文章', '正文没有那个字以外的内容', '2012-01-01T00:00:00+08:00'),
    ];
    const [page] = rankFirstPages(docs).filter((p) => p.q === '链');
    expect(page!.hits[0]!.title).toBe('讲链长制的文章');
    expect(page!.total).toBe(31);
  });

  it('go to characters on at least FIRST_PAGE_SHARE of the articles, the commonest MAX_FIRST_PAGES', () => {
    const docs = [
      ...Array.from({ length: 94 }, () => article('甲', '乙')),
      ...Array.from({ length: 5 }, () => article('丙', '丁')),
      article('戊', '己'),
    ];
    const chars = rankFirstPages(docs).map((p) => p.q);
    expect(FIRST_PAGE_SHARE * 100).toBe(5);
    expect(chars).toEqual(['丁', '丙', '乙', '甲']); // 戊 and 己: one article of 100
    // More characters than the cap: the commonest are kept.
    const many = Array.from({ length: MAX_FIRST_PAGES + 50 }, (_, i) =>
      String.fromCodePoint(0x4e00 + i),
    );
    const wide = rankFirstPages(
      many.map((c, i) =>
        article(c, many.slice(0, Math.min(many.length, i < 40 ? many.length : 1)).join('')),
      ),
    );
    expect(wide).toHaveLength(MAX_FIRST_PAGES);
    expect(wide.some((p) => p.q === many[0])).toBe(true);
  });

  it('carry only the text the excerpt needs, and the excerpt comes out the same', () => {
    const r = random(3);
    for (let i = 0; i < 500; i++) {
      const len = Math.floor(r() * 300);
      const text = Array.from({ length: len }, () => POOL[Math.floor(r() * POOL.length)]).join('');
      const term = POOL[Math.floor(r() * POOL.length)]!;
      const source = excerptSource(text, [term]);
      expect(excerpt(source, [term])).toBe(excerpt(text, [term]));
      expect(source.length).toBeLessThanOrEqual(92);
    }
    const long = rankFirstPages([article('标题', `${'文'.repeat(5000)}党${'文'.repeat(5000)}`)]);
    expect(long.find((p) => p.q === '党')!.hits[0]!.text.length).toBeLessThanOrEqual(92);
  });

  it('are asked for one index character by relevance without filters, and only those listed', () => {
    const first = { path: '/pagefind/first/abc/', chars: '党建' };
    expect(firstPageChar({ q: ' 党 ' })).toBe('党');
    expect(firstPageUrl(first, { q: '党' })).toBe('/pagefind/first/abc/515a.json');
    expect(firstPageUrl(first, { q: '“党”', sort: 'relevance' })).not.toBeNull();
    for (const state of [
      { q: '党建' },
      { q: '党 建' },
      { q: '台' },
      { q: 'a' },
      { q: '党', sort: 'date' as const },
      { q: '党', channel: '基层点睛' },
      { q: '党', year: '2015' },
    ])
      expect(firstPageUrl(first, state)).toBeNull();
    expect(firstPageUrl(undefined, { q: '党' })).toBeNull();
  });

  it('are read as untrusted, as a hand-off is, whatever their age', () => {
    const [page] = rankFirstPages([article('党建', '党的工作')]);
    const state = { q: page!.q };
    expect(readFirstPage(JSON.stringify(page), state)!.hits[0]!.excerpt).toContain('<mark>');
    const evil = { ...page!, hits: [{ ...page!.hits[0]!, url: 'javascript:alert(1)//' }] };
    expect(readFirstPage(JSON.stringify(evil), state)).toBeNull();
    const markup = {
      ...page!,
      hits: [{ ...page!.hits[0]!, text: '<img src=x onerror=alert(1)>党' }],
    };
    expect(readFirstPage(JSON.stringify(markup), state)!.hits[0]!.excerpt).not.toContain('<img');
    expect(readFirstPage(JSON.stringify(page), { q: '建' })).toBeNull();
    expect(readFirstPage('not json', state)).toBeNull();
  });
});

describe('first pages beyond Chinese', () => {
  it('count kana, Hangul (Jamo too) and characters beyond U+FFFF as index characters', () => {
    const chars = ['の', '한', '\u1100', '𠀀'];
    const docs = chars.map((c) => article(`${c}标题`, `正文${c}${c}`));
    const got = new Set(rankFirstPages(docs).map((p) => p.q));
    for (const c of chars) expect(got.has(c)).toBe(true);
    expect(got.has('a')).toBe(false);
  });
});
