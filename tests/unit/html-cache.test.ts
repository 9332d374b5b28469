import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hasCachedHtml,
  htmlCacheDir,
  pruneHtmlCache,
  readCachedHtml,
  writeCachedHtml,
} from '../../src/lib/content/html-cache';
import { buildCacheDir } from '../../src/lib/content/paths';

describe('html cache', () => {
  const saved = process.env.FEIGONG_CACHE_DIR;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'feigong-html-'));
    process.env.FEIGONG_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.FEIGONG_CACHE_DIR;
    else process.env.FEIGONG_CACHE_DIR = saved;
  });

  it('lives in the build cache folder FEIGONG_CACHE_DIR names', () => {
    expect(buildCacheDir()).toBe(dir);
    expect(htmlCacheDir()).toBe(join(dir, 'feigong-html'));
  });

  it('reads back what was written, by digest', () => {
    expect(hasCachedHtml('abc')).toBe(false);
    writeCachedHtml('abc', '<p>正文</p>');
    expect(hasCachedHtml('abc')).toBe(true);
    expect(readCachedHtml('abc')).toBe('<p>正文</p>');
  });

  it('fails loudly, in Chinese, when a body is missing', () => {
    expect(() => readCachedHtml('missing')).toThrow(/文章正文缓存缺失/);
  });

  it('prunes bodies no article refers to any more', () => {
    writeCachedHtml('keep', 'a');
    writeCachedHtml('old', 'b');
    pruneHtmlCache(new Set(['keep']));
    expect(readdirSync(htmlCacheDir())).toEqual(['keep.html']);
    expect(existsSync(join(htmlCacheDir(), 'old.html'))).toBe(false);
  });
});
