import { describe, expect, it } from 'vitest';
import { article } from '../helpers/articles';
import { portal } from '../helpers/portal';

describe('shapePortal', () => {
  it('publishes what is due, newest first, and groups it by channel in channel order', () => {
    const p = portal([
      article('old', { date: '2015-01-01' }),
      article('new', { date: '2016-01-01', channel: 'anli' }),
      article('mid', { date: '2015-06-01' }),
      article('draft', { date: '2015-07-01', draft: true }),
      article('future', { date: '2031-01-01' }),
    ]);
    expect(p.articles.map((a) => a.id)).toEqual(['new', 'mid', 'old']);
    expect(p.channels.map((c) => c.id)).toEqual(['jiceng', 'anli', 'zhuanti']);
    expect([...p.inChannel].map(([id, list]) => [id, list.map((a) => a.id)])).toEqual([
      ['jiceng', ['mid', 'old']],
      ['anli', ['new']],
      ['zhuanti', []],
    ]);
    expect(p.channel('anli').data.name).toBe('案例');
    // 上一篇 is the next older article in the same channel.
    expect(p.neighbours.get('mid')?.previous?.id).toBe('old');
    expect(p.neighbours.get('mid')?.next).toBeUndefined();
    expect(p.neighbours.get('new')).toEqual({ previous: undefined, next: undefined });
  });

  it('orders notices newest first and link lists by their order', () => {
    const p = portal([], {
      notices: [
        { title: '一', date: '2015-01-01' },
        { title: '三', date: '2015-03-01' },
        { title: '二', date: '2015-02-01' },
      ],
      friendLinks: [
        { name: 'b', order: 2 },
        { name: 'a', order: 1 },
      ],
    });
    expect(p.notices.map((n) => n.title)).toEqual(['三', '二', '一']);
    expect(p.friendLinks.map((l) => l.name)).toEqual(['a', 'b']);
  });
});
