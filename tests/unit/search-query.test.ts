import { describe, expect, it } from 'vitest';
import {
  beijingYear,
  capNote,
  capQuery,
  countOccurrences,
  MAX_QUERY_CHARS,
  matches,
  normalize,
  parseQuery,
  saturate,
  search,
  suggestionCandidates,
  type SearchDoc,
} from '../../src/lib/search/query';

const doc = (
  id: string,
  title: string,
  text: string,
  date: string,
  channel = '基层点睛',
): SearchDoc => ({ id, title, text, date, channel });

describe('normalize / parseQuery', () => {
  it('folds full-width ASCII, case and white space', () => {
    expect(normalize('  ＡＩ党建　５Ｇ\n GDP ')).toBe('ai党建 5g gdp');
  });
  it('splits on white space and keeps quoted phrases (ASCII and Chinese quotes) whole', () => {
    expect(parseQuery('党组织  "党群 共建" “五 四” 5G')).toEqual([
      '党组织',
      '党群 共建',
      '五 四',
      '5g',
    ]);
    expect(parseQuery('  "" 党建 党建 ')).toEqual(['党建']);
    expect(parseQuery('')).toEqual([]);
  });
});

describe('matching', () => {
  it('is literal substring matching on title + body, for every term', () => {
    const d = doc('a', '党群共建', '实践出真知，AI党建与5G网络', '2015-03-24');
    expect(matches(d, ['党群共建'])).toBe(true);
    expect(matches(d, ['践'])).toBe(true);
    expect(matches(d, ['ai党建', '5g'])).toBe(true);
    expect(matches(d, ['党组织'])).toBe(false);
    expect(matches(d, ['党群', '台风'])).toBe(false);
    expect(matches(d, [])).toBe(false);
  });
  it('counts non-overlapping occurrences', () => {
    expect(countOccurrences('党建党建党', '党建')).toBe(2);
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
  });
});

describe('ranking and filters', () => {
  const docs = [
    doc('old-many', '其他', '党组织 党组织 党组织', '2012-01-01'),
    doc('title', '党组织建设', '正文', '2010-01-01', '案例'),
    doc('new-one', '其他', '一个党组织', '2020-01-01'),
    doc('old-one', '其他', '一个党组织', '2016-01-01'),
    doc('decoy', '党的组织', '党 组 织', '2021-01-01'),
  ];
  it('puts title matches first, then more occurrences, then newer', () => {
    expect(search(docs, '党组织').map((r) => r.doc.id)).toEqual([
      'title',
      'old-many',
      'new-one',
      'old-one',
    ]);
  });
  it('sorts by date, newest first', () => {
    expect(search(docs, '党组织', { sort: 'date' }).map((r) => r.doc.id)).toEqual([
      'new-one',
      'old-one',
      'old-many',
      'title',
    ]);
  });
  it('filters by channel name and Beijing-time year', () => {
    expect(search(docs, '党组织', { channel: '案例' }).map((r) => r.doc.id)).toEqual(['title']);
    expect(search(docs, '党组织', { year: 2016 }).map((r) => r.doc.id)).toEqual(['old-one']);
    expect(beijingYear('2015-12-31T20:00:00Z')).toBe(2016);
    expect(beijingYear('2015-12-31T15:59:59Z')).toBe(2015);
  });
});

describe('suggestions', () => {
  it('offers single terms, then shorter sub-strings, longest first', () => {
    expect(suggestionCandidates('党群共建 台风')).toEqual([
      '党群共建',
      '台风',
      '党群共',
      '群共建',
      '党群',
      '群共',
      '共建',
    ]);
    expect(suggestionCandidates('党')).toEqual([]);
  });
});

describe('an attacker pastes a 2,000-character query (issue 12)', () => {
  const chars = (terms: string[]) => terms.reduce((n, t) => n + Array.from(t).length, 0);
  const hostile = [
    'a'.repeat(2000),
    'ab '.repeat(700),
    '党'.repeat(2000),
    Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(
      '',
    ),
    '\ufdfa'.repeat(2000), // one character that NFKC turns into 18
    '"'.repeat(1000) + '“'.repeat(1000),
  ];
  it('only the first MAX_QUERY_CHARS characters are searched, before and after normalizing', () => {
    for (const q of hostile) {
      expect(chars(parseQuery(q))).toBeLessThanOrEqual(MAX_QUERY_CHARS);
      expect(capQuery(q).cut).toBe(true);
    }
    expect(capQuery('党群共建').cut).toBe(false);
    expect(parseQuery(`党群共建 ${'x'.repeat(2000)}`)[0]).toBe('党群共建');
  });
  it('the page says so in Chinese', () => {
    expect(capNote).toBe(`只搜索前 ${MAX_QUERY_CHARS} 个字`);
  });
  it('suggestions stay few and are built from the searched part only', () => {
    for (const q of hostile) {
      const s = suggestionCandidates(q);
      expect(s.length).toBeLessThanOrEqual(12);
      for (const c of s) expect(Array.from(c).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    }
  });
  it('hang guard: parsing and suggesting every hostile query ends well within the 1 s the issue allows', () => {
    const t = performance.now();
    for (const q of hostile) suggestionCandidates(q, 1000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('relevance over the whole archive (issue 11)', () => {
  const filler = (n: number) => '企业发展服务社会。'.repeat(n);
  const ids = (q: string, docs: SearchDoc[], opts = {}) =>
    search(docs, q, opts).map((r) => r.doc.id);

  it('a title match from 2012 comes before 30 newer articles that mention the query once in the body', () => {
    const docs = [
      doc('old-title', '数字乡村振兴的早期探索', filler(40), '2012-05-10'),
      ...Array.from({ length: 30 }, (_, i) =>
        doc(
          `new-${i}`,
          `动态${i}`,
          `${filler(20)}数字乡村振兴${filler(20)}`,
          `2026-0${1 + (i % 9)}-10`,
        ),
      ),
    ];
    expect(ids('数字乡村振兴', docs)[0]).toBe('old-title');
  });
  it('an older article saying the term eight times is in the top 3, above 20 newer single mentions', () => {
    const docs = [
      doc('heavy', '产业协作', `${filler(5)}链长制`.repeat(8), '2013-06-18'),
      ...Array.from({ length: 20 }, (_, i) =>
        doc(
          `once-${i}`,
          `简讯${i}`,
          `${filler(20)}链长制${filler(20)}`,
          `20${16 + (i % 10)}-03-01`,
        ),
      ),
    ];
    expect(ids('链长制', docs).slice(0, 3)).toContain('heavy');
    expect(ids('链长制', docs)[0]).toBe('heavy');
  });
  it('more occurrences rank higher, with saturation: the tenth adds less than the second', () => {
    expect(saturate(2, 1500) - saturate(1, 1500)).toBeGreaterThan(
      saturate(10, 1500) - saturate(9, 1500),
    );
    expect(saturate(10, 1500)).toBeLessThan(2.2 + 1e-9); // BM25 bound: k1 + 1
  });
  it('the same occurrences in a longer body count less (length normalisation)', () => {
    const docs = [
      doc('long', '甲', `${filler(200)}链长制`, '2020-01-01'),
      doc('short', '乙', `${filler(5)}链长制`, '2019-01-01'),
    ];
    expect(ids('链长制', docs)).toEqual(['short', 'long']);
  });
  it('the exact phrase ranks above its words scattered', () => {
    const docs = [
      doc('scattered', '甲', `乡村${filler(3)}振兴${filler(3)}`, '2024-01-01'),
      doc('phrase', '乙', `乡村振兴${filler(6)}`, '2020-01-01'),
    ];
    expect(ids('乡村 振兴', docs)).toEqual(['phrase', 'scattered']);
  });
  it('ties go to the newer article', () => {
    const docs = [
      doc('older', '甲', `${filler(5)}链长制`, '2015-01-01'),
      doc('newer', '乙', `${filler(5)}链长制`, '2021-01-01'),
    ];
    expect(ids('链长制', docs)).toEqual(['newer', 'older']);
  });
  it('counts every literal match, whatever the order', () => {
    const docs = [
      doc('a', '链长制', '', '2015-01-01'),
      doc('b', '甲', '链长制链长制', '2016-01-01'),
      doc('c', '甲', '链长 制', '2017-01-01'),
    ];
    expect(search(docs, '链长制')).toHaveLength(2);
    expect(search(docs, '链长制', { sort: 'date' }).map((r) => r.hits)).toEqual([2, 1]);
  });
});
