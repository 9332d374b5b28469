import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleContext } from '../../src/lib/content/parse-article';
import { redirectPagePath, redirectsFile, redirectsFor } from '../../src/lib/redirects';
import { checkAlias } from '../../src/lib/schema/alias';
import { formatProblem, showValue } from '../../src/lib/schema/messages';

const ctx: ArticleContext = {
  channelIds: ['jiceng'],
  channelLabels: ['jiceng（基层点睛）'],
  defaultSource: '中国非公企业党建网',
};

/** `npm run check`'s path for one file whose frontmatter holds `aliases`. */
function checkAliases(aliases: string) {
  const src = `---\ntitle: 标题\ndate: 2015-03-24\nchannel: jiceng\naliases: ${aliases}\n---\n\n正文。\n`;
  return parseArticle('content/articles/x.mdx', new TextEncoder().encode(src), ctx);
}

const HOSTILE = [
  '/*',
  '/articles/*',
  '/old/:id',
  '/a.htm?id=1',
  '/a.htm#top',
  '/./articles/x/',
  '/content/../articles/x/',
  '/content/%2E%2E/x.htm',
  '/a\\b.htm',
  '/a%5Cb.htm',
  '/a%2Fb.htm',
  '/a%2A.htm',
  '/a b.htm',
  '/a\tb.htm',
  '/a\u200bb.htm',
  '/a%0Ab.htm',
  '//evil.example/x',
  '/_headers',
  '/_redirects',
  '/404.html',
  '/pagefind/pagefind.js',
  '/_astro/x.css',
  '/rss.xml',
  '/sitemap-index.xml',
  '/.git/config',
  '/a%zz.htm',
  '/a%E4.htm',
  'content/a.htm',
  `/${'长'.repeat(100)}.htm`,
];

describe('aliases are plain old paths', () => {
  it('a wildcard alias is refused by the check, in Chinese, with file and line', () => {
    const { article, problems } = checkAliases('["/*"]');
    expect(article).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/articles\/x\.mdx:5: aliases: 旧网址里不能有 \*.*\(expected 旧网站的普通路径.*, found "\/\*"\)$/,
      ),
    ]);
  });

  for (const alias of HOSTILE) {
    it(`refuses ${showValue(alias)} in the check, the importer's rule and the build`, () => {
      expect(checkAlias(alias).ok).toBe(false);
      expect(checkAliases(JSON.stringify([alias])).problems).toEqual([
        expect.objectContaining({ field: 'aliases', line: 5, found: showValue(alias) }),
      ]);
      expect(() => redirectsFor([{ slug: 'x', title: 't', aliases: [alias] }])).toThrow();
    });
  }

  it('accepts ordinary old addresses unchanged', () => {
    for (const alias of [
      '/content/2015-03/24/content_123.htm',
      '/old/',
      '/articles/old-name/',
      '/node_12.htm',
      "/a-b_c~d!$&'()+,;=@.htm",
    ]) {
      expect(checkAlias(alias)).toEqual({ ok: true, path: alias, encoded: alias });
    }
  });

  it('a percent-encoded alias redirects: one canonical form, both forms in _redirects', () => {
    const encoded = checkAlias('/content/%E4%B8%AD.htm');
    const raw = checkAlias('/content/中.htm');
    expect(encoded).toEqual({
      ok: true,
      path: '/content/中.htm',
      encoded: '/content/%E4%B8%AD.htm',
    });
    expect(raw).toEqual(encoded);
    // Lowercase hex is the same address.
    expect(checkAlias('/content/%e4%b8%ad.htm')).toEqual(encoded);
    expect(checkAliases('[/content/%E4%B8%AD.htm]').article!.data.aliases).toEqual([
      '/content/中.htm',
    ]);
    const list = redirectsFor([{ slug: 'x', title: 't', aliases: ['/content/%E4%B8%AD.htm'] }]);
    expect(redirectsFile(list)).toBe(
      '/content/%E4%B8%AD.htm /articles/x/ 301\n/content/中.htm /articles/x/ 301\n',
    );
    // The redirect page is a file named in UTF-8, which a static host finds for either form.
    expect(redirectPagePath(list[0]!.from)).toBe('/content/中.htm');
  });
});
