import { describe, expect, it } from 'vitest';
import { readSearchData } from '../../src/lib/search/records';
import { paginate, PAGE_SIZE } from '../../src/lib/paginate';
import { siteUrl } from '../../src/lib/urls';
import { articlePageView, renderOrder } from '../../src/lib/views/article';
import { channelPageView, channelPaths } from '../../src/lib/views/channel';
import { channelFeed, siteFeed } from '../../src/lib/views/feeds';
import { HEADLINES, HOME_NOTICES, homeView, PER_CHANNEL } from '../../src/lib/views/home';
import { noticeLink, noticesView } from '../../src/lib/views/notices';
import { article } from '../helpers/articles';
import { CHANNELS, portal } from '../helpers/portal';

/** n articles in a channel, one a day from 2015-01-01 (the last is the newest). */
const DAY = 86_400_000;
const series = (prefix: string, n: number, channel = 'jiceng') =>
  Array.from({ length: n }, (_, i) =>
    article(`${prefix}-${i + 1}`, {
      channel,
      date: new Date(Date.parse('2015-01-01T00:00:00+08:00') + i * DAY),
    }),
  );

const notices = Array.from({ length: 7 }, (_, i) => ({
  title: `公告 ${i + 1}`,
  date: `2015-03-0${i + 1}`,
}));

describe('homeView', () => {
  const p = portal([...series('j', 12), ...series('a', 3, 'anli')], { notices });
  const view = homeView(p);

  it('leads with the newest article and lists the next ones as headlines', () => {
    expect(view.lead).toEqual({
      href: '/articles/j-12/',
      title: '标题 j-12',
      datetime: '2015-01-12T00:00:00+08:00',
      day: '2015年01月12日',
      channelName: '基层点睛',
      excerpt: '摘要 j-12',
    });
    expect(view.headlines).toHaveLength(HEADLINES - 1);
    expect(view.headlines[0]!.id).toBe(p.articles[1]!.id);
    expect(view.fullName).toBe('中国非公企业党建网');
  });

  it('has one block per home channel, in channel order, each with its newest articles', () => {
    expect(view.blocks.map((b) => b.id)).toEqual(['jiceng', 'anli']);
    const [jiceng, anli] = view.blocks;
    expect(jiceng!.items).toHaveLength(PER_CHANNEL);
    expect(jiceng!.items[0]!.id).toBe('j-12');
    expect(jiceng!).toMatchObject({
      name: '基层点睛',
      englishName: 'Grassroots',
      href: '/channel/jiceng/',
    });
    expect(anli!.items.map((a) => a.id)).toEqual(['a-3', 'a-2', 'a-1']);
    expect(anli!.englishName).toBeUndefined();
  });

  it('shows the latest notices only', () => {
    expect(view.notices.map((n) => n.title)).toEqual(
      ['公告 7', '公告 6', '公告 5', '公告 4', '公告 3'].slice(0, HOME_NOTICES),
    );
  });

  it('has no lead on an empty site', () => {
    const empty = homeView(portal([]));
    expect(empty.lead).toBeUndefined();
    expect(empty.headlines).toEqual([]);
    expect(empty.blocks.every((b) => b.items.length === 0)).toBe(true);
  });
});

describe('notices', () => {
  it('links a notice to its URL (external ones with rel), its article, or nothing', () => {
    expect(noticeLink({ title: 'a', date: '2015-03-01', url: 'https://x.example/' })).toEqual({
      title: 'a',
      href: 'https://x.example/',
      rel: 'noopener noreferrer',
    });
    expect(noticeLink({ title: 'b', date: '2015-03-01', url: '/notices/' })).toEqual({
      title: 'b',
      href: '/notices/',
      rel: undefined,
    });
    expect(noticeLink({ title: 'c', date: '2015-03-01', article: 'kaihua' })).toEqual({
      title: 'c',
      href: '/articles/kaihua/',
    });
    expect(noticeLink({ title: 'd', date: '2015-03-01' })).toEqual({ title: 'd' });
  });

  it('lists every notice, newest first, with the day in Chinese', () => {
    const list = noticesView(portal([], { notices }));
    expect(list).toHaveLength(notices.length);
    expect(list[0]).toEqual({ title: '公告 7', date: '2015-03-07', day: '2015年03月07日' });
  });
});

describe('articlePageView', () => {
  const a = article('kaihua', {
    title: '开化：党群共建',
    date: '2015-03-24',
    source: '人民网',
    author: '王明',
    cover: '/images/kaihua.jpg',
    tags: ['党建'],
  });
  const b = article('older', { date: '2015-03-01', tags: ['党建'] });
  const p = portal([a, b, article('other', { channel: 'anli' })]);
  const view = articlePageView(
    p,
    p.articles.find((x) => x.id === 'kaihua')!,
  );

  it('names the channel in the trail and the head, with the article’s own data', () => {
    expect(view.trail).toEqual([{ name: '基层点睛', href: '/channel/jiceng/' }, { name: '正文' }]);
    expect(view.head).toMatchObject({
      title: '开化：党群共建',
      description: '摘要 kaihua',
      current: 'jiceng',
      image: '/images/kaihua.jpg',
    });
    expect(view.head.jsonLd).toMatchObject({
      headline: '开化：党群共建',
      articleSection: '基层点睛',
      author: { name: '王明' },
      publisher: { name: '中国非公企业党建网' },
      url: view.url,
    });
    expect(view.url).toBe(`${siteUrl()}/articles/kaihua/`);
    expect(view.qrLabel).toBe('本页二维码：开化：党群共建');
  });

  it('writes search data that the search index reads back', () => {
    const attr = view.searchData.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const html = `<main><article data-pagefind-body data-search="${attr}"><h1>x</h1></article></main>`;
    expect(readSearchData(html)).toEqual({
      channel: '基层点睛',
      date: '2015-03-24T00:00:00+08:00',
      day: '2015年03月24日',
      source: '人民网',
      year: 2015,
    });
  });

  it('gives the cover an alt text, empty when the editor wrote none', () => {
    expect(view.cover).toEqual({ src: '/images/kaihua.jpg', alt: '' });
    const withAlt = article('c', { cover: '/c.jpg', coverAlt: '会场' });
    expect(articlePageView(portal([withAlt]), withAlt).cover).toEqual({
      src: '/c.jpg',
      alt: '会场',
    });
    expect(
      articlePageView(
        p,
        p.articles.find((x) => x.id === 'older')!,
      ).cover,
    ).toBeUndefined();
  });

  it('takes neighbours and related articles from the portal', () => {
    expect(view.neighbours?.previous?.id).toBe('older');
    expect(view.related.map((r) => r.id)).toContain('older');
    expect(view.related.map((r) => r.id)).not.toContain('kaihua');
  });
});

describe('channel pages', () => {
  const n = PAGE_SIZE * 2 + 1;
  const p = portal(series('j', n));
  const paths = channelPaths(p);

  it('has every page of every channel, the first without a number', () => {
    expect(paths.map((x) => [x.params.id, x.params.page])).toEqual([
      ['jiceng', undefined],
      ['jiceng', '2'],
      ['jiceng', '3'],
      ['anli', undefined],
      ['zhuanti', undefined],
    ]);
    expect(paths[2]!.props.page.items).toHaveLength(1);
    expect(paths[3]!.props.page.items).toEqual([]);
  });

  it('titles later pages with their number and links pages and the feed', () => {
    const second = channelPageView(CHANNELS[1]!, paginate(p.inChannel.get('jiceng')!)[1]!);
    expect(second.title).toBe('基层点睛（第 2 页）');
    expect(second.feed).toEqual({ title: '基层点睛 RSS', href: '/channel/jiceng/rss.xml' });
    expect(second.pageHref(1)).toBe('/channel/jiceng/');
    expect(second.pageHref(3)).toBe('/channel/jiceng/3/');
    expect([second.current, second.total]).toEqual([2, 3]);
    expect(second.items[0]!.id).toBe(`j-${n - PAGE_SIZE}`);
    const first = channelPageView(CHANNELS[1]!, paginate(p.inChannel.get('jiceng')!)[0]!);
    expect(first.title).toBe('基层点睛');
  });
});

describe('feeds', () => {
  const p = portal([...series('j', 2), ...series('a', 1, 'anli')]);

  it('the site feed has every article; a channel feed only its own', () => {
    const site = siteFeed(p);
    expect(site).toMatchObject({ title: '中国非公企业党建网', description: '网站简介', path: '/' });
    expect(site.articles).toHaveLength(3);
    const anli = channelFeed(p, 'anli');
    expect(anli).toMatchObject({
      title: '案例 - 中国非公企业党建网',
      description: '典型案例',
      path: '/channel/anli/',
    });
    expect(anli.articles.map((a) => a.id)).toEqual(['a-1']);
    expect(anli.channelName('jiceng')).toBe('基层点睛');
  });
});

describe('renderOrder', () => {
  it('renders MDX bodies first (the search index reads them from their pages), otherwise keeps the order', () => {
    const list = [
      article('a'),
      article('m1', { mdx: true }),
      article('b'),
      article('m2', { mdx: true }),
    ];
    expect(renderOrder(list).map((a) => a.id)).toEqual(['m1', 'm2', 'a', 'b']);
  });
});
