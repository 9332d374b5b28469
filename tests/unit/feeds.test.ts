import { describe, expect, it } from 'vitest';
import { feedItems, FEED_SIZE } from '../../src/lib/feeds';
import { feedResponse } from '../../src/lib/feed-response';
import { article } from '../helpers/articles';

const names: Record<string, string> = { jiceng: '基层点睛', anli: '案例' };
const channelName = (id: string) => names[id]!;

describe('feedItems', () => {
  it('maps articles to RSS items with absolute links and content dates', () => {
    const a = article('kaihua', {
      title: '开化',
      date: '2015-03-24',
      tags: ['党群共建'],
      summary: '',
      excerpt: '近年来……',
    });
    const [item] = feedItems([a], channelName, 'https://example.org');
    expect(item).toEqual({
      title: '开化',
      link: 'https://example.org/articles/kaihua/',
      pubDate: a.data.date,
      description: '近年来……',
      categories: ['基层点睛', '党群共建'],
    });
  });
  it('prefers the summary, and names an author only when there is one', () => {
    const [item] = feedItems(
      [article('b', { summary: '编者摘要', excerpt: '正文开头', author: '王明', channel: 'anli' })],
      channelName,
      'https://example.org',
    );
    expect(item!.description).toBe('编者摘要');
    expect(item!.author).toBe('王明');
    expect(item!.categories).toEqual(['案例']);
  });
  it(`keeps the order and at most ${FEED_SIZE} items`, () => {
    const many = Array.from({ length: FEED_SIZE + 7 }, (_, i) => article(`a-${i}`));
    const items = feedItems(many, channelName, 'https://example.org');
    expect(items).toHaveLength(FEED_SIZE);
    expect(items[0]!.link).toBe('https://example.org/articles/a-0/');
    expect(feedItems(many, channelName, 'https://example.org', 3)).toHaveLength(3);
  });
  it('an RSS <description> carries a summary with markup as plain text, escaped for HTML readers', async () => {
    const a = article('x', { summary: '<b>粗体</b> & <img src=x onerror=alert(1)', excerpt: '' });
    const [item] = feedItems([a], channelName, 'https://example.org');
    expect(item!.description).toBe('&lt;b&gt;粗体&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)');
    const xml = await (
      await feedResponse({
        title: '站',
        description: '简介',
        path: '/',
        articles: [a],
        channelName,
      })
    ).text();
    const description = /<item>[\s\S]*?<description>([\s\S]*?)<\/description>/.exec(xml)![1]!;
    // XML-escaped once more: a reader decodes the XML, then shows HTML text, never a tag.
    expect(description).not.toMatch(/<[a-z]/i);
    expect(description).toContain('&amp;lt;img');
  });
});
