import { describe, expect, it } from 'vitest';
import { encodeChar, excerptText, fromIndexText, highlightTerms, readableExcerpt, termToPagefind, toIndexText } from '../../src/lib/search/tokens';

const e = encodeChar;

describe('index text', () => {
  it('writes Chinese as overlapping bigrams of ASCII codes plus the run-final character, Latin words whole', () => {
    expect(toIndexText('党组织，AI党建')).toBe(`${e('党')}${e('组')} ${e('组')}${e('织')} ${e('织')}， AI ${e('党')}${e('建')} ${e('建')}`);
    expect(toIndexText('党 建')).toBe(`${e('党')}\u2060 ${e('建')}`);
    expect(e('党')).toMatch(/^q[0-9a-z]{4}$/);
  });
  it('decodes back to the text, keeping Chinese punctuation and folding full-width letters', () => {
    const text = '近年来，党组织围绕“AI党建”和５Ｇ、GDP建设。实践出真知';
    expect(fromIndexText(toIndexText(text))).toBe('近年来，党组织围绕“AI党建”和5G、GDP建设。实践出真知');
    expect(fromIndexText(toIndexText('党群 共建，AI  GDP'))).toBe('党群 共建，AI GDP');
  });
});

describe('query terms → Pagefind', () => {
  it('quotes a multi-word term so Pagefind matches it as an exact phrase', () => {
    expect(termToPagefind('党组织')).toBe(`"${e('党')}${e('组')} ${e('组')}${e('织')}"`);
    expect(termToPagefind('AI党建')).toBe(`"ai ${e('党')}${e('建')}"`);
    expect(termToPagefind('党建AI')).toBe(`"${e('党')}${e('建')} ${e('建')} ai"`);
  });
  it('leaves a lone character or Latin word bare so Pagefind also matches it as a prefix', () => {
    expect(termToPagefind('践')).toBe(e('践'));
    expect(termToPagefind('党建')).toBe(`"${e('党')}${e('建')}"`);
    expect(termToPagefind('GDP')).toBe('gdp');
    expect(termToPagefind('，')).toBe('');
  });
});

describe('excerpts', () => {
  it('rebuilds Pagefind excerpts and highlights whole matched bigrams', () => {
    const ex = `${e('近')}${e('年')} <mark>${e('党')}${e('组')}</mark> <mark>${e('组')}${e('织')}</mark> ${e('织')}${e('围')} ${e('围')}，`;
    expect(readableExcerpt(ex)).toBe('近<mark>党组织</mark>围，');
    expect(excerptText(ex)).toBe('近党组织围，');
  });
  it('highlights every literal occurrence of the terms, and only those', () => {
    expect(highlightTerms('实践活动<b>实践', ['践'])).toBe('实<mark>践</mark>活动&lt;b&gt;实<mark>践</mark>');
    expect(highlightTerms('AI党建', ['ai党建'])).toBe('<mark>AI党建</mark>');
  });
});
