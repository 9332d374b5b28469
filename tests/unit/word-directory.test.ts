import { describe, expect, it } from 'vitest';
import {
  bucketCount,
  bucketOf,
  buildDirectory,
  contentWords,
  mayHoldAll,
  parseBucket,
} from '../../src/lib/search/word-directory';
import { recordContent, termWords } from '../../src/lib/search/tokens';

/** A directory as the search page reads it: every bucket parsed. */
function lookup(words: string[]) {
  const { buckets, files } = buildDirectory(words);
  const parsed = files.map(parseBucket);
  return { buckets, files, of: (w: string) => parsed[bucketOf(w, buckets)]! };
}

describe('the word directory', () => {
  it('lists every word of every record Pagefind is given, without the weight markers', () => {
    const content = recordContent('链长制', '链长制，链长制');
    const words = contentWords(content);
    expect(words.some((w) => w.startsWith('___'))).toBe(false);
    for (const { word } of [...termWords('链长制'), ...termWords('链'), ...termWords('制')])
      expect(words).toContain(word);
  });

  it('says no page holds a query when one of its words is on no page', () => {
    const [a, b] = termWords('链长制').map((w) => w.word) as [string, string];
    const d = lookup([a, b]);
    expect(mayHoldAll([a, b], d.of)).toBe(true);
    expect(mayHoldAll([a], d.of)).toBe(true);
    expect(mayHoldAll([a, 'qnowhere'], d.of)).toBe(false);
    expect(mayHoldAll(['qnowhere'], d.of)).toBe(false);
    // No words: the index is asked.
    expect(mayHoldAll([], d.of)).toBe(true);
  });

  it('asks the index when a bucket could not be read (never loses a result)', () => {
    expect(mayHoldAll(['q123'], () => null)).toBe(true);
  });

  it('spreads many words over bucket files of about 256 words', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `q${i.toString(36).padStart(3, '0')}x`);
    const d = lookup(words);
    expect(d.buckets).toBe(bucketCount(5000));
    expect(d.buckets).toBe(32);
    const sizes = d.files.map((f) => f.split('\n').length - 1);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(5000);
    expect(Math.max(...sizes)).toBeLessThan(256 * 2);
    for (const w of words) expect(d.of(w).has(w)).toBe(true);
  });

  it('gives the same files for the same words in any order', () => {
    expect(buildDirectory(['qb', 'qa'])).toEqual(buildDirectory(['qa', 'qb', 'qa']));
  });

  it('reads a hostile bucket file without trusting it', () => {
    const m = parseBucket('qa\n<script>alert(1)</script>\nqb zz\nqc\n\n');
    expect([...m]).toEqual(['qa', 'qc']);
  });
});
