import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  articlePath,
  channelFeedPath,
  channelPath,
  DEFAULT_SITE_URL,
  siteUrl,
} from '../../src/lib/urls';

describe('site URL', () => {
  it('comes from SITE_URL, without a trailing slash', () => {
    expect(siteUrl({ SITE_URL: 'https://staging.example.cn/' })).toBe('https://staging.example.cn');
    expect(siteUrl({ SITE_URL: '  https://a.example//  ' })).toBe('https://a.example');
  });
  it('falls back to the default when unset or blank', () => {
    expect(siteUrl({})).toBe(DEFAULT_SITE_URL);
    expect(siteUrl({ SITE_URL: '   ' })).toBe(DEFAULT_SITE_URL);
  });
  it('builds absolute URLs against an origin', () => {
    expect(absoluteUrl('/articles/x/', 'https://a.example')).toBe('https://a.example/articles/x/');
    expect(absoluteUrl('/', 'https://a.example')).toBe('https://a.example/');
  });
});

describe('paths', () => {
  it('are stable and end in /', () => {
    expect(articlePath('kaihua-dangqun-gongjian-sanwu-moshi')).toBe(
      '/articles/kaihua-dangqun-gongjian-sanwu-moshi/',
    );
    expect(channelPath('jiceng')).toBe('/channel/jiceng/');
    expect(channelPath('jiceng', 1)).toBe('/channel/jiceng/');
    expect(channelPath('jiceng', 2)).toBe('/channel/jiceng/2/');
    expect(channelFeedPath('jiceng')).toBe('/channel/jiceng/rss.xml');
  });
});
