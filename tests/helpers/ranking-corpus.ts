/**
 * A generated corpus for the search-ranking test (issue 11): filler
 * articles over many years plus planted articles whose right order any
 * reader can tell. Expected sets come from the text via query.ts.
 */
import { matches, parseQuery } from '../../src/lib/search/query';
import type { QualityArticle } from './quality-corpus';

/** In the title of one 2012 article; once in the body of 30 articles from 2026. */
export const TITLE_QUERY = '数字乡村振兴';
/** Eight times in one 2013 article; once in 20 newer articles. */
export const HEAVY_QUERY = '链长制';

const WORDS = [
  '企业',
  '发展',
  '服务',
  '社会',
  '经济',
  '会议',
  '推进',
  '提升',
  '质量',
  '创新',
  '管理',
  '人才',
  '培训',
  '文化',
  '活动',
  '职工',
  '生产',
  '经营',
  '公司',
  '技术',
  '项目',
  '市场',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const day = (year: number, n: number) =>
  new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);

export function generateRankingCorpus(): QualityArticle[] {
  const r = rng(11);
  const sentence = () =>
    Array.from(
      { length: 5 + Math.floor(r() * 6) },
      () => WORDS[Math.floor(r() * WORDS.length)],
    ).join('') + '。';
  const body = (mention?: string, times = 1) => {
    const s = Array.from({ length: 24 }, sentence);
    for (let k = 0; k < (mention ? times : 0); k++) {
      const i = Math.floor((k + 0.5) * (s.length / times));
      s[i] = `${s[i]!.slice(0, -1)}，${mention}。`;
    }
    return [s.slice(0, 8), s.slice(8, 16), s.slice(16)].map((p) => p.join('')).join('\n\n');
  };
  const out: QualityArticle[] = [];
  const add = (slug: string, title: string, date: string, text: string) =>
    out.push({
      slug,
      title,
      date,
      channel: ['jiceng', 'anli', 'cankao'][out.length % 3]!,
      body: text,
    });
  add('rank-title-2012', `${TITLE_QUERY}的早期探索`, '2012-05-10', body());
  for (let i = 0; i < 30; i++)
    add(`rank-body-2026-${i}`, `第${i}篇基层动态`, day(2026, 10 + i * 3), body(TITLE_QUERY));
  add('rank-heavy-2013', '产业协作的一种做法', '2013-06-18', body(HEAVY_QUERY, 8));
  for (let i = 0; i < 20; i++)
    add(`rank-once-${i}`, `第${i}篇工作简讯`, day(2016 + (i % 10), 40 + i * 5), body(HEAVY_QUERY));
  for (let i = 0; i < 60; i++)
    add(`rank-filler-${i}`, `第${i}篇综合报道`, day(2010 + (i % 17), 200 + i), body());
  return out;
}

/** The articles a query must return, by the shared contract. */
export function matching(q: string, articles: readonly QualityArticle[]): QualityArticle[] {
  const terms = parseQuery(q);
  return articles.filter((a) => matches({ title: a.title, text: a.body }, terms));
}
