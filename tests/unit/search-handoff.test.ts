import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/lib/search/engine';
import {
  HANDOFF_KEY,
  HANDOFF_MAX_AGE_MS,
  PAGE_SIZE,
  readHandoff,
  toHandoff,
  type Handoff,
} from '../../src/lib/search/handoff';

const hit = (i: number, text = '开化县推行党群共建“三五模式”。'): Hit => ({
  id: `/articles/a${i}/`,
  url: `/articles/a${i}/`,
  title: `第${i}篇 党群共建`,
  text,
  date: '2015-03-24T00:00:00+08:00',
  day: '2015年03月24日',
  channel: '基层点睛',
  source: '中国非公企业党建网',
  excerpt: 'not handed over',
});
const set = { total: () => 12, exact: () => true };
const NOW = 1_800_000_000_000;
const handoff = (over: Partial<Handoff> = {}): string =>
  JSON.stringify({
    ...toHandoff(
      '党群共建',
      [1, 2].map((i) => ({ doc: hit(i) })),
      set,
      NOW,
    ),
    ...over,
  });
const state = { q: '党群共建', sort: 'relevance' as const };

describe('results handed from an article page to the search page', () => {
  it('are shown for the same search, with the excerpt made again from the text', () => {
    const got = readHandoff(handoff(), state, NOW + 500)!;
    expect(got.hits.map((h) => h.url)).toEqual(['/articles/a1/', '/articles/a2/']);
    expect(got.hits[0]!.excerpt).toContain('<mark>党群共建</mark>');
    expect(got).toMatchObject({ total: 12, exact: true });
  });

  it('are not used for another query, a filter, 按日期, or when too old', () => {
    expect(readHandoff(handoff(), { q: '党群' }, NOW)).toBeNull();
    expect(readHandoff(handoff(), { ...state, channel: '基层点睛' }, NOW)).toBeNull();
    expect(readHandoff(handoff(), { ...state, year: '2015' }, NOW)).toBeNull();
    expect(readHandoff(handoff(), { ...state, sort: 'date' }, NOW)).toBeNull();
    expect(readHandoff(handoff(), state, NOW + HANDOFF_MAX_AGE_MS + 1)).toBeNull();
    expect(readHandoff(handoff(), state, NOW - 1)).toBeNull();
    expect(readHandoff(null, state, NOW)).toBeNull();
  });

  it('refuse what an attacker could write: other links, markup, wrong types, too many', () => {
    const bad = (patch: Record<string, unknown>) =>
      readHandoff(
        handoff({ hits: [{ ...toHandoff('x', [{ doc: hit(1) }], set, NOW).hits[0]!, ...patch }] }),
        state,
        NOW,
      );
    expect(bad({})).not.toBeNull();
    for (const url of [
      'javascript:alert(1)',
      'https://evil.example/articles/a/',
      '//evil.example/articles/a/',
      '/articles/a/?x="><script>',
      '/search/',
      '/articles/../admin/',
    ])
      expect(bad({ url }), url).toBeNull();
    expect(bad({ title: 5 })).toBeNull();
    expect(bad({ text: null })).toBeNull();
    expect(readHandoff('{not json', state, NOW)).toBeNull();
    expect(readHandoff(handoff({ total: 1 }), state, NOW)).toBeNull(); // fewer than shown
    expect(readHandoff(handoff({ exact: 'yes' as unknown as boolean }), state, NOW)).toBeNull();
    const many = Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({ doc: hit(i) }));
    expect(
      readHandoff(JSON.stringify(toHandoff('党群共建', many, set, NOW)), state, NOW),
    ).toBeNull();
  });

  it('never pass markup through: the title stays text, the excerpt escapes the body', () => {
    const evil = hit(1, '<img src=x onerror=alert(1)>党群共建</p><script>alert(2)</script>');
    const raw = JSON.stringify(
      toHandoff('党群共建', [{ doc: { ...evil, title: '<b>标题</b>' } }], set, NOW),
    );
    const got = readHandoff(raw, state, NOW)!;
    expect(got.hits[0]!.title).toBe('<b>标题</b>'); // shown with textContent-equivalent escaping
    expect(got.hits[0]!.excerpt).not.toMatch(/<(?!\/?mark>)/);
    expect(got.hits[0]!.excerpt).toContain(
      'alert(1)&gt;<mark>党群共建</mark>&lt;/p&gt;&lt;script&gt;',
    );
  });

  it('are kept under the key the header box writes (public/js/reader.js)', () => {
    const reader = readFileSync(join(import.meta.dirname, '../../public/js/reader.js'), 'utf8');
    expect(/var HANDOFF_KEY = '([^']+)'/.exec(reader)?.[1]).toBe(HANDOFF_KEY);
  });
});
