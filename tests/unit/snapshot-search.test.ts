/**
 * The offline search engine (scripts/lib/snapshot/browser/engine.ts) over a
 * real offline index, against the shared contract: the same results in the
 * same order as `search()` of src/lib/search/query.ts, reading only a
 * bounded number of texts.
 */
import { describe, expect, it } from 'vitest';
import {
  search,
  relevance,
  normalize,
  parseQuery,
  type SortOrder,
} from '../../src/lib/search/query';
import {
  Budget,
  chooseKeys,
  OfflineSearch,
  scoreFromCounts,
  READ_BUDGET,
} from '../../scripts/lib/snapshot/browser/engine';
import { gramCounts, gramsForTerm } from '../../scripts/lib/snapshot/browser/grams';
import { fileLoader, offlineQueryCost } from '../../scripts/lib/snapshot/query-cost';
import { buildOfflineIndex, type OfflineDoc } from '../../scripts/lib/snapshot/search-index';
import { expectedFor, generateQualityCorpus, QUALITY_QUERIES } from '../helpers/quality-corpus';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = '党群共建组织企业服务发展';
/** Documents over a small alphabet, so terms recur, overlap and straddle each other. */
function randomDocs(n: number, seed: number): OfflineDoc[] {
  const r = rng(seed);
  const word = (len: number) =>
    Array.from({ length: len }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join('');
  return Array.from({ length: n }, (_, i) => ({
    id: `doc-${String(i).padStart(4, '0')}`,
    path: `articles/doc-${i}/index.html`,
    title: word(3 + Math.floor(r() * 6)),
    // Some share a date, so ties go to the id.
    date: new Date(Date.UTC(2012 + (i % 7), (i * 5) % 12, 1 + (i % 3))).toISOString(),
    channel: ['基层点睛', '案例', '参考'][i % 3]!,
    text: Array.from({ length: 2 + Math.floor(r() * 30) }, () =>
      word(2 + Math.floor(r() * 8)),
    ).join(r() < 0.5 ? '，' : ' '),
  }));
}

async function offline(
  docs: OfflineDoc[],
  q: string,
  opts: { n?: number; sort?: SortOrder; channel?: string; year?: number; budget?: number } = {},
) {
  const files = buildOfflineIndex(docs, { shardBytes: 2000, ownFileChars: 200 });
  const { info, loader, loaded } = fileLoader(files);
  const s = await OfflineSearch.open(
    info,
    loader,
    { q, channel: opts.channel ?? '', year: opts.year, sort: opts.sort ?? 'relevance' },
    new Budget(opts.budget ?? READ_BUDGET),
  );
  const top = await s.top(opts.n ?? 20);
  const texts = [...loaded].filter((p) => p.startsWith('search/t/')).length;
  return { s, top, texts, ids: top.hits.map((h) => h.doc.id) };
}

describe('offline search engine', () => {
  const docs = randomDocs(400, 11);
  const queries = [
    '党',
    '建',
    '党群',
    '群群',
    '党群共建',
    '"组织 企业"',
    '服务 发展',
    '党 企',
    '建党群建',
    '务发展党群共建组',
    '台风',
  ];

  it('bounds every relevance from the counts of its keys, and meets it when they are exact', () => {
    for (const doc of docs.slice(0, 80))
      for (const q of queries) {
        const terms = parseQuery(q);
        const title = normalize(doc.title);
        const text = normalize(doc.text);
        const exact = relevance(title, text, terms);
        if (!exact) continue;
        const tc = gramCounts(title);
        const bc = gramCounts(text);
        const counts = terms.map((t) => ({
          title: Math.min(...gramsForTerm(t).map((k) => tc.get(k) ?? 0)),
          body: Math.min(...gramsForTerm(t).map((k) => bc.get(k) ?? 0)),
        }));
        const phrase =
          Math.min(...counts.map((c) => c.title)) * 3 + Math.min(...counts.map((c) => c.body));
        const bound = scoreFromCounts(counts, phrase, text.length);
        expect(bound).toBeGreaterThanOrEqual(exact.score - 1e-12);
        if (terms.length === 1 && Array.from(terms[0]!).length === 1)
          expect(bound).toBe(exact.score);
      }
  });

  for (const q of queries)
    for (const sort of ['relevance', 'date'] as const)
      it(`ranks ${q} (${sort}) exactly as the shared contract, reading few texts`, async () => {
        const expected = search(docs, q, { sort }).map((h) => h.doc.id);
        for (const n of [1, 5, 20]) {
          const { ids, top, texts, s } = await offline(docs, q, { n, sort });
          expect(top.exact).toBe(true);
          expect(ids).toEqual(expected.slice(0, n));
          if (s.count().exact) expect(s.count().n).toBe(expected.length);
          else expect(s.count().n).toBeGreaterThanOrEqual(expected.length);
          // Texts are read for the shown results and the proof, not for every candidate.
          if (expected.length > 100) expect(texts).toBeLessThan(expected.length / 2);
        }
      });

  it('pages on: the next results continue the same order', async () => {
    const expected = search(docs, '党群', {}).map((h) => h.doc.id);
    const { s } = await offline(docs, '党群', { n: 20 });
    const more = await s.top(60);
    expect(more.hits.map((h) => h.doc.id)).toEqual(expected.slice(0, 60));
  });

  it('applies the channel and year filters as the contract does', async () => {
    for (const opts of [{ channel: '案例' }, { year: 2015 }, { channel: '参考', year: 2013 }]) {
      const expected = search(docs, '党群', opts).map((h) => h.doc.id);
      const { ids, s } = await offline(docs, '党群', { ...opts, n: 1000 });
      expect(ids).toEqual(expected);
      expect(s.count()).toEqual({ n: expected.length, exact: true });
    }
  });

  it('stops at the text budget and says the count is an estimate', async () => {
    const { top, texts, s } = await offline(docs, '党群共建', { budget: 3000 });
    expect(top.exact).toBe(false);
    expect(s.stopped).toBe(true);
    expect(texts).toBeLessThan(30);
    expect(s.count().exact).toBe(false);
  });

  it('reads at most MAX_KEYS keys, an even spread of a long term', () => {
    const long = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const chosen = chooseKeys([long, '党', '建设'], 24);
    expect(chosen.flat()).toHaveLength(24);
    expect(chosen[0]![0]).toBe('一二');
    expect(chosen[0]!.at(-1)).toBe('戌亥');
    expect(chosen[1]).toEqual(['党']);
    expect(chosen[2]).toEqual(['建设']);
    // With more terms than keys, the last terms are left to the texts.
    const many = chooseKeys(Array.from('一二三四五六七八九十'), 4);
    expect(many.map((k) => k.length)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('answers a query longer than the key limit exactly, from the texts', async () => {
    const q = docs[7]!.text.slice(0, 40);
    const expected = search(docs, q).map((h) => h.doc.id);
    const { ids } = await offline(docs, q, { n: 5 });
    expect(ids).toEqual(expected.slice(0, 5));
  });
});

describe('offline search on the quality corpus (planted phrases and decoys)', () => {
  const articles = generateQualityCorpus({ channels: ['jiceng', 'anli', 'cankao'] });
  const docs: OfflineDoc[] = articles.map((a) => ({
    id: a.slug,
    path: `articles/${a.slug}/index.html`,
    title: a.title,
    date: a.date,
    channel: a.channel,
    text: a.body,
  }));
  for (const query of QUALITY_QUERIES)
    it(`${query.kind}: ${query.q}`, async () => {
      const expected = expectedFor(query.q, articles);
      const { ids, s } = await offline(docs, query.q, { n: 1000 });
      if (query.kind === 'absent') {
        expect(ids).toEqual([]);
        expect(s.count()).toEqual({ n: 0, exact: true });
        return;
      }
      const found = ids.filter((id) => expected.has(id));
      expect(found.length / expected.size).toBe(1);
      const top = ids.slice(0, 10);
      expect(top.filter((id) => expected.has(id)).length / top.length).toBeGreaterThanOrEqual(0.95);
      expect(ids).toEqual(search(docs, query.q).map((h) => h.doc.id));
    });
});

describe('offline query cost model', () => {
  it('reads the page scripts, the keys and a bounded set of texts', async () => {
    const docs = randomDocs(300, 5);
    const files = buildOfflineIndex(docs);
    const all = await offlineQueryCost(files, '党');
    expect(all.candidates).toBeGreaterThan(250);
    // index.js, app.js, the page, a key shard and the texts of the first page and its proof.
    expect(all.files).toBeLessThan(60);
    expect(all.results).toBe(search(docs, '党').length);
    expect(all.exact).toBe(true);
    const none = await offlineQueryCost(files, '台风');
    expect(none.candidates).toBe(0);
    expect(none.files).toBeLessThanOrEqual(5);
  });
});
