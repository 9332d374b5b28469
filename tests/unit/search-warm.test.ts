import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleFiles,
  ENTRY_TAG,
  entryUrl,
  pickIndex,
  withMetaPreload,
  type PagefindEntry,
} from '../../src/lib/search/warm';
import { serveStatic } from '../../scripts/lib/serve/static-server';
import { ROOT } from '../helpers/site';

const entry: PagefindEntry = {
  version: '1.6.0',
  languages: {
    zz: { hash: 'zz_abc', wasm: null, page_count: 600 },
    en: { hash: 'en_def', wasm: 'en', page_count: 10 },
  },
};

describe('what Pagefind fetches to open a bundle (warm.ts)', () => {
  it('picks the language index as Pagefind does: exact, then the base language, else the largest', () => {
    expect(pickIndex(entry, 'en')!.hash).toBe('en_def');
    expect(pickIndex(entry, 'en-GB')!.hash).toBe('en_def');
    expect(pickIndex(entry, 'zh-CN')!.hash).toBe('zz_abc');
    expect(pickIndex({ languages: {} }, 'zh-CN')).toBeUndefined();
  });
  it("lists the metadata and the WebAssembly of the site's bundle", () => {
    expect(bundleFiles(entry, 'zh-CN')).toEqual([
      '/pagefind/pagefind.zz_abc.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
    ]);
    expect(bundleFiles(entry, 'en')).toEqual([
      '/pagefind/pagefind.en_def.pf_meta',
      '/pagefind/wasm.en.pagefind',
    ]);
    expect(bundleFiles({ languages: {} }, 'zh-CN')).toEqual([]);
  });
  it("writes the metadata's preload into the search page once, replacing an earlier build's", () => {
    const page = '<html><head><title>搜索</title></head><body></body></html>';
    const once = withMetaPreload(page, '/pagefind/pagefind.zz_abc123.pf_meta');
    expect(once).toContain(
      '<link rel="preload" href="/pagefind/pagefind.zz_abc123.pf_meta" as="fetch" crossorigin="anonymous" data-pagefind-meta></head>',
    );
    const again = withMetaPreload(once, '/pagefind/pagefind.zz_def456.pf_meta');
    expect(again.match(/data-pagefind-meta/g)).toHaveLength(1);
    expect(again).toContain('zz_def456');
    expect(withMetaPreload(once, null)).toBe(page);
    // Only a metadata path is written into the page.
    expect(withMetaPreload(page, '/pagefind/x"><script>alert(1)</script>.pf_meta')).toBe(page);
  });
  it('gives the entry file one stable URL, the one the header box prefetches (public/js/reader.js)', () => {
    expect(entryUrl('/pagefind/')).toBe(`/pagefind/pagefind-entry.json?ts=${ENTRY_TAG}`);
    const reader = readFileSync(join(ROOT, 'public/js/reader.js'), 'utf8');
    expect(/var ENTRY_TAG = '([^']+)'/.exec(reader)?.[1]).toBe(ENTRY_TAG);
    expect(reader).toContain("'pagefind-entry.json?ts=' + ENTRY_TAG");
  });
});

describe('the static server as a CDN: ETag and 304', () => {
  it('answers a matching If-None-Match with 304 and no body, a changed file with 200', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etag-'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/pagefind-entry.json'), '{"a":1}');
    const sent: string[] = [];
    const site = await serveStatic(dir, {
      headers: [
        {
          path: '/pagefind/*',
          headers: [['Cache-Control', 'public, max-age=0, must-revalidate']],
        },
      ],
      onBytes: (p) => sent.push(p),
    });
    try {
      const url = `${site.url}/pagefind/pagefind-entry.json?ts=v1`;
      const first = await fetch(url);
      expect(first.status).toBe(200);
      expect(await first.text()).toBe('{"a":1}');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      const again = await fetch(url, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      writeFileSync(join(dir, 'pagefind/pagefind-entry.json'), '{"a":22}');
      const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
      expect(changed.status).toBe(200);
      expect(await changed.text()).toBe('{"a":22}');
      const missing = await fetch(`${site.url}/nope.json`, { headers: { 'If-None-Match': etag } });
      expect(missing.status).toBe(404);
      expect(sent.filter((p) => p === '/pagefind/pagefind-entry.json')).toHaveLength(2);
    } finally {
      await site.close();
    }
  });
});
