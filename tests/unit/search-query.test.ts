import { describe, expect, it } from 'vitest';
import { beijingYear, matchDoc, normalize, parseQuery, searchDocs, type SearchDoc } from '../../src/lib/search/query';

const doc = (id: string, title: string, text: string, date: string, channel = '基层点睛'): SearchDoc =>
  ({ id, title: normalize(title), text: normalize(text), date, channel });

describe('normalize and parseQuery', () => {
  it('folds full-width ASCII and case, collapses white space', () => {
    expect(normalize('  ＡＩ党建\n\t５Ｇ  ')).toBe('ai党建 5g');
  });
  it('splits on white space and keeps quoted phrases whole', () => {
    expect(parseQuery('党群共建  "两新 组织"  “非公 企业” GDP')).toEqual(['党群共建', '两新 组织', '非公 企业', 'gdp']);
    expect(parseQuery('   ')).toEqual([]);
  });
});

describe('matching and ranking', () => {
  const docs = [
    doc('a', '党建工作', '党群共建 党群共建', '2015-03-24T00:00:00+08:00'),
    doc('b', '党群共建的经验', '正文', '2014-01-01T00:00:00+08:00', '案例'),
    doc('c', '无关', '党群 共建 分开写', '2016-01-01T00:00:00+08:00'),
    doc('d', '其他', '党群共建一次', '2016-01-01T00:00:00+08:00'),
    doc('e', '其他', '党群共建一次', '2017-01-01T00:00:00+08:00'),
  ];
  it('matches literal substrings only, title hits first, then occurrences, newer, id', () => {
    expect(searchDocs(docs, '党群共建').map((h) => h.doc.id)).toEqual(['b', 'a', 'e', 'd']);
  });
  it('needs every term; single characters and Latin work as substrings', () => {
    expect(matchDoc(docs[2]!, ['党群', '共建'])).not.toBeNull();
    expect(searchDocs(docs, '群 写').map((h) => h.doc.id)).toEqual(['c']);
    expect(searchDocs([doc('x', 'AI党建', '５Ｇ网络', '2020-01-01')], 'ai党建 5g')).toHaveLength(1);
    expect(searchDocs(docs, '台风')).toEqual([]);
  });
  it('filters by channel and Beijing year, and sorts by date', () => {
    expect(searchDocs(docs, '党群共建', { channel: '案例' }).map((h) => h.doc.id)).toEqual(['b']);
    expect(searchDocs(docs, '党群共建', { year: 2016 }).map((h) => h.doc.id)).toEqual(['d']);
    expect(searchDocs(docs, '党群共建', { sort: 'date' }).map((h) => h.doc.id)).toEqual(['e', 'd', 'a', 'b']);
    expect(beijingYear('2015-12-31T20:00:00Z')).toBe(2016);
  });
});
