import { describe, expect, it } from 'vitest';
import {
  encodeChar,
  finalWord,
  recordContent,
  TF_CAP,
  excerpt,
  highlightTerms,
  pagefindQuery,
  termWords,
  pairStarts,
  toIndexWords,
} from '../../src/lib/search/tokens';

const e = encodeChar;
const f = finalWord;
const pair = (a: string, b: string) => `${e(a)}${e(b).slice(1)}`;

describe('index words', () => {
  it('are every character, the distinct bigrams and Latin words, in order of first occurrence', () => {
    expect(toIndexWords('党组织，AI党建')).toBe(
      [
        f('党'),
        pair('党', '组'),
        f('组'),
        pair('组', '织'),
        f('织'),
        'ai',
        pair('党', '建'),
        f('建'),
      ].join(' '),
    );
    expect(toIndexWords('党建党建。党建')).toBe(
      [f('党'), pair('党', '建'), f('建'), pair('建', '党')].join(' '),
    );
    expect(toIndexWords('建')).toBe(f('建'));
    expect(e('党')).toMatch(/^q[0-9a-y][0-9a-z]{2}$/);
  });
  it('fold full-width letters and case, so ５Ｇ and 5g are one word', () => {
    expect(toIndexWords('５Ｇ基站')).toBe(toIndexWords('5g基站'));
  });
  it('give every character outside the common range a longer code that no common code starts with', () => {
    const rare = String.fromCodePoint(0x20000); // CJK Extension B
    expect(e(rare)).toMatch(/^qz[0-9a-z]{4}$/);
    expect(toIndexWords(`党${rare}`).split(' ')).toEqual([
      f('党'),
      `${e('党')}${e(rare).slice(1)}`,
      f(rare),
    ]);
  });
  it('are deterministic', () => {
    const t = '近年来，开化县委组织部以“党群共建”为抓手，探索5G党建。';
    expect(toIndexWords(t)).toBe(toIndexWords(t));
  });
});

describe('record content (issue 11)', () => {
  it('weights the title words, and each body word once by how often it occurs, up to TF_CAP', () => {
    const words = recordContent(
      '链长制',
      '链长制。链长制。链长制。链长制。链长制。党建。党建',
    ).split(' ');
    expect(words.slice(0, 7)).toEqual([
      '___PAGEFIND_WEIGHT___10',
      f('链'),
      pair('链', '长'),
      f('长'),
      pair('长', '制'),
      f('制'),
      '___END_PAGEFIND_WEIGHT___',
    ]);
    // The body's words: each once, with the weight Pagefind sums into its term frequency.
    const weights = new Map<string, number>();
    let weight = 1;
    for (const w of words.slice(7)) {
      if (w.startsWith('___PAGEFIND_WEIGHT___')) weight = Number(w.slice(21));
      else if (w === '___END_PAGEFIND_WEIGHT___') weight = 1;
      else {
        expect(weights.has(w), `${w} once`).toBe(false);
        weights.set(w, weight);
      }
    }
    expect(weights.get(pair('链', '长'))).toBe(TF_CAP);
    expect(weights.get(f('链'))).toBe(TF_CAP);
    expect(weights.get(pair('党', '建'))).toBe(2);
    expect(weights.get(f('党'))).toBe(2);
    expect(recordContent('', '党').split(' ')).toEqual([f('党')]);
  });
  it('no index word is a proper prefix of a Chinese query word (Pagefind would fall back to it)', () => {
    const text = `QC小组 Q1 q 5G 党组织建设，设${String.fromCodePoint(0x20000)}党。台风过境`;
    const index = [...new Set(recordContent(text, text).split(' '))].filter(
      (w) => !w.startsWith('_'),
    );
    for (const term of ['台风', '党组织', '设', '小组', '过', String.fromCodePoint(0x20000)])
      for (const { word } of termWords(term))
        for (const w of index)
          if (w !== word) expect(word.startsWith(w), `${w} starts ${word}`).toBe(false);
  });
});

describe('query terms → Pagefind words', () => {
  it('asks for every bigram of a Chinese term exactly, without its last character', () => {
    expect(termWords('党组织')).toEqual([
      { word: pair('党', '组'), exact: true },
      { word: pair('组', '织'), exact: true },
    ]);
    expect(termWords('党建')).toEqual([{ word: pair('党', '建'), exact: true }]);
    expect(pagefindQuery(termWords('党建'))).toBe(pair('党', '建'));
    expect(termWords('党群共建').map((w) => w.word)).toEqual([
      pair('党', '群'),
      pair('群', '共'),
      pair('共', '建'),
    ]);
  });
  it('asks for a cover of the bigrams of a run of five or more characters', () => {
    expect(termWords('杭州律师事务所').map((w) => w.word)).toEqual([
      pair('杭', '州'),
      pair('律', '师'),
      pair('事', '务'),
      pair('务', '所'),
    ]);
    expect(pairStarts(5)).toEqual([0, 2, 3]);
    expect(pairStarts(6)).toEqual([0, 2, 4]);
    expect(pairStarts(4)).toEqual([0, 1, 2]);
    // Every character of the run is in some pair asked for.
    for (let n = 2; n <= 12; n++) {
      const covered = new Set(pairStarts(n).flatMap((i) => [i, i + 1]));
      expect(covered.size, `n = ${n}`).toBe(n);
    }
  });
  it('asks for a lone character as its unigram, exactly, and a Latin word as a prefix', () => {
    expect(termWords('践')).toEqual([{ word: f('践'), exact: true }]);
    expect(pagefindQuery(termWords('践'))).toBe(f('践'));
    expect(termWords('GDP')).toEqual([{ word: 'gdp', exact: false }]);
    expect(pagefindQuery(termWords('GDP 党建'))).toBe(`gdp ${pair('党', '建')}`);
    expect(termWords('AI党建')).toEqual([
      { word: 'ai', exact: false },
      { word: pair('党', '建'), exact: true },
    ]);
    expect(termWords('，')).toEqual([]);
  });
  it('finds every word a page containing the term must hold', () => {
    for (const [term, text] of [
      ['党组织', '加强党组织建设'],
      ['践', '实践出真知'],
      ['践', '实践。'],
      ['践', '实践。践行'],
      ['AI党建', '推进AI党建平台'],
      ['5g', '５Ｇ基站'],
      ['党群 共建', '党群 共建'],
    ]) {
      const index = new Set(toIndexWords(text!).split(' '));
      for (const w of termWords(term!))
        expect(w.exact ? index.has(w.word) : [...index].some((x) => x.startsWith(w.word))).toBe(
          true,
        );
    }
  });
});

describe('excerpts', () => {
  it('highlights every literal occurrence of the terms, and only those', () => {
    expect(highlightTerms('实践活动<b>实践', ['践'])).toBe(
      '实<mark>践</mark>活动&lt;b&gt;实<mark>践</mark>',
    );
    expect(highlightTerms('AI党建', ['ai党建'])).toBe('<mark>AI党建</mark>');
  });
  it('show the text around the first match, cut with …', () => {
    const text = `${'企业发展'.repeat(20)}党群共建${'服务职工'.repeat(30)}`;
    const x = excerpt(text, ['党群共建'], 60);
    expect(x.startsWith('…')).toBe(true);
    expect(x.endsWith('…')).toBe(true);
    expect(x).toContain('<mark>党群共建</mark>');
    expect(x.replace(/<\/?mark>|…/g, '')).toHaveLength(60);
    expect(excerpt('短文', ['无'])).toBe('短文');
  });
});
