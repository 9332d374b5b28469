import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuilt, SAMPLE_DIST } from '../helpers/site';
import { extractArticle, readSearchData } from '../../src/lib/search/records';
import { indexedFragments, indexMismatches } from '../helpers/search-index';
import { MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/shards';
import { bucketOf, contentWords, parseBucket } from '../../src/lib/search/word-directory';
import { readBundle } from '../helpers/pagefind-bundle';
import { WASM_URL } from '../../src/lib/search/warm';
import { WARM_SHARE } from '../../src/lib/search/warm-word';

const articleDirs = readdirSync(join(SAMPLE_DIST, 'articles'));

describe('search index of the sample site', () => {
  it('indexes every article page and nothing else (no channel, notice or home pages)', () => {
    const manifest = JSON.parse(
      readFileSync(join(SAMPLE_DIST, 'pagefind', MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    const entry = JSON.parse(
      readFileSync(join(SAMPLE_DIST, 'pagefind/pagefind-entry.json'), 'utf8'),
    );
    const langs = Object.values(entry.languages) as { page_count: number }[];
    expect(langs.reduce((n, l) => n + l.page_count, 0)).toBe(articleDirs.length);
    // The WebAssembly the search page preloads is the one Pagefind loads for this index.
    expect(
      Object.values(entry.languages).map((l) => (l as { wasm: string | null }).wasm ?? 'unknown'),
    ).toEqual(['unknown']);
    expect(existsSync(join(SAMPLE_DIST, WASM_URL))).toBe(true);
    expect(readBuilt(SAMPLE_DIST, '/search/')).toContain(`<link rel="preload" href="${WASM_URL}"`);
    // And the metadata this build wrote (its name is known only after the index).
    const meta = (Object.values(entry.languages)[0] as { hash: string }).hash;
    expect(readBuilt(SAMPLE_DIST, '/search/')).toContain(
      `<link rel="preload" href="/pagefind/pagefind.${meta}.pf_meta" as="fetch" crossorigin="anonymous" data-pagefind-meta>`,
    );
    expect(manifest.articles).toBe(articleDirs.length);
    expect(manifest.shards.reduce((n, s) => n + s.articles, 0)).toBe(articleDirs.length);
    // The runtime the search page loads is there; Pagefind's unused UIs are not.
    const files = readdirSync(join(SAMPLE_DIST, 'pagefind'));
    expect(files).toEqual(
      expect.arrayContaining([
        'pagefind.js',
        'pagefind-worker.js',
        'wasm.unknown.pagefind',
        MANIFEST_FILE,
      ]),
    );
    expect(files.filter((f) => f.includes('-ui'))).toEqual([]);
  });

  it('takes only the title and body of an article, not its meta line, tools or surroundings', () => {
    const html = readBuilt(SAMPLE_DIST, '/articles/kaihua-dangqun-gongjian-sanwu-moshi/');
    expect(html).toMatch(/<div data-pagefind-ignore="all">\s*<p class="meta">/);
    const a = extractArticle(html)!;
    expect(a.title).toBe('开化:探索党群共建“三五模式”激发两新组织党建工作“十足活力”');
    expect(a.text.startsWith('近年来,开化县委')).toBe(true);
    expect(a.text).toContain('和合共同体');
    expect(a.text).not.toMatch(
      /编辑：|付文|来源：|您当前的位置|友情链接|网站联盟|打印本页|字号|扫一扫|相关稿件|上一篇/,
    );
    expect(a.data).toMatchObject({ channel: '基层点睛', day: '2015年03月24日', year: 2015 });
    expect(readSearchData(html)).toEqual(a.data); // what the indexer reads first to plan its shards
  });

  it('keeps search code off every page but the search page', () => {
    for (const path of [
      '/',
      '/articles/kaihua-dangqun-gongjian-sanwu-moshi/',
      '/channel/jiceng/',
    ]) {
      const html = readBuilt(SAMPLE_DIST, path);
      expect(html).not.toMatch(/<script[^>]+type="module"/);
      expect(html).not.toContain('pagefind.js');
      expect(html).toMatch(/<form[^>]+action="\/search\/"[^>]+method="get"/);
    }
    expect(readBuilt(SAMPLE_DIST, '/search/')).toMatch(/<script[^>]+type="module"/);
    expect(readBuilt(SAMPLE_DIST, '/search/')).not.toContain('data-dev');
  });
});

describe('the index made while the pages render', () => {
  it('holds, page by page, what each built article page shows (URL, title, date, channel, source, text)', () => {
    expect(indexMismatches(SAMPLE_DIST)).toEqual([]);
    expect(indexedFragments(SAMPLE_DIST).size).toBe(articleDirs.length);
  });
});

describe('the word directory', () => {
  it('lists every word Pagefind indexed (read back from its fragments), and the index holds each on its page', () => {
    const manifest = JSON.parse(
      readFileSync(join(SAMPLE_DIST, 'pagefind', MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    const dir = manifest.words!;
    expect(dir.path).toMatch(/^\/pagefind\/words\/[0-9a-f]{12}\/$/);
    const buckets = Array.from({ length: dir.buckets }, (_, i) =>
      parseBucket(readFileSync(join(SAMPLE_DIST, dir.path, `${i}.txt`), 'utf8')),
    );
    const bundle = readBundle(join(SAMPLE_DIST, 'pagefind'));
    const missing: string[] = [];
    let checked = 0;
    bundle.pages.forEach((_, page) => {
      const f = bundle.fragment(page);
      for (const w of contentWords(f.content)) {
        checked++;
        if (!buckets[bucketOf(w, dir.buckets)]!.has(w)) missing.push(`${f.url}: ${w} (directory)`);
        if (!bundle.words.get(w)?.includes(page)) missing.push(`${f.url}: ${w} (index)`);
      }
    });
    expect(checked).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
  });

  it("names a warm-up word for the header box's worker: an index word on a fifth of the pages at least", () => {
    const manifest = JSON.parse(
      readFileSync(join(SAMPLE_DIST, 'pagefind', MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    const bundle = readBundle(join(SAMPLE_DIST, 'pagefind'));
    expect(manifest.warm).toBeTypeOf('string');
    expect(bundle.words.get(manifest.warm!)?.length).toBeGreaterThanOrEqual(
      bundle.pages.length * WARM_SHARE,
    );
  });
});
