/**
 * How Chinese text becomes Pagefind words, and back.
 *
 * Pagefind segments Chinese with one segmenter at index time and the
 * browser's Intl.Segmenter at query time, and its search expands Chinese
 * words character by character; phrases are missed and unrelated pages
 * match. We feed Pagefind text already cut into overlapping character
 * bigrams (党组织建设 → 党组 组织 织建 建设 设), each Chinese character written
 * as an ASCII code (q + 4 base-36 digits of its code point), under a
 * language code Pagefind neither segments nor stems. Pagefind then sees
 * plain Latin words: a literal phrase is a run of consecutive bigram words,
 * which its quoted (exact) search matches by word position; a single
 * character is the prefix of some word, which its prefix search finds.
 * Latin/digit runs (5G, GDP) stay whole words. Excerpts are decoded back.
 */
import { normalize } from './query';

/** Language code of the index: not one Pagefind segments or stems. */
export const INDEX_LANGUAGE = 'zz';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

type Kind = 'cjk' | 'word' | 'other';
const kindOf = (c: string): Kind => (CJK.test(c) ? 'cjk' : WORD.test(c) ? 'word' : 'other');

interface Run { kind: Kind; text: string }

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const c of text) {
    const kind = kindOf(c);
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += c;
    else out.push({ kind, text: c });
  }
  return out;
}

const CODE_LEN = 5;
/** Stands for white space inside the index text (U+2060 WORD JOINER). */
const SPACE = '\u2060';
/** One Chinese character as an ASCII word piece: 党 → q0g2i. */
export const encodeChar = (c: string): string => `q${c.codePointAt(0)!.toString(36).padStart(CODE_LEN - 1, '0')}`;
const CODED = /^(?:q[0-9a-z]{4})+$/i;
const decodeCodes = (w: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < w.length; i += CODE_LEN) out.push(String.fromCodePoint(parseInt(w.slice(i + 1, i + CODE_LEN), 36)));
  return out;
};

/** Bigrams of a CJK run, plus its last character on its own. */
function bigrams(run: string): string[] {
  const chars = Array.from(run).map(encodeChar);
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/**
 * Text → the space-separated token string Pagefind indexes. Punctuation is
 * glued to the preceding token (Pagefind drops it from the word but keeps it
 * in excerpts), so every whitespace-separated token is exactly one word.
 * Case is kept for excerpts; Pagefind lower-cases words itself.
 */
export function toIndexText(text: string): string {
  const tokens: string[] = [];
  let pending = ''; // punctuation before the first token
  for (const run of runs(normalizeKeepCase(text))) {
    if (run.kind === 'other') {
      // White space is kept as a word joiner glued to the token (Pagefind drops
      // it from the word), so 党群 共建 and 党群共建 stay distinguishable.
      const p = run.text.replace(/\s+/g, SPACE);
      if (!p) continue;
      if (tokens.length) tokens[tokens.length - 1] += p;
      else pending += p;
      continue;
    }
    const words = run.kind === 'cjk' ? bigrams(run.text) : [run.text];
    if (pending) {
      words[0] = pending + words[0];
      pending = '';
    }
    tokens.push(...words);
  }
  return tokens.join(' ');
}

/**
 * Letters and digits as normalize() sees them (NFKC, full-width → ASCII) but
 * with case and Chinese punctuation kept, so excerpts read naturally.
 */
function normalizeKeepCase(text: string): string {
  let out = '';
  for (const c of text) {
    const n = c.normalize('NFKC');
    out += WORD.test(n) ? n : c;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * One query term → the Pagefind query for it: its words in quotes (exact
 * phrase), or, for a single character or Latin word, the bare word, which
 * Pagefind also matches as a prefix (so 践 finds 实践 via 践行 or a run-final 践).
 */
export function termToPagefind(term: string): string {
  const words = toIndexText(term)
    .split(' ')
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase())
    .filter(Boolean);
  // A term ending in Chinese may continue in the text (党组织 in 党组织建设), so
  // its run-final single character is not a word there: drop it.
  const last = words[words.length - 1];
  if (words.length > 1 && last && last.length === CODE_LEN && CODED.test(last) && CODED.test(words[words.length - 2]!)) words.pop();
  if (words.length === 0) return '';
  // Only a lone Chinese character (or Latin word) goes bare, for prefix
  // matching; everything else is quoted, because Pagefind's plain search
  // also returns near-miss words (a bigram that occurs nowhere still
  // "finds" pages), while its exact search does not.
  const bare = words.length === 1 && (words[0]!.length === CODE_LEN || !CODED.test(words[0]!));
  return bare ? words[0]! : `"${words.join(' ')}"`;
}

/** Pagefind query strings for parsed terms (each term is searched on its own and intersected). */
export function termsToPagefind(terms: readonly string[]): string[] {
  return terms.map(termToPagefind).filter(Boolean);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Bigram token string (as Pagefind stores it) → readable text: each CJK
 * token contributes its first character, Latin tokens are kept whole.
 * Inverse of toIndexText up to white space between Chinese and Latin.
 */
export function fromIndexText(indexText: string): string {
  return rebuild(indexText.split(' ').map((t) => ({ text: t, marked: false }))).map((c) => c.text).join('');
}

interface Piece { text: string; marked: boolean }

function rebuild(tokens: Piece[]): Piece[] {
  const out: Piece[] = [];
  let prevWord = false;
  let carryMark = false; // second character of a marked bigram is part of the match
  for (const { text, marked } of tokens) {
    const m = /^([^\p{L}\p{N}]*)([\p{L}\p{N}]*)(.*)$/su.exec(text);
    if (!m || !text) continue;
    const lead = m[1]!.replaceAll(SPACE, ' ');
    const core = m[2]!;
    const trail = m[3]!.replaceAll(SPACE, ' ');
    if (lead) out.push({ text: lead, marked: false });
    if (!core) {
      if (trail) out.push({ text: trail, marked: false });
      continue;
    }
    if (CODED.test(core)) {
      const chars = decodeCodes(core);
      out.push({ text: chars[0]!, marked: marked || carryMark });
      carryMark = marked && chars.length > 1 && !trail;
      prevWord = false;
    } else {
      if (prevWord && !lead) out.push({ text: ' ', marked: false }); // Latin words never touch
      out.push({ text: core, marked });
      prevWord = !trail;
      carryMark = false;
    }
    if (trail) out.push({ text: trail, marked: false });
  }
  return out;
}

/**
 * Pagefind's excerpt (bigram tokens, matches wrapped in <mark>) → readable
 * HTML with the matched characters highlighted. Pagefind escapes the text;
 * we rebuild from its text and re-escape.
 */
export function readableExcerpt(excerptHtml: string): string {
  const tokens: Piece[] = [];
  const re = /<mark>(.*?)<\/mark>|([^<\s]+)|\s+/gs;
  for (const m of excerptHtml.matchAll(re)) {
    if (m[1] !== undefined) for (const t of m[1].split(/\s+/)) tokens.push({ text: unescapeHtml(t), marked: true });
    else if (m[2] !== undefined) tokens.push({ text: unescapeHtml(m[2]), marked: false });
  }
  const pieces = rebuild(tokens);
  let html = '';
  let open = false;
  for (const p of pieces) {
    if (p.marked !== open) {
      html += p.marked ? '<mark>' : '</mark>';
      open = p.marked;
    }
    html += escapeHtml(p.text);
  }
  return open ? `${html}</mark>` : html;
}

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export { normalize };

/**
 * Plain text → HTML with every literal occurrence of the terms in <mark>
 * (case-insensitive). Used on decoded excerpts instead of Pagefind's own
 * marks, which cover whole bigram words (践 would light up 践活).
 */
export function highlightTerms(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) marked.fill(true, i, i + t.length);
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

/** Pagefind excerpt HTML → readable plain text. */
export function excerptText(excerptHtml: string): string {
  return unescapeHtml(readableExcerpt(excerptHtml).replace(/<\/?mark>/g, ''));
}
