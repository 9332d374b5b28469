import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cached,
  pageDigest,
  recordSource,
  restore,
  shardKey,
  shardWords,
  store,
} from '../../src/lib/search/shard-cache';
import { SHARD_WORDS_FILE } from '../../src/lib/search/word-directory';

const page = (body: string, around = '') =>
  `<html><body><nav>${around}</nav><article class="article" data-pagefind-body data-search="{}"><h1>题</h1>${body}</article><div class="article-after">${around}</div></body></html>`;

describe('shard cache', () => {
  it('keys a page by the article element only, so neighbours and navigation do not matter', () => {
    expect(recordSource(page('正文', '上一篇'))).toBe(recordSource(page('正文', '下一篇')));
    expect(pageDigest(page('正文', 'a'))).toBe(pageDigest(page('正文', 'b')));
    expect(pageDigest(page('正文'))).not.toBe(pageDigest(page('正文改')));
  });
  it('changes the key of a shard when a page, its URL, the order or the shard changes', () => {
    const a = { url: '/articles/a/', digest: pageDigest(page('甲')) };
    const b = { url: '/articles/b/', digest: pageDigest(page('乙')) };
    const key = shardKey('s0', [a, b]);
    expect(shardKey('s0', [a, b])).toBe(key);
    expect(shardKey('s0', [a, { ...b, digest: pageDigest(page('丙')) }])).not.toBe(key);
    expect(shardKey('s0', [a, { ...b, url: '/articles/c/' }])).not.toBe(key);
    expect(shardKey('s0', [b, a])).not.toBe(key);
    expect(shardKey('s1', [a, b])).not.toBe(key);
  });
  it('stores an output, finds it by key only, and restores it byte for byte', async () => {
    const root = mkdtempSync(join(tmpdir(), 'feigong-shard-cache-'));
    const out = join(root, 'out');
    mkdirSync(join(out, 'index'), { recursive: true });
    writeFileSync(join(out, 'pagefind-entry.json'), '{"version":"x"}');
    writeFileSync(join(out, 'index', 'zz_1.pf_index'), 'bytes');
    writeFileSync(join(out, SHARD_WORDS_FILE), 'qa\nqb');
    const cache = join(root, 'cache');
    await store(cache, 's0', 'k1', out);
    expect(cached(cache, 's0', 'k2')).toBeNull();
    const hit = cached(cache, 's0', 'k1')!;
    await restore(hit, join(root, 'again'));
    expect(readFileSync(join(root, 'again', 'index', 'zz_1.pf_index'), 'utf8')).toBe('bytes');
    // The word list stays in the cache, for the word directory; it is not part of the site.
    expect(existsSync(join(root, 'again', SHARD_WORDS_FILE))).toBe(false);
    expect(shardWords(hit)).toEqual(['qa', 'qb']);
    await store(cache, 's0', 'k2', out);
    expect(cached(cache, 's0', 'k1')).toBeNull(); // older outputs of the shard are dropped
    expect(existsSync(join(cache, 's0-k2', 'pagefind-entry.json'))).toBe(true);
  });
  it('does not reuse a cached shard without its word list (the directory could not list it)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'feigong-shard-cache-'));
    const out = join(root, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'pagefind-entry.json'), '{"version":"x"}');
    const cache = join(root, 'cache');
    await store(cache, 's1', 'k1', out);
    expect(cached(cache, 's1', 'k1')).toBeNull();
    expect(shardWords(join(cache, 's1-k1'))).toBeNull();
  });
});
