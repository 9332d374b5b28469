import { afterEach, describe, expect, it } from 'vitest';
import { warmSegmenters } from '../../src/lib/search/open-index';

const Real = Intl.Segmenter;
/** Intl with its Segmenter replaceable (read-only in TypeScript's lib). */
const intl = Intl as { Segmenter: typeof Intl.Segmenter | undefined };
afterEach(() => {
  intl.Segmenter = Real;
});

/** The segmenters warmSegmenters makes, as [locale, granularity], and the text each segmented. */
function recorded(lang: string) {
  const made: [string | undefined, string | undefined, string][] = [];
  intl.Segmenter = class extends Real {
    constructor(locale?: Intl.LocalesArgument, opts?: Intl.SegmenterOptions) {
      super(locale, opts);
      const seg = this.segment.bind(this);
      this.segment = (text: string) => {
        made.push([String(locale), opts?.granularity, text]);
        return seg(text);
      };
    }
  };
  warmSegmenters(lang);
  return made;
}

describe('warmSegmenters (Pagefind’s first search without ICU’s load)', () => {
  it('makes the segmenters Pagefind makes for the language: graphemes, and words for Chinese', () => {
    expect(recorded('zh-cn').map(([l, g]) => [l, g])).toEqual([
      ['zh-CN', 'grapheme'],
      ['zh-CN', 'word'],
    ]);
    expect(recorded('unknown').map(([l, g]) => [l, g])).toEqual([['unknown', 'grapheme']]);
  });

  it('segments index words only (no Chinese text, so no dictionary is loaded)', () => {
    for (const [, , text] of recorded('zh-cn')) expect(text).toMatch(/^[a-z0-9 ]+$/);
  });

  it('never throws: an invalid language or no Intl.Segmenter at all', () => {
    expect(() => warmSegmenters('not a language!')).not.toThrow();
    intl.Segmenter = undefined;
    expect(() => warmSegmenters('zh-cn')).not.toThrow();
  });
});
