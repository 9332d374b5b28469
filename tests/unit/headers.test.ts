import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IMMUTABLE,
  REVALIDATE,
  cacheRules,
  codeElements,
  contentSecurityPolicy,
  headersFor,
  inlineHashes,
  parseHeaders,
  renderHeaders,
  securityHeaders,
  sha256,
  withCsp,
} from '../../src/lib/headers';
import { buildHeadersFile } from '../../src/integrations/headers';
import { belowMinimum, median, medianScores } from '../../scripts/lib/checks/scores';

const top = [
  { name: '_astro', dir: true },
  { name: 'articles', dir: true },
  { name: 'index.html', dir: false },
  { name: 'rss.xml', dir: false },
  { name: 'pagefind', dir: true },
  { name: 'sitemap-index.xml', dir: false },
  { name: 'search', dir: true },
];
const pagefind = [
  { name: 'fragment', dir: true },
  { name: 'index', dir: true },
  { name: 'filter', dir: true },
  { name: 'pagefind.js', dir: false },
  { name: 'pagefind-entry.json', dir: false },
  { name: 'pagefind.zh-cn_0a1b2c.pf_meta', dir: false },
  { name: 'wasm.zh-cn.pagefind', dir: false },
  { name: 'manifest.json', dir: false },
  { name: 'words', dir: true },
  { name: 'first', dir: true },
];

describe('cache rules', () => {
  const rules = [
    { path: '/*', headers: securityHeaders() },
    ...withCsp(cacheRules(top, pagefind), {
      site: contentSecurityPolicy(),
      search: contentSecurityPolicy({ wasm: true }),
    }),
  ];
  const cc = (path: string) => headersFor(rules, path)['Cache-Control'];

  it('makes hashed assets immutable and HTML, feeds, sitemap and Pagefind entry files revalidate', () => {
    expect(cc('/_astro/index.Dc1.css')).toBe(IMMUTABLE);
    expect(cc('/pagefind/fragment/zh-cn_abc.pf_fragment')).toBe(IMMUTABLE);
    expect(cc('/pagefind/index/zh-cn_abc.pf_index')).toBe(IMMUTABLE);
    expect(cc('/pagefind/pagefind.zh-cn_0a1b2c.pf_meta')).toBe(IMMUTABLE);
    // The word directory and the first pages: folders named by a digest of their content.
    expect(cc('/pagefind/words/0a1b2c3d4e5f/3.txt')).toBe(IMMUTABLE);
    expect(cc('/pagefind/first/0a1b2c3d4e5f/515a.json')).toBe(IMMUTABLE);
    for (const p of [
      '/',
      '/index.html',
      '/articles/x/',
      '/rss.xml',
      '/sitemap-index.xml',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.zh-cn.pagefind',
      '/pagefind/manifest.json',
    ]) {
      expect(cc(p), p).toBe(REVALIDATE);
    }
  });

  it("sends Pagefind's gzip files as gzip, so the browser inflates them and Pagefind's own gunzip is skipped", () => {
    const ce = (path: string) => headersFor(rules, path)['Content-Encoding'];
    for (const p of [
      '/pagefind/fragment/zh-cn_abc.pf_fragment',
      '/pagefind/index/zh-cn_abc.pf_index',
      '/pagefind/filter/zh-cn_abc.pf_filter',
      '/pagefind/pagefind.zh-cn_0a1b2c.pf_meta',
      '/pagefind/wasm.zh-cn.pagefind',
    ])
      expect(ce(p), p).toBe('gzip');
    // Plain files: JavaScript, JSON and pages are compressed (or not) by the CDN itself.
    for (const p of [
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/manifest.json',
      '/pagefind/first/0a1b2c3d4e5f/515a.json',
      '/search/',
      '/articles/x/',
    ])
      expect(ce(p), p).toBeUndefined();
  });

  it('never lets two rules set Cache-Control for one path (Cloudflare would join them)', () => {
    const paths = [
      '/',
      '/index.html',
      '/_astro/a.css',
      '/articles/x/',
      '/pagefind/pagefind.js',
      '/pagefind/fragment/a',
      '/rss.xml',
      '/pagefind/index/a',
      '/pagefind/pagefind-entry.json',
      '/pagefind/manifest.json',
    ];
    for (const path of paths) {
      const setting = rules.filter((r) => headersFor([r], path)['Cache-Control'] !== undefined);
      expect(setting.length, path).toBe(1);
    }
  });

  it('renders a _headers file that parses back to the same rules', () => {
    expect(parseHeaders(renderHeaders(rules))).toEqual(rules);
  });

  it('gives every path the security headers', () => {
    const h = headersFor(rules, '/articles/x/');
    expect(Object.keys(h)).toEqual(
      expect.arrayContaining([
        'Content-Security-Policy',
        'X-Content-Type-Options',
        'Referrer-Policy',
        'Permissions-Policy',
      ]),
    );
  });
});

describe('CSP', () => {
  it('has no unsafe-inline for scripts and forbids framing', () => {
    const csp = contentSecurityPolicy({ scriptHashes: ['sha256-abc'] });
    const script = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).not.toContain('unsafe-inline');
    expect(script).toContain("'sha256-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('hashes inline scripts and styles of <head> but not JSON-LD or external scripts', () => {
    const code =
      '<script type="application/ld+json">{"a":"<"}</script><script src="/js/r.js"></script><script>var a = 1;</script><style>p{color:red}</style>';
    // Only the code elements are read, exactly as a full parse would see them.
    const page = `<!doctype html><html><head><title>a</title>${code}<SCRIPT>let b = "</sc" + "ript>";</SCRIPT><style media="print">a{b:c}</style><!-- <script>not code</script> --></head><body><p>1 < 2 &lt;script&gt;</p></body></html>`;
    expect(inlineHashes(page)).toEqual({
      scripts: [sha256('var a = 1;'), sha256('let b = "</sc" + "ript>";')],
      styles: [sha256('p{color:red}'), sha256('a{b:c}')],
      inBody: 0,
    });
    expect(codeElements(page)).not.toContain('<p>');
    // CSP wants base64 of the raw SHA-256 digest (not hex), prefixed with the algorithm.
    expect(sha256('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
  });

  it('hashes no script or style from article content (the <body>), and counts it so the build can refuse it', () => {
    const page = `<!doctype html><html><head><title>&lt;/head&gt;&lt;script&gt;</title><style>p{}</style></head><body><article><p>正文</p><script>alert(document.cookie)</script><style>body{display:none}</style><svg><script>alert(2)</script></svg></article></body></html>`;
    const h = inlineHashes(page);
    expect(h.scripts).toEqual([]);
    expect(h.styles).toEqual([sha256('p{}')]);
    expect(h.inBody).toBe(3);
    // A page without <head>/<body> markup is all body.
    expect(inlineHashes('<script>alert(1)</script>')).toEqual({
      scripts: [],
      styles: [],
      inBody: 1,
    });
  });

  it("grants 'wasm-unsafe-eval' to the search page and Pagefind's files only", () => {
    const rules = withCsp(cacheRules(top, pagefind), {
      site: contentSecurityPolicy(),
      search: contentSecurityPolicy({ wasm: true }),
    });
    const csp = (path: string) => headersFor(rules, path)['Content-Security-Policy'] ?? '';
    for (const path of [
      '/search/',
      '/search/index.html',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
    ])
      expect(csp(path), path).toContain("'wasm-unsafe-eval'");
    for (const path of ['/', '/index.html', '/articles/x/', '/rss.xml'])
      expect(csp(path), path).toMatch(/script-src 'self'(;|$)/);
    // No two rules set a CSP for one path (Cloudflare would join them into two policies).
    for (const path of ['/', '/search/', '/articles/x/', '/pagefind/pagefind.js'])
      expect(
        rules.filter((r) => headersFor([r], path)['Content-Security-Policy']).length,
        path,
      ).toBe(1);
  });

  it('allows https: images (editors may use https:// covers and body images) but not http:', () => {
    const img = contentSecurityPolicy()
      .split('; ')
      .find((d) => d.startsWith('img-src '));
    expect(img).toBe("img-src 'self' data: https:");
  });
});

describe('Lighthouse scores', () => {
  it('takes the median per category and lists those below the minimum', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    const s = medianScores([
      { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 },
      { performance: 99, accessibility: 100, 'best-practices': 96, seo: 100 },
      { performance: 97, accessibility: 100, 'best-practices': 100, seo: 92 },
    ]);
    expect(s).toEqual({ performance: 97, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(belowMinimum({ ...s, seo: 90 }, 95)).toEqual(['seo 90']);
  });
});

describe('the _headers file of a built site', () => {
  const site = (pages: Record<string, string>) => {
    const dist = mkdtempSync(join(tmpdir(), 'feigong-headers-'));
    for (const [file, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(dist, file)), { recursive: true });
      writeFileSync(join(dist, file), html);
    }
    return dist;
  };
  const page = (head: string, body: string) =>
    `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

  it('the CSP hashes no script from article content, and an inline block in a <body> fails the build', () => {
    const dist = site({
      'index.html': page('<style>p{}</style>', '<p>首页</p>'),
      'articles/x/index.html': page('', '<article><script>alert(1)</script></article>'),
    });
    expect(() => buildHeadersFile(dist)).toThrow(
      /_headers: 1 个页面的 <body> 里有内联脚本或样式（例如 \/articles\/x\/index\.html）/,
    );
    writeFileSync(join(dist, 'articles/x/index.html'), page('', '<article><p>正文</p></article>'));
    const rules = parseHeaders(buildHeadersFile(dist));
    const csp = headersFor(rules, '/articles/x/')['Content-Security-Policy']!;
    expect(csp).toContain(`style-src 'self' '${sha256('p{}')}'`);
    expect(csp).toMatch(/script-src 'self';/);
  });

  it("gives the search page 'wasm-unsafe-eval' and no other page", () => {
    const dist = site({
      'index.html': page('', ''),
      'search/index.html': page('', ''),
      'pagefind/pagefind.js': '',
    });
    const rules = parseHeaders(buildHeadersFile(dist));
    const csp = (p: string) => headersFor(rules, p)['Content-Security-Policy'] ?? '';
    expect(csp('/search/')).toContain("'wasm-unsafe-eval'");
    expect(csp('/pagefind/pagefind.js')).toContain("'wasm-unsafe-eval'");
    expect(csp('/')).not.toContain('wasm');
    expect(csp('/index.html')).not.toContain('wasm');
  });
});
