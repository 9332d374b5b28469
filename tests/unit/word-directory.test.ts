import { describe, expect, it } from 'vitest';
import {
  bucketCount,
  bucketOf,
  buildDirectory,
  contentWords,
  holdingShards,
  parseBucket,
  shardBit,
} from '../../src/lib/search/word-directory';
import { recordContent, termWords } from '../../src/lib/search/tokens';

/** A directory as the search page reads it: every bucket parsed. */
function lookup(shards: { id: string; words: string[] }[]) {
  const { buckets, files } = buildDirectory(shards);
  const parsed = files.map(parseBucket);
  return { buckets, files, of: (w: string) => parsed[bucketOf(w, buckets)]! };
}
const shards = [{ id: 's0' }, { id: 's1' }, { id: 's2' }, { id: 's11' }];

describe('the word directory', () => {
  it('lists every word of every record Pagefind is given, without the weight markers', () => {
    const content = recordContent('链长制', '链长制，链长制');
    const words = contentWords(content);
    expect(words.some((w) => w.startsWith('___'))).toBe(false);
    for (const { word } of [...termWords('链长制'), ...termWords('链'), ...termWords('制')])
      expect(words).toContain(word);
  });

  it('tells which shards hold every word of a query', () => {
    const [a, b] = termWords('链长制').map((w) => w.word) as [string, string];
    const d = lookup([
      { id: 's0', words: [a] },
      { id: 's1', words: [a, b] },
      { id: 's11', words: [b, a] },
    ]);
    expect(holdingShards(shards, [a, b], d.of).map((s) => s.id)).toEqual(['s1', 's11']);
    expect(holdingShards(shards, [a], d.of).map((s) => s.id)).toEqual(['s0', 's1', 's11']);
    expect(holdingShards(shards, ['qnowhere'], d.of)).toEqual([]);
    // No words: every shard.
    expect(holdingShards(shards, [], d.of)).toEqual(shards);
  });

  it('searches every shard when a bucket could not be read (never loses a result)', () => {
    expect(holdingShards(shards, ['q123'], () => null)).toEqual(shards);
  });

  it('spreads many words over bucket files of about 256 words', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `q${i.toString(36).padStart(3, '0')}x`);
    const d = lookup([{ id: 's0', words }]);
    expect(d.buckets).toBe(bucketCount(5000));
    expect(d.buckets).toBe(32);
    const sizes = d.files.map((f) => f.split('\n').length - 1);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(5000);
    expect(Math.max(...sizes)).toBeLessThan(256 * 2);
    for (const w of words) expect(d.of(w).get(w)).toBe(shardBit('s0'));
  });

  it('gives the same files for the same words in any order', () => {
    const a = buildDirectory([{ id: 's1', words: ['qb', 'qa'] }]);
    const b = buildDirectory([{ id: 's1', words: ['qa', 'qb', 'qa'] }]);
    expect(a).toEqual(b);
  });

  it('reads a hostile bucket file without trusting it', () => {
    const m = parseBucket('qa 3\n<script>alert(1)</script> 1\nqb zz\nqc 1f\n\n');
    expect([...m]).toEqual([
      ['qa', 3n],
      ['qc', 31n],
    ]);
    expect(shardBit('s25')).toBe(1n << 25n);
  });
});
