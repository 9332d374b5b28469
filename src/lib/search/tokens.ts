/**
 * How Chinese text becomes Pagefind words.
 *
 * Pagefind segments Chinese with one segmenter at index time and the
 * browser's Intl.Segmenter at query time, and its search expands Chinese
 * words character by character: phrases are missed and unrelated pages
 * match. We give Pagefind, per article, the *set* of its character bigrams
 * (党组织建设 → 党组 组织 织建 建设, plus the run-final 设), each written in
 * ASCII (q + 3 base-36 digits per character) under a language code Pagefind
 * neither segments nor stems, so Pagefind sees plain Latin words.
 *
 * A set, not the running text: each word is stored once per page (title
 * words once more, weighted), which keeps the index the size of a set
 * (issue 7: every position made it three times larger). How often a body
 * word occurs, up to TF_CAP, is told by the weight of its one position, which
 * Pagefind's BM25 sums into its term frequency, so it still ranks eight
 * mentions above one (issue 11).
 * A phrase is found as the pages holding all of its bigrams; the page's
 * readable text (stored beside the index, see records.ts) then confirms
 * the literal phrase. Every character is also a word of its own (its
 * unigram, written like a run-final character: q + 3 digits + zz), so a
 * one-character query is one exact word: as a prefix of every bigram it
 * starts, Pagefind had to merge hundreds of words per shard (0.3 s for 党
 * at 10,000 articles). Latin/digit runs (5G, GDP) stay whole words.
 */
import { normalize } from './query';

/** Language code of the index: not one Pagefind segments or stems. */
export const INDEX_LANGUAGE = 'zz';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

type Kind = 'cjk' | 'word' | 'other';
const kindOf = (c: string): Kind => {
  const u = c.charCodeAt(0);
  // Fast paths for the common cases (this runs once per character of the archive).
  if (u >= 0x4e00 && u <= 0x9fff) return 'cjk';
  if (u < 0x80)
    return (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a)
      ? 'word'
      : 'other';
  return CJK.test(c) ? 'cjk' : WORD.test(c) ? 'word' : 'other';
};

interface Run {
  kind: Kind;
  text: string;
}

/** Normalized text (see query.ts) cut into runs of Chinese, of letters/digits, and of the rest. */
function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const c of normalize(text)) {
    const kind = kindOf(c);
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += c;
    else out.push({ kind, text: c });
  }
  return out;
}

// Three base-36 digits cover U+3000..U+E0AF (CJK, kana, Hangul) without a
// leading "z"; anything else is "z" + four digits, so codes stay prefix-free.
const BASE = 0x3000;
const SHORT = 35 * 36 * 36;
const code = (c: string): string => {
  const cp = c.codePointAt(0)!;
  return cp >= BASE && cp - BASE < SHORT
    ? (cp - BASE).toString(36).padStart(3, '0')
    : `z${cp.toString(36).padStart(4, '0')}`;
};
const codes = new Map<number, string>();
/** code() of a code point, computed once per distinct character. */
const codeOf = (cp: number): string => {
  let c = codes.get(cp);
  if (c === undefined) codes.set(cp, (c = code(String.fromCodePoint(cp))));
  return c;
};
/** One Chinese character as the start of an index word: 党 → q + 3 digits. */
export const encodeChar = (c: string): string => `q${codeOf(c.codePointAt(0)!)}`;

/*
 * No index word may be a proper prefix of a Chinese query word: when a
 * word is absent from a shard, Pagefind falls back to the longest index
 * word that starts the query word (its find_word_extensions), which would
 * bring pages that cannot match and make counts wrong. So a run-final
 * character is written with "zz" after it and a Latin word starting with
 * "q" (QC, Q1) gets "qzz" before it: codes never contain "zz" after a
 * character code (a 3-digit code never starts with z, a z-code's first
 * digit is at most n), so neither is the start of any Chinese word.
 */
/** One character as an index word of its own (its unigram): 设 → q + 3 digits + zz. */
export const finalWord = (c: string): string => unigram(c.codePointAt(0)!);
const unigram = (cp: number): string => `q${codeOf(cp)}zz`;
/** A Latin/digit word as an index word. */
export const latinWord = (w: string): string => (w.startsWith('q') ? `qzz${w}` : w);
const pairWord = (a: number, b: number): string => `q${codeOf(a)}${codeOf(b)}`;
const encodePair = (a: string, b: string): string => pairWord(a.codePointAt(0)!, b.codePointAt(0)!);

/** Keys of a character pair in indexWordCounts: above every code point. */
const PAIR = 0x110000;

/**
 * Text → its index words with how often each occurs: every character
 * (its unigram), every bigram and every Latin/digit word, in order of first
 * occurrence (so the same text always gives the same bytes). Occurrences
 * are counted under numbers (a character, or a pair) and each word's string
 * is made once: this runs over every character of the archive.
 */
export function indexWordCounts(text: string): Map<string, number> {
  const counts = new Map<number | string, number>();
  const add = (k: number | string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  let prev = -1; // the previous character of a Chinese run, -1 outside one
  let latin = ''; // the letters/digits run so far
  for (const c of normalize(text)) {
    const kind = kindOf(c);
    if (kind === 'word') {
      latin += c;
      prev = -1;
      continue;
    }
    if (latin) add(latinWord(latin));
    latin = '';
    if (kind !== 'cjk') {
      prev = -1;
      continue;
    }
    const cp = c.codePointAt(0)!;
    if (prev >= 0) add((prev + 1) * PAIR + cp);
    add(cp);
    prev = cp;
  }
  if (latin) add(latinWord(latin));
  const words = new Map<string, number>();
  for (const [k, n] of counts) {
    if (typeof k === 'string') words.set(k, n);
    else if (k < PAIR) words.set(unigram(k), n);
    else words.set(pairWord(Math.floor(k / PAIR) - 1, k % PAIR), n);
  }
  return words;
}

/** Text → the space-separated set of words Pagefind indexes for it (each once). */
export const toIndexWords = (text: string): string => [...indexWordCounts(text).keys()].join(' ');

/**
 * Occurrences of one word that Pagefind is told about: enough for its BM25
 * to rank eight mentions above one; BM25 saturates near here anyway.
 */
export const TF_CAP = 3;
/** Pagefind weight of the title's words (body words weigh 1; Pagefind's maximum is 10). */
export const TITLE_WEIGHT = 10;

const weighted = (weight: number, words: readonly string[]): string[] =>
  words.length ? [`___PAGEFIND_WEIGHT___${weight}`, ...words, '___END_PAGEFIND_WEIGHT___'] : [];

/**
 * What Pagefind indexes for an article: the title's words once each, in a
 * block Pagefind weighs TITLE_WEIGHT (its ___PAGEFIND_WEIGHT___ marker, the
 * same one data-pagefind-weight becomes), then each of the body's words
 * once, in a block weighted by how often it occurs, up to TF_CAP. Pagefind
 * adds a word's weights into its BM25 term frequency, so one position of
 * weight 3 ranks as three positions of weight 1 did, at a third of the
 * positions, index and fragment bytes and indexing time.
 */
export function recordContent(title: string, body: string): string {
  const byCount: string[][] = Array.from({ length: TF_CAP }, () => []);
  for (const [w, n] of indexWordCounts(body)) byCount[Math.min(n, TF_CAP) - 1]!.push(w);
  return [
    ...weighted(TITLE_WEIGHT, [...indexWordCounts(title).keys()]),
    ...byCount[0]!,
    ...byCount.slice(1).flatMap((words, i) => weighted(i + 2, words)),
  ].join(' ');
}

/** One Pagefind query word: `exact` words must occur as they are, the others as a prefix. */
export interface QueryWord {
  word: string;
  exact: boolean;
}

/**
 * From this many characters, a Chinese run is asked for by a cover of its
 * bigrams rather than all of them: every other pair, and the last
 * (杭州律师事务所: 杭州 律师 事务 务所, 4 of 6). Each word costs an index chunk
 * in every shard (a third of a rare long query's bytes); the pages holding
 * the cover include every page holding the run, and every candidate is
 * verified against its text (engine.ts), so the results are the same.
 * Shorter runs keep every pair: a cover of 党群共建 (党群 共建) would let
 * through many more pages to read and make counts rougher.
 */
export const COVER_FROM = 5;

/** Start indexes of the pairs asked for in a run of n characters (n ≥ 2). */
export function pairStarts(n: number): number[] {
  if (n < COVER_FROM) return Array.from({ length: n - 1 }, (_, i) => i);
  const starts: number[] = [];
  for (let i = 0; i <= n - 2; i += 2) starts.push(i);
  if (starts.at(-1)! < n - 2) starts.push(n - 2);
  return starts;
}

/**
 * One query term → the index words a page must hold to possibly contain it.
 * A Chinese run of two or more characters needs its bigrams (pairStarts;
 * its last character alone is dropped: in the text the run may go on,
 * 党组织 in 党组织建设). A lone character is its unigram, exactly; a Latin
 * word (GDP in GDPR) is a prefix.
 */
export function termWords(term: string): QueryWord[] {
  const out: QueryWord[] = [];
  const add = (w: QueryWord) => {
    if (!out.some((o) => o.word === w.word)) out.push(w);
  };
  for (const run of runs(term)) {
    if (run.kind === 'word') add({ word: latinWord(run.text), exact: false });
    else if (run.kind === 'cjk') {
      const chars = Array.from(run.text);
      if (chars.length === 1) add({ word: finalWord(chars[0]!), exact: true });
      else
        for (const i of pairStarts(chars.length))
          add({ word: encodePair(chars[i]!, chars[i + 1]!), exact: true });
    }
  }
  return out;
}

/**
 * The one Pagefind query for a list of words: bare words, which Pagefind
 * ANDs and ranks by BM25 (a quoted search is a phrase search and scores
 * every page 1). A bigram word is never the prefix of another index word
 * (codes have fixed lengths), so bare is still exact for it.
 */
export const pagefindQuery = (words: readonly QueryWord[]): string =>
  [...new Set(words.map((w) => w.word))].join(' ');

/**
 * True when the pages holding a term's index words are exactly the pages
 * holding the term literally, so candidates can be counted without reading
 * them: one or two Chinese characters. (A Latin word may fall back to a
 * shorter word, GDP to G, in a shard without it.)
 */
export function exactTerm(term: string): boolean {
  const r = runs(term);
  return r.length === 1 && r[0]!.kind === 'cjk' && Array.from(r[0]!.text).length <= 2;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain text → HTML with every literal occurrence of the terms in <mark>
 * (case-insensitive).
 */
export function highlightTerms(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length))
      marked.fill(true, i, i + t.length);
  }
  let html = '';
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (marked[i] !== open) {
      html += open ? '</mark>' : '<mark>';
      open = marked[i]!;
    }
    html += escapeHtml(text[i]!);
  }
  return open ? `${html}</mark>` : html;
}

/**
 * The excerpt shown under a result: about `length` characters of the text
 * around the first occurrence of any term (the start when none occurs),
 * with … where it is cut and the terms in <mark>.
 */
export function excerpt(text: string, terms: readonly string[], length = EXCERPT_LENGTH): string {
  const { start, end } = excerptSpan(text, terms, length);
  return `${start > 0 ? '…' : ''}${highlightTerms(text.slice(start, end), terms)}${end < text.length ? '…' : ''}`;
}

const EXCERPT_LENGTH = 90;

/** Where excerpt() cuts `text`: from 20 characters before the first match, `length` long. */
function excerptSpan(text: string, terms: readonly string[], length: number) {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = t ? lower.indexOf(t) : -1;
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  const start = at <= 20 ? 0 : at - 20;
  return { start, end: Math.min(text.length, start + length) };
}

/**
 * The least of `text` that gives the same excerpt(): what excerpt() shows,
 * one character more when the text goes on (the trailing …), and one
 * placeholder for a cut start (the leading …; a term never holds …, which
 * NFKC makes ...). Precomputed pages (first-pages.ts) carry this, not a
 * whole article.
 */
export function excerptSource(text: string, terms: readonly string[]): string {
  const { start, end } = excerptSpan(text, terms, EXCERPT_LENGTH);
  const kept = text.slice(start, Math.min(text.length, end + 1));
  return start > 0 ? `…${kept}` : kept;
}

/** True for a character that is an index word of its own (Chinese, kana, Hangul: finalWord()). */
export const isIndexChar = (c: string): boolean => kindOf(c) === 'cjk';
