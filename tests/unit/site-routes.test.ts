import { describe, expect, it } from 'vitest';
import { bodyRefs } from '../../src/lib/content/body-refs';
import { normalizePath, pageExists, siteIndex } from '../../src/lib/content/site-routes';
import { redirectPagePath, redirectsFile } from '../../src/lib/redirects';
import { ROOT } from '../helpers/site';

const idx = siteIndex(['kaihua'], ['jiceng'], ROOT);

describe('pageExists', () => {
  it.each([
    ['/', true],
    ['/notices/', true],
    ['/notices', true],
    ['/rss.xml', true],
    ['/robots.txt', true],
    ['/articles/kaihua/', true],
    ['/articles/kaihua/#top', true],
    ['/articles/nope/', false],
    ['/channel/jiceng/', true],
    ['/channel/jiceng/3/', true],
    ['/channel/jiceng/rss.xml', true],
    ['/channel/news/', false],
    ['/favicon.svg', true],
    ['/images/none.png', false],
    ['/no-such-page/', false],
  ])('%s → %s', (path, exists) => expect(pageExists(path, idx)).toBe(exists));

  it('normalizes paths', () => {
    expect(normalizePath('/a/b')).toBe('/a/b/');
    expect(normalizePath('/a/b/index.html?x=1')).toBe('/a/b/');
    expect(normalizePath('/x.htm')).toBe('/x.htm');
  });
});

describe('bodyRefs', () => {
  it('finds links and images with their lines, skipping code and escapes', () => {
    const body =
      '一\n\n[甲](/articles/a/) ![乙](/img/b.png)\n\n`[丙](/c/)`\n\n```\n[丁](/d/)\n```\n\n\\[戊](/e/)\n<a href="/f/">己</a> <img src="/g.jpg">';
    expect(bodyRefs(body)).toEqual([
      { kind: 'image', target: '/img/b.png', line: 3 },
      { kind: 'link', target: '/articles/a/', line: 3 },
      { kind: 'image', target: '/g.jpg', line: 12 },
      { kind: 'link', target: '/f/', line: 12 },
    ]);
  });
});

describe('redirect files', () => {
  it('maps old paths to files', () => {
    expect(redirectPagePath('/content/2015-03/24/content_1.htm')).toBe(
      '/content/2015-03/24/content_1.htm',
    );
    expect(redirectPagePath('/old/')).toBe('/old/index.html');
    expect(redirectPagePath('/old')).toBe('/old/index.html');
  });
  it('writes a non-ASCII path in _redirects both percent-encoded and as UTF-8', () => {
    expect(redirectsFile([{ from: '/旧/a.htm', to: '/articles/a/', title: 't' }])).toBe(
      '/%E6%97%A7/a.htm /articles/a/ 301\n/旧/a.htm /articles/a/ 301\n',
    );
  });
});
