import { describe, expect, it } from 'vitest';
import {
  beijingYear,
  countOccurrences,
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
