/**
 * The header box worker's warm-up word (src/lib/search/warm-word.ts): on
 * many pages, in the smallest index chunk that has such a word.
 */
import { describe, expect, it } from 'vitest';
import { chooseWarmWord, WARM_SHARE } from '../../src/lib/search/warm-word';

describe('chooseWarmWord', () => {
  it('takes the smallest chunk whose word is on at least the warm-up share of the pages', () => {
    const chunks = [
      { bytes: 90_000, word: 'q6l6zz', pages: 9_900 },
      { bytes: 20_000, word: 'gdp', pages: 3_000 },
      { bytes: 15_000, word: 'q1ab2c', pages: 1_999 }, // smaller, but on too few pages
      { bytes: 40_000, word: 'qfqczz', pages: 4_000 },
    ];
    expect(WARM_SHARE * 10_000).toBe(2_000);
    expect(chooseWarmWord(chunks, 10_000)).toBe('gdp');
  });

  it('takes the most common word when no word reaches the share', () => {
    const chunks = [
      { bytes: 500, word: 'qa', pages: 2 },
      { bytes: 900, word: 'qb', pages: 3 },
    ];
    expect(chooseWarmWord(chunks, 100)).toBe('qb');
  });

  it('breaks a tie in size by the word, so a build gives the same word every time', () => {
    const chunks = [
      { bytes: 100, word: 'qz', pages: 50 },
      { bytes: 100, word: 'qa', pages: 50 },
    ];
    expect(chooseWarmWord(chunks, 100)).toBe('qa');
    expect(chooseWarmWord([...chunks].reverse(), 100)).toBe('qa');
  });

  it('has none for an empty index', () => {
    expect(chooseWarmWord([], 0)).toBeUndefined();
    expect(chooseWarmWord([{ bytes: 10, word: 'qa', pages: 0 }], 5)).toBeUndefined();
  });
});
