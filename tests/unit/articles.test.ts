import { describe, expect, it } from 'vitest';
import {
  byChannel,
  compareNewest,
  isPublished,
  neighbours,
  publishedArticles,
} from '../../src/lib/articles';
import { article } from '../helpers/articles';

const now = new Date('2020-06-01T00:00:00+08:00');

describe('publishedArticles', () => {
  const all = [
    article('old', { date: '2015-03-24' }),
    article('draft', { date: '2019-01-01', draft: true }),
    article('future', { date: '2030-01-01' }),
    article('exactly-now', { date: now }),
    article('newer', { date: '2019-05-05' }),
  ];
  it('leaves drafts and future-dated articles out of production, newest first', () => {
    expect(publishedArticles(all, { now, preview: false }).map((a) => a.id)).toEqual([
      'exactly-now',
      'newer',
      'old',
    ]);
    expect(isPublished(all[1]!, { now, preview: false })).toBe(false);
    expect(isPublished(all[2]!, { now, preview: false })).toBe(false);
  });
  it('shows them in preview (astro dev)', () => {
    expect(publishedArticles(all, { now, preview: true }).map((a) => a.id)).toEqual([
      'future',
      'exactly-now',
      'newer',
      'draft',
      'old',
    ]);
  });
  it('breaks date ties by id, whatever the input order', () => {
    const same = [article('b'), article('c'), article('a')];
    expect([...same].sort(compareNewest).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(
      [...same]
        .reverse()
        .sort(compareNewest)
        .map((a) => a.id),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('byChannel and neighbours', () => {
  const sorted = publishedArticles(
    [
      article('j1', { date: '2020-01-01' }),
      article('a1', { date: '2020-01-02', channel: 'anli' }),
      article('j2', { date: '2020-01-03' }),
      article('j3', { date: '2020-01-05' }),
    ],
    { now, preview: false },
  );

  it('groups by channel keeping newest first', () => {
    const groups = byChannel(sorted);
    expect(groups.get('jiceng')!.map((a) => a.id)).toEqual(['j3', 'j2', 'j1']);
    expect(groups.get('anli')!.map((a) => a.id)).toEqual(['a1']);
  });

  it('上一篇 is the next older article in the channel, 下一篇 the next newer', () => {
    const nb = neighbours(byChannel(sorted).get('jiceng')!);
    expect(nb.get('j2')!.previous!.id).toBe('j1');
    expect(nb.get('j2')!.next!.id).toBe('j3');
    expect(nb.get('j3')!.next).toBeUndefined();
    expect(nb.get('j3')!.previous!.id).toBe('j2');
    expect(nb.get('j1')!.previous).toBeUndefined();
  });
});
