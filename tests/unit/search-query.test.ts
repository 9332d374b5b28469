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
