import { describe, expect, it } from 'vitest';
import {
  decodePostings,
  gramCounts,
  gramsForTerm,
  gramsOf,
  keysAreExact,
  parseIndexCall,
  decodeInts,
  encodeInts,
  PostingWriter,
  scriptJson,
  shardOf,
} from '../../scripts/lib/snapshot/browser/grams';
import { decodeInfo, type RawOfflineInfo } from '../../scripts/lib/snapshot/browser/engine';
import { buildOfflineIndex } from '../../scripts/lib/snapshot/search-index';
import { formatManifest, parseManifest } from '../../scripts/lib/snapshot/manifest';
import { readZip, reproducibleZip } from '../../scripts/lib/snapshot/zip';

describe('offline search keys', () => {
  it('uses characters and character pairs, never across white space', () => {
    expect([...gramsOf('党建 ai')].sort()).toEqual(['a', 'ai', 'i', '党', '党建', '建'].sort());
    expect(gramsForTerm('党群共建')).toEqual(['党群', '群共', '共建']);
    expect(gramsForTerm('践')).toEqual(['践']);
    expect(keysAreExact('践')).toBe(true);
    expect(keysAreExact('党建')).toBe(true);
    expect(keysAreExact('党群共建')).toBe(false);
    expect(keysAreExact('a b')).toBe(false);
  });
  it('counts every position of a key, overlapping ones too', () => {
    const c = gramCounts('哈哈哈 党建党建');
    expect(c.get('哈哈')).toBe(2);
    expect(c.get('哈')).toBe(3);
    expect(c.get('党建')).toBe(2);
    expect(c.get('建党')).toBe(1);
    expect(c.has('哈 ')).toBe(false);
  });
  it('round-trips posting lists with body and title counts, large gaps and counts included', () => {
    const entries = [
      [0, 1, 0],
      [1, 0, 2],
      [33, 40, 0],
      [5000, 1, 1],
      [123456, 99999, 31],
    ] as const;
    const w = new PostingWriter();
    for (const [d, b, t] of entries) w.add(d, b, t);
    const p = decodePostings(w.toString());
    expect([...p.docs]).toEqual(entries.map((e) => e[0]));
    expect([...p.body]).toEqual(entries.map((e) => e[1]));
    expect([...p.title]).toEqual(entries.map((e) => e[2]));
    // One document with a count under 16 takes two characters.
    const one = new PostingWriter();
    one.add(0, 3, 0);
    expect(one.toString()).toHaveLength(2);
    expect(() => decodePostings('"')).toThrow(/损坏/);
    const column = [0, 1, 31, 32, 1023, 1024, 4000, 2 ** 40];
    expect(decodeInts(encodeInts(column))).toEqual(column);
  });
  it('escapes what could end a script or a line in index files, and reads them back', () => {
    const text = '</script><script>alert(1)</script>\u2028\u2029"\\';
    const json = scriptJson([text]);
    expect(json).not.toMatch(/[<>\u2028\u2029]/);
    expect(parseIndexCall(`FeigongOffline.text(3,${json});\n`)).toEqual({
      name: 'text',
      args: [3, [text]],
    });
  });
  it('puts every key into the shard the browser will look in, long lists in their own file', () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      path: `articles/d${i}/index.html`,
      title: i === 4 ? '党群共建</script>' : `标题${i}`,
      date: '2015-03-24T00:00:00+08:00',
      channel: i % 2 ? '案例' : '参考',
      text: `正文第${i}篇 党群共建`.repeat(20),
    }));
    const files = buildOfflineIndex(docs, { shardBytes: 200, ownFileChars: 40 });
    const info = decodeInfo(
      parseIndexCall(files.get('search/index.js')!).args[0] as RawOfflineInfo,
    );
    expect(info.shards).toBeGreaterThan(1);
    const shard = parseIndexCall(files.get(`search/g/${shardOf('共建', info.shards)}.js`)!)
      .args[1] as Record<string, string>;
    expect(shard['共建']).toBe('@');
    const own = parseIndexCall(files.get('search/g/k/5171-5efa.js')!).args;
    expect(own[0]).toBe('共建');
    const p = decodePostings(own[1] as string);
    expect(p.docs).toHaveLength(30);
    expect([...p.body].every((b) => b === 20)).toBe(true);
    expect(p.title[4]).toBe(1);
    expect(p.title[5]).toBe(0);
    // A short list stays in its shard.
    const rare = parseIndexCall(files.get(`search/g/${shardOf('29', info.shards)}.js`)!)
      .args[1] as Record<string, string>;
    expect(decodePostings(rare['29']!).docs).toEqual(Int32Array.from([29]));
    // One text file a document; its size is in index.js; nothing in it can close a script.
    const t4 = files.get('search/t/4.js')!;
    expect(info.docBytes[4]).toBe(Math.ceil(Buffer.byteLength(t4) / 1024) * 1024);
    expect(info.channels[info.docChannel[4]!]).toBe('参考');
    expect(info.docYear[4]).toBe(2015);
    expect(t4).not.toContain('</script>');
    expect(info.docLen[0]).toBe('正文第0篇 党群共建'.repeat(20).length);
    for (const body of files.values()) expect(body).not.toMatch(/[<>\u2028\u2029]/);
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
