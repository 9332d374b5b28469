import { describe, expect, it } from 'vitest';
import { relatedArticles, titleTerms, RELATED_COUNT } from '../../src/lib/related';
import { article } from '../helpers/articles';

const corpus = [
  article('target', {
    title: '开化：探索党群共建三五模式',
    date: '2015-03-24',
    tags: ['党群共建'],
  }),
  article('same-tag', {
    title: '某地经验交流',
    date: '2015-01-01',
    channel: 'anli',
    tags: ['党群共建'],
  }),
  article('same-title', { title: '杭州：党群共建新路子', date: '2014-01-01', channel: 'cankao' }),
  article('unrelated-old', { title: '年度工作会议', date: '2010-01-01', channel: 'cankao' }),
  ...Array.from({ length: 6 }, (_, i) =>
    article(`chan-${i}`, { title: `无关标题${'甲乙丙丁戊己'[i]}`, date: `2015-0${i + 1}-10` }),
  ),
];

const ids = (m: Map<string, { id: string }[]>, id: string) => m.get(id)!.map((a) => a.id);

describe('titleTerms', () => {
  it('splits Han runs into bigrams and keeps Latin words', () => {
    expect([...titleTerms('党群共建 ABC 2015')].sort()).toEqual(
      ['2015', 'abc', '共建', '党群', '群共'].sort(),
    );
    expect([...titleTerms('党')]).toEqual(['党']);
  });
});

describe('relatedArticles', () => {
  it('ranks shared tags and title terms first, then fills from the channel by date', () => {
    const r = ids(relatedArticles(corpus), 'target');
    expect(r).toHaveLength(RELATED_COUNT);
    expect(r.slice(0, 2)).toEqual(['same-tag', 'same-title']);
    expect(r).not.toContain('target');
    expect(r).not.toContain('unrelated-old');
    // The fill comes from the same channel, nearest in date.
    for (const id of r.slice(2)) expect(id).toMatch(/^chan-/);
    // Nearest first, the older one before the newer at equal distance.
    expect(r.slice(2)).toEqual(['chan-2', 'chan-3', 'chan-1']);
  });

  it('is deterministic: the input order does not matter', () => {
    const a = relatedArticles(corpus);
    const b = relatedArticles([...corpus].reverse());
    for (const x of corpus) expect(ids(b, x.id)).toEqual(ids(a, x.id));
  });

  it('lets the frontmatter `related` list take precedence, in its order, skipping unknown ids and itself', () => {
    const withOverride = corpus.map((a) =>
      a.id === 'target'
        ? article('target', {
            ...a.data,
            related: ['unrelated-old', 'missing', 'target', 'chan-5'],
          })
        : a,
    );
    expect(ids(relatedArticles(withOverride), 'target')).toEqual(['unrelated-old', 'chan-5']);
  });

  it('returns fewer when the site has fewer articles', () => {
    expect(ids(relatedArticles([article('x'), article('y', { title: '其他' })]), 'x')).toEqual([
      'y',
    ]);
    expect(ids(relatedArticles([article('alone')]), 'alone')).toEqual([]);
  });
});
