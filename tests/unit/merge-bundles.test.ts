/**
 * Merging shards into one bundle (src/integrations/search-index/merge-bundles.ts),
 * on shards written by the installed Pagefind itself: the merged bundle must
 * hold, for every page, exactly what its shard held (its words, filters,
 * sort place and fragment), renumbered, with nothing lost or doubled.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShard } from '../../src/integrations/search-index/write-shard';
import { CborReader, CborWriter } from '../../src/integrations/search-index/cbor';
import {
  byCodePoint,
  chunkBounds,
  mergeBundles,
  MergeError,
} from '../../src/integrations/search-index/merge-bundles';
import { extractArticle, toRecord, type SearchRecord } from '../../src/lib/search/records';
import { readBundle, type Bundle } from '../helpers/pagefind-bundle';
import { contentWords } from '../../src/lib/search/word-directory';
import { WARM_SHARE, WARM_WORD_FILE } from '../../src/lib/search/warm-word';
import { bundleWarmWord, restore } from '../../src/lib/search/shard-cache';

const work = mkdtempSync(join(tmpdir(), 'merge-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CHANNELS = ['案例', '参考', '基层点睛'];
const WORDS = ['党群共建', '链长制', '数字乡村', '非公企业', '组织生活', '先锋模范'];

/** An article as the site renders its search body, for toRecord. */
function record(i: number, year: number): SearchRecord {
  const day = `${year}-0${(i % 9) + 1}-1${i % 10}`;
  const body = Array.from({ length: 3 + (i % 5) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(
    '，',
  );
  const html = `<html><body><article data-pagefind-body data-search='${JSON.stringify({
    date: `${day}T08:00:00+08:00`,
    day: `${year}年`,
    year,
    channel: CHANNELS[i % 3],
    source: '本网',
  })}'><h1>第${i}篇 ${WORDS[i % WORDS.length]}</h1><p>${body}。</p></article></body></html>`;
  const article = extractArticle(html);
  if (!article) throw new Error('test page has no search body');
  return toRecord(`/articles/a${i}/`, article);
}

async function* each(records: SearchRecord[]) {
  yield* records;
}

/** Shards oldest first, as the indexer hands them to the merger. */
const plan = [
  { id: 's1', records: Array.from({ length: 12 }, (_, i) => record(i, 2010 + (i % 3))) },
  { id: 's2', records: Array.from({ length: 12 }, (_, i) => record(100 + i, 2014 + (i % 3))) },
  { id: 's0', records: Array.from({ length: 5 }, (_, i) => record(200 + i, 2020)) },
];
let shards: Bundle[];
let merged: Bundle;
let mergedDir: string;

beforeAll(async () => {
  for (const s of plan) await writeShard(each(s.records), s.id, join(work, s.id));
  shards = plan.map((s) => readBundle(join(work, s.id)));
  mergedDir = join(work, 'merged');
  await mergeBundles(
    plan.map((s) => join(work, s.id)),
    mergedDir,
  );
  merged = readBundle(mergedDir);
}, 120_000);

/** URL → its words, filters and place in the date order, in a bundle. */
function byUrl(b: Bundle) {
  const pagesOf = new Map<number, string[]>();
  for (const [word, pages] of b.words)
    for (const p of pages) pagesOf.set(p, [...(pagesOf.get(p) ?? []), word]);
  const out = new Map<string, { words: string[]; filters: string[]; wordCount: number }>();
  b.pages.forEach((p, i) => {
    const filters: string[] = [];
    for (const [name, values] of b.filters)
      for (const [value, pages] of values) if (pages.includes(i)) filters.push(`${name}=${value}`);
    out.set(b.fragment(i).url, {
      words: (pagesOf.get(i) ?? []).sort(),
      filters: filters.sort(),
      wordCount: p.wordCount,
    });
  });
  return out;
}

describe('merging search shards into one Pagefind bundle', () => {
  it('keeps every page with the same words, filters and word count as in its shard', () => {
    const want = new Map(shards.flatMap((s) => [...byUrl(s)]));
    const got = byUrl(merged);
    expect(got.size).toBe(29);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [url, page] of want) expect(got.get(url), url).toEqual(page);
    // Every word of every record is a word of its page in the merged index.
    for (const s of plan)
      for (const r of s.records)
        for (const w of contentWords(r.content))
          expect(got.get(r.url)!.words, `${r.url} ${w}`).toContain(w);
  });

  it('orders pages by date over all shards, as Pagefind sorts one index', () => {
    const dates = merged.sorts.get('date')!.map((p) => merged.fragment(p).meta.iso);
    expect(dates).toHaveLength(29);
    expect(dates).toEqual([...dates].sort());
  });

  it('writes word lists in ascending page order and chunks that cover each word once, in order', () => {
    for (const [word, pages] of merged.words)
      expect(pages, word).toEqual([...pages].sort((a, b) => a - b));
    const bounds = merged.chunks.flatMap((c) => [c.from, c.to]);
    expect(bounds).toEqual(
      [...bounds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    for (const word of merged.words.keys()) {
      const holding = merged.chunks.filter((c) => c.from <= word && word <= c.to);
      expect(holding.length, word).toBe(1);
    }
  });

  it("takes Pagefind's runtime from the newest shard and has one fragment file per page", () => {
    const files = readdirSync(mergedDir);
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    expect(files.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    expect(readdirSync(join(mergedDir, 'fragment'))).toHaveLength(29);
    expect(merged.filters.has('shard')).toBe(false);
  });

  it('names a warm-up word on the most pages of its chunk, kept beside the bundle, not served', async () => {
    const warm = readFileSync(join(mergedDir, WARM_WORD_FILE), 'utf8');
    const pages = merged.words.get(warm);
    expect(pages, warm).toBeDefined();
    // 29 pages: a word on a fifth of them at least (the sample's words are on many more).
    expect(pages!.length).toBeGreaterThanOrEqual(29 * WARM_SHARE);
    const chunk = merged.chunks.find((c) => c.from <= warm && warm <= c.to)!;
    for (const [word, on] of merged.words)
      if (chunk.from <= word && word <= chunk.to)
        expect(on.length, word).toBeLessThanOrEqual(pages!.length);
    const served = join(work, 'restored');
    await restore(mergedDir, served);
    expect(readdirSync(served)).not.toContain(WARM_WORD_FILE);
    expect(bundleWarmWord(mergedDir)).toBe(warm);
  });

  it('renames a fragment whose short hash another shard already used', async () => {
    const out = join(work, 'twice');
    const r = await mergeBundles([join(work, 's0'), join(work, 's0')], out);
    expect(r.renamed).toBe(5);
    const b = readBundle(out);
    expect(new Set(b.pages.map((p) => p.hash)).size).toBe(10);
    expect(readdirSync(join(out, 'fragment'))).toHaveLength(10);
    for (const [, pages] of b.words) expect(pages.length % 2).toBe(0);
  });

  it('keeps a word Pagefind listed with no page (fuzzed articles gave one) without breaking its neighbours', async () => {
    /** A hand-made bundle of one page whose index lists "" with no page, then `word` on page 0. */
    const bundle = (name: string, word: string) => {
      const dir = join(work, name);
      const pack = (bytes: Uint8Array) =>
        gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), bytes]));
      mkdirSync(join(dir, 'index'), { recursive: true });
      mkdirSync(join(dir, 'fragment'), { recursive: true });
      const chunk = new CborWriter()
        .value([
          [
            ['', [], []],
            [word, [[0, [3], []]], []],
          ],
        ])
        .bytes();
      writeFileSync(join(dir, 'index', 'zz_c.pf_index'), pack(chunk));
      const meta = new CborWriter()
        .value(['1.6.0', [[`zz_${name}`, 5, '']], [['', word, 'zz_c']], [], [], [['title']]])
        .bytes();
      writeFileSync(join(dir, 'pagefind.zz_m.pf_meta'), pack(meta));
      writeFileSync(
        join(dir, 'fragment', `zz_${name}.pf_fragment`),
        pack(
          Buffer.from(JSON.stringify({ url: `/${name}/`, content: word, meta: {}, filters: {} })),
        ),
      );
      writeFileSync(
        join(dir, 'pagefind-entry.json'),
        JSON.stringify({
          version: '1.6.0',
          languages: { zz: { hash: 'zz_m', wasm: null, page_count: 1 } },
        }),
      );
      return dir;
    };
    const out = join(work, 'empty-word');
    await mergeBundles([bundle('e1', 'qa'), bundle('e2', 'qb')], out);
    const b = readBundle(out);
    expect(b.words.get('')).toEqual([]);
    expect(b.words.get('qa')).toEqual([0]);
    expect(b.words.get('qb')).toEqual([1]);
    expect(b.fragment(1).url).toBe('/e2/');
  });

  it('refuses a Pagefind whose file layout it was not checked against', async () => {
    const odd = join(work, 'odd');
    await mergeBundles([join(work, 's0')], odd);
    writeFileSync(
      join(odd, 'pagefind-entry.json'),
      JSON.stringify({ version: '9.0.0', languages: {} }),
    );
    await expect(mergeBundles([odd], join(work, 'odd-out'))).rejects.toThrow(MergeError);
    await expect(mergeBundles([odd], join(work, 'odd-out'))).rejects.toThrow(/9\.0\.0/);
  });
});

describe('the CBOR of Pagefind files', () => {
  it('writes numbers, text and arrays back byte for byte', () => {
    const value = [
      0,
      23,
      24,
      255,
      256,
      65535,
      65536,
      2 ** 32,
      -1,
      -25,
      -300,
      '党建',
      [],
      [['a', 1]],
    ];
    const bytes = new CborWriter().value(value).bytes();
    expect(new CborReader(bytes).value()).toEqual(value);
    expect([...new CborWriter().uint(24).bytes()]).toEqual([0x18, 24]);
    expect([...new CborWriter().int(-25).bytes()]).toEqual([0x38, 24]);
  });
  it('fails on a truncated file instead of reading past its end', () => {
    const bytes = new CborWriter().value(['党建党建', [1, 2, 3]]).bytes();
    expect(() => new CborReader(bytes.subarray(0, 5)).value()).toThrow(/ends early|past the end/);
  });
  it('sorts words as Pagefind does, by code point (UTF-8 bytes), not by UTF-16 units', () => {
    const words = ['qb', 'qa', '\u{20000}', '\uFF01', '党', 'q', 'qab'];
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(byCodePoint)).toEqual(bytes);
    expect(bytes.indexOf('\uFF01')).toBeLessThan(bytes.indexOf('\u{20000}'));
  });
  it('cuts chunk bounds as Pagefind does: the shortest prefixes that tell neighbours apart', () => {
    expect(chunkBounds('qabc', 'qabz')).toEqual(['qabc', 'qabz']);
    expect(chunkBounds('qa', 'qbcd')).toEqual(['qa', 'qb']);
    expect(chunkBounds('党建工作', '党群')).toEqual(['党建', '党群']);
  });
});
