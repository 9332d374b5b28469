import { describe, expect, it } from 'vitest';
import {
  decodePostings,
  encodePostings,
  gramsForTerm,
  gramsOf,
  shardOf,
} from '../../scripts/lib/snapshot/browser/grams';
import { buildOfflineIndex } from '../../scripts/lib/snapshot/search-index';
import { formatManifest, parseManifest } from '../../scripts/lib/snapshot/manifest';
import { readZip, reproducibleZip } from '../../scripts/lib/snapshot/zip';

describe('offline search keys', () => {
  it('uses characters and character pairs, never across white space', () => {
    expect([...gramsOf('党建 ai')].sort()).toEqual(['a', 'ai', 'i', '党', '党建', '建'].sort());
    expect(gramsForTerm('党群共建')).toEqual(['党群', '群共', '共建']);
    expect(gramsForTerm('践')).toEqual(['践']);
  });
  it('round-trips sparse and dense posting lists', () => {
    for (const docs of [[0, 5, 77, 999], Array.from({ length: 600 }, (_, i) => i * 2)]) {
      const bits = decodePostings(encodePostings(docs, 1200), 1200);
      expect([...bits.keys()].filter((i) => bits[i])).toEqual(docs);
    }
    expect(encodePostings([1, 2], 1000)[0]).toBe('l');
    expect(
      encodePostings(
        Array.from({ length: 900 }, (_, i) => i),
        1000,
      )[0],
    ).toBe('b');
  });
  it('puts every key into the shard the browser will look in', () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      path: `articles/d${i}/index.html`,
      title: `标题${i}`,
      date: '2015-03-24T00:00:00+08:00',
      channel: i % 2 ? '案例' : '参考',
      text: `正文第${i}篇 党群共建`.repeat(20),
    }));
    const files = buildOfflineIndex(docs, { shardBytes: 200 });
    const info = JSON.parse(/init\((.*)\);/.exec(files.get('search/index.js')!)![1]!);
    expect(info.shards).toBeGreaterThan(1);
    const shard = JSON.parse(
      /keys\(\d+,(.*)\);/.exec(files.get(`search/g/${shardOf('共建', info.shards)}.js`)!)![1]!,
    );
    const bits = decodePostings(shard['共建'], info.docCount);
    expect(bits.every((b) => b === 1)).toBe(true);
  });
});

describe('MANIFEST and zip', () => {
  it('round-trips the manifest', () => {
    const m = {
      site: 'https://x',
      buildDate: '2026-11-27',
      commit: 'a'.repeat(40),
      pages: 1,
      files: new Map([['index.html', 'b'.repeat(64)]]),
    };
    expect(parseManifest(formatManifest(m))).toEqual(m);
    expect(() => parseManifest(formatManifest(m).replace('files: 1', 'files: 2'))).toThrow(
      /声明 2 个文件/,
    );
  });
  it('writes the same bytes for the same files whatever the insertion order or time zone', () => {
    const a = new Map([
      ['s/b.txt', Buffer.from('乙')],
      ['s/a.txt', Buffer.from('甲')],
    ]);
    const b = new Map([...a].reverse());
    const one = reproducibleZip(a, '2026-11-27');
    expect(Buffer.compare(one, reproducibleZip(b, '2026-11-27'))).toBe(0);
    expect([...readZip(one).keys()]).toEqual(['s/a.txt', 's/b.txt']);
  });
});
