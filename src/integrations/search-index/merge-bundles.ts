/**
 * Merges the shards' Pagefind bundles into the one bundle the site serves.
 *
 * The index is still made in shards (shards.ts: Pagefind holds a whole
 * index in memory while it builds, and a warm build re-indexes only the
 * shard an edit is in), but a reader's browser should open one index, as
 * with stock Pagefind: one metadata file, one index chunk per query word,
 * BM25 over the whole archive, 按日期 by Pagefind's own sort. Opening every
 * shard cost a round of requests per shard and an index chunk per word per
 * shard (at 50,000 articles, 26 shards × 4 words = 104 chunks for one query).
 *
 * Pagefind's files are gzip of `pagefind_dcd` + CBOR (Pagefind 1.6.0's
 * layout, checked: MERGED_VERSIONS). Merging renumbers pages (each shard's
 * pages follow the older shards'), joins each word's page lists, filter
 * values and sort orders, and re-chunks the words as Pagefind does (by
 * word, about 20,000 positions a chunk). Word positions are copied as bytes:
 * within a word's page list only the first page number of each shard is
 * relative to what came before (Pagefind writes page numbers as
 * differences), so that one number is all that changes.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { CborReader, CborWriter, type CborValue } from './cbor';
import { SHARD_WORDS_FILE } from '../../lib/search/word-directory';
import { chooseWarmWord, WARM_WORD_FILE, type ChunkSummary } from '../../lib/search/warm-word';

/** Pagefind versions whose file layout this merger was checked against (tests/unit/merge-bundles.test.ts). */
export const MERGED_VERSIONS = ['1.6.0'];

const SIGNATURE = Buffer.from('pagefind_dcd');
/** Pagefind's own chunk size: word positions (plus one a page) per index chunk. */
const CHUNK_POSITIONS = 20_000;

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [k: string]: unknown;
}

/** One shard's part of a word's page list. */
interface WordPart {
  /** Page number of its first page, and of its last, within the merged index. */
  first: number;
  last: number;
  count: number;
  /** Array length of each page entry (Pagefind 1.6: 3). */
  entryLength: number;
  /** The bytes after the first page's number, to the end of the list. */
  body: Uint8Array;
  positions: number;
  /** The word entry's field count, and what follows its page list. */
  fields: number;
  tail: Uint8Array;
}

export class MergeError extends Error {}

/** A Pagefind file's bytes after its gzip and signature (index, metadata, filter, fragment). */
export const unpack = (file: string): Uint8Array => {
  const data = gunzipSync(readFileSync(file));
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new MergeError(`${file}: 不是 Pagefind 的索引文件 (no pagefind_dcd signature)`);
  return data.subarray(SIGNATURE.length);
};
const gzipAsync = promisify(gzip);
/** Index files compressed at once at most: each waits for a thread of libuv's pool. */
const IN_FLIGHT = 8;

/**
 * Writes Pagefind files (gzip of the signature and the bytes), compressed on
 * libuv's threads while the merge goes on: compression is most of a merge's
 * work, and after rendering the other core is free.
 */
class PackedWriter {
  private pending = new Set<Promise<void>>();
  private failure: unknown;

  async write(file: string, parts: readonly Uint8Array[]): Promise<void> {
    if (this.failure) throw this.failure;
    const p: Promise<void> = gzipAsync(Buffer.concat([SIGNATURE, ...parts]))
      .then((packed) => writeFileSync(file, packed))
      .catch((e: unknown) => {
        this.failure ??= e;
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
    if (this.pending.size >= IN_FLIGHT) await Promise.race(this.pending);
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}
const digest = (parts: readonly Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p);
  return hash.digest('hex');
};

/** A UTF-16 unit of a character beyond U+FFFF. */
const astral = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * Code point order, which is how Pagefind (Rust strings, UTF-8 bytes) sorts
 * words and chunk bounds. JavaScript's `<` compares UTF-16 units, which
 * agrees unless a character beyond U+FFFF meets one from U+E000 to U+FFFF.
 */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (astral(x) !== astral(y) && Math.max(x, y) >= 0xe000) return astral(x) ? 1 : -1;
  return x - y;
}

/** Pagefind's chunk bounds: the shortest prefixes that still tell two neighbouring chunks apart. */
export function chunkBounds(last: string, next: string): [string, string] {
  const a = [...last];
  const b = [...next];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

function readMeta(file: string) {
  const r = new CborReader(unpack(file));
  const fields = r.array();
  if (fields < 5)
    throw new MergeError(`${file}: 元数据字段不足 (expected ≥ 5 fields, found ${fields})`);
  const version = r.text();
  const pages: { hash: string; length: number; rest: Uint8Array }[] = [];
  for (let i = r.array(); i > 0; i--) {
    const length = r.array();
    const hash = r.text();
    const start = r.pos;
    for (let k = 1; k < length; k++) r.skip();
    pages.push({ hash, length, rest: r.buf.subarray(start, r.pos) });
  }
  const chunks: string[] = [];
  for (let i = r.array(); i > 0; i--) {
    r.array();
    r.text();
    r.text();
    chunks.push(r.text());
  }
  const filters: { name: string; hash: string }[] = [];
  for (let i = r.array(); i > 0; i--) {
    r.array();
    filters.push({ name: r.text(), hash: r.text() });
  }
  const sorts: { key: string; pages: number[] }[] = [];
  for (let i = r.array(); i > 0; i--) {
    r.array();
    sorts.push({ key: r.text(), pages: r.value() as number[] });
  }
  const rest: CborValue[] = [];
  for (let k = 5; k < fields; k++) rest.push(r.value());
  return { version, pages, chunks, filters, sorts, rest };
}

/**
 * One shard's words in Pagefind's order, a chunk file at a time (so merging
 * holds one chunk per shard in memory, not the archive's index), each with
 * its page list moved up by `offset`.
 */
class ShardWords {
  private chunk = 0;
  private reader: CborReader | null = null;
  private left = 0;
  /** The current word and its part of the merged page list; null once every chunk is read. */
  word: string | null = null;
  part: WordPart | null = null;

  constructor(
    private readonly files: readonly string[],
    private readonly offset: number,
  ) {
    this.next();
  }

  next(): void {
    while (!this.left) {
      if (this.chunk >= this.files.length) {
        this.word = this.part = null;
        return;
      }
      const file = this.files[this.chunk++]!;
      this.reader = new CborReader(unpack(file));
      this.reader.array();
      this.left = this.reader.array();
    }
    this.left--;
    const r = this.reader!;
    const fields = r.array();
    const word = r.text();
    // Pagefind may list a word with no page (an empty word, seen in fuzzed articles): kept, adds none.
    const count = r.array();
    let entryLength = 0;
    let page = this.offset;
    let first = 0;
    let bodyStart = 0;
    let positions = 0;
    for (let i = 0; i < count; i++) {
      const length = r.array();
      if (length < 2 || (entryLength && length !== entryLength))
        throw new MergeError(`词 ${word} 的页面条目形状未知 (page entry of ${length} fields)`);
      entryLength = length;
      page += r.uint();
      if (i === 0) {
        first = page;
        bodyStart = r.pos;
      }
      for (let k = 1; k < length; k++) positions += r.skip();
    }
    const body = r.buf.subarray(bodyStart, r.pos);
    const tailStart = r.pos;
    for (let k = 2; k < fields; k++) r.skip();
    const tail = r.buf.subarray(tailStart, r.pos);
    this.word = word;
    this.part = { first, last: page, count, entryLength, body, positions, tail, fields };
  }
}

/** Writes one word's entry over every shard; returns the number of pages it is on. */
function writeWord(w: CborWriter, word: string, parts: readonly WordPart[]): number {
  const { fields, tail } = parts[0]!;
  for (const p of parts)
    if (p.fields !== fields || !Buffer.from(p.tail).equals(Buffer.from(tail)))
      throw new MergeError(
        `词 ${word} 在各分片中的附加字段不同 (word entries differ beyond pages)`,
      );
  const pages = parts.reduce((n, p) => n + p.count, 0);
  w.array(fields).text(word);
  w.array(pages);
  let previous = 0;
  for (const p of parts) {
    if (!p.count) continue;
    w.array(p.entryLength)
      .uint(p.first - previous)
      .raw(p.body);
    previous = p.last;
  }
  w.raw(tail);
  return pages;
}

const isTextList = (v: CborValue | undefined): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The metadata's fields after the sorts (Pagefind 1.6: the names of the
 * pages' metadata fields): lists of names are joined, anything else must agree.
 */
function mergeRest(a: CborValue[], b: CborValue[], dir: string): CborValue[] {
  if (a.length !== b.length)
    throw new MergeError(`${dir}: 元数据字段数与其他分片不同 (metadata differs)`);
  return a.map((x, i) => {
    const y = b[i];
    if (isTextList(x) && isTextList(y)) return [...new Set([...x, ...y])].sort(byCodePoint);
    if (JSON.stringify(x) !== JSON.stringify(y))
      throw new MergeError(`${dir}: 元数据的其余字段与其他分片不同 (metadata differs)`);
    return x;
  });
}

/** Links a file, or copies it where linking is refused. */
function put(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export interface MergeResult {
  pages: number;
  chunks: number;
  /** Fragments renamed because two shards gave different pages the same short hash. */
  renamed: number;
}

/**
 * Writes into `out` (an empty folder) one Pagefind bundle holding every page
 * of `bundles` (shard output folders, oldest articles first: their date
 * ranges follow one another, so each sort order is the shards' orders one
 * after the other). Pagefind's runtime (its script and WebAssembly) comes
 * from the newest bundle, the only one that keeps it (write-shard.ts).
 */
export async function mergeBundles(bundles: readonly string[], out: string): Promise<MergeResult> {
  const packed = new PackedWriter();
  if (!bundles.length) throw new MergeError('没有可合并的分片 (no bundles)');
  const entries = bundles.map(
    (dir) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry,
  );
  const newest = bundles[bundles.length - 1]!;
  for (const e of entries)
    if (!MERGED_VERSIONS.includes(e.version) || e.version !== entries[0]!.version)
      throw new MergeError(
        `Pagefind ${e.version} 的索引格式未经核对，无法合并分片 (expected Pagefind ${MERGED_VERSIONS.join(' or ')}, found ${e.version})`,
      );
  mkdirSync(join(out, 'index'), { recursive: true });
  mkdirSync(join(out, 'filter'), { recursive: true });
  mkdirSync(join(out, 'fragment'), { recursive: true });
  // Runtime files from the newest bundle; the index files are written below.
  for (const e of readdirSync(newest, { withFileTypes: true }))
    if (
      e.isFile() &&
      e.name !== 'pagefind-entry.json' &&
      e.name !== SHARD_WORDS_FILE &&
      !e.name.endsWith('.pf_meta')
    )
      put(join(newest, e.name), join(out, e.name));

  const languages = [...new Set(entries.flatMap((e) => Object.keys(e.languages)))].sort();
  const entry: Entry = { ...entries[entries.length - 1]!, languages: {} };
  const result: MergeResult = { pages: 0, chunks: 0, renamed: 0 };
  /** Every index chunk written, for the warm-up word. */
  const summaries: ChunkSummary[] = [];
  /** Fragment file names taken so far (all languages share the folder). */
  const fragments = new Set<string>();

  for (const lang of languages) {
    const sources = bundles
      .map((dir, i) => ({ dir, index: entries[i]!.languages[lang] }))
      .filter((s): s is { dir: string; index: Entry['languages'][string] } => !!s.index);
    const streams: ShardWords[] = [];
    const pages: { hash: string; length: number; rest: Uint8Array }[] = [];
    const filters = new Map<string, Map<string, number[]>>();
    const sorts = new Map<string, number[]>();
    let rest: CborValue[] | undefined;
    let version = '';
    for (const { dir, index } of sources) {
      const meta = readMeta(join(dir, `pagefind.${index.hash}.pf_meta`));
      const offset = pages.length;
      version = meta.version;
      rest = rest ? mergeRest(rest, meta.rest, dir) : meta.rest;
      for (const p of meta.pages) {
        // Two shards may give different pages the same short hash: the later one is renamed.
        let hash = p.hash;
        for (let n = 1; fragments.has(hash); n++) hash = `${p.hash}x${n}`;
        if (hash !== p.hash) result.renamed++;
        fragments.add(hash);
        put(
          join(dir, 'fragment', `${p.hash}.pf_fragment`),
          join(out, 'fragment', `${hash}.pf_fragment`),
        );
        pages.push({ ...p, hash });
      }
      streams.push(
        new ShardWords(
          meta.chunks.map((hash) => join(dir, 'index', `${hash}.pf_index`)),
          offset,
        ),
      );
      for (const f of meta.filters) {
        const r = new CborReader(unpack(join(dir, 'filter', `${f.hash}.pf_filter`)));
        r.array();
        const name = r.text();
        let values = filters.get(name);
        if (!values) filters.set(name, (values = new Map()));
        for (let i = r.array(); i > 0; i--) {
          r.array();
          const value = r.text();
          const list = values.get(value) ?? [];
          for (const n of r.value() as number[]) list.push(n + offset);
          values.set(value, list);
        }
      }
      for (const s of meta.sorts) {
        const list = sorts.get(s.key) ?? [];
        for (const n of s.pages) list.push(n + offset);
        sorts.set(s.key, list);
      }
    }

    const named = (parts: readonly Uint8Array[]) => `${lang}_${digest(parts).slice(0, 12)}`;
    // Words in Pagefind's order (each shard's already is: a merge of sorted lists), cut
    // into chunks of about CHUNK_POSITIONS positions.
    const chunks: { from: string; to: string; hash: string }[] = [];
    let w = new CborWriter();
    let inChunk: string[] = [];
    let size = 0;
    let top = { word: '', pages: 0 };
    const flush = async () => {
      const parts = [new CborWriter().array(1).array(inChunk.length).bytes(), ...w.chunks()];
      const hash = named(parts);
      await packed.write(join(out, 'index', `${hash}.pf_index`), parts);
      chunks.push({ from: inChunk[0]!, to: inChunk[inChunk.length - 1]!, hash });
      summaries.push({ ...top, bytes: parts.reduce((n, p) => n + p.length, 0) });
      w = new CborWriter();
      inChunk = [];
      size = 0;
      top = { word: '', pages: 0 };
    };
    let previous: string | null = null;
    for (;;) {
      let word: string | null = null;
      for (const s of streams)
        if (s.word !== null && (word === null || byCodePoint(s.word, word) < 0)) word = s.word;
      if (word === null) break;
      if (previous !== null && byCodePoint(previous, word) >= 0)
        throw new MergeError(`词 ${word} 的顺序不对 (words out of order)`);
      previous = word;
      const parts: WordPart[] = [];
      for (const s of streams)
        if (s.word === word) {
          parts.push(s.part!);
          s.next();
        }
      const onPages = writeWord(w, word, parts);
      if (onPages > top.pages) top = { word, pages: onPages };
      inChunk.push(word);
      size += parts.reduce((n, p) => n + p.positions + p.count, 0);
      if (size >= CHUNK_POSITIONS) await flush();
    }
    if (inChunk.length) await flush();
    for (let i = 0; i + 1 < chunks.length; i++)
      [chunks[i]!.to, chunks[i + 1]!.from] = chunkBounds(chunks[i]!.to, chunks[i + 1]!.from);

    const filterList: { name: string; hash: string }[] = [];
    for (const name of [...filters.keys()].sort(byCodePoint)) {
      const values = filters.get(name)!;
      const f = new CborWriter().array(2).text(name).array(values.size);
      for (const value of [...values.keys()].sort(byCodePoint))
        f.array(2).text(value).value(values.get(value)!);
      const body = f.bytes();
      const hash = named([body]);
      await packed.write(join(out, 'filter', `${hash}.pf_filter`), [body]);
      filterList.push({ name, hash });
    }

    const m = new CborWriter().array(5 + (rest?.length ?? 0)).text(version);
    m.array(pages.length);
    for (const p of pages) m.array(p.length).text(p.hash).raw(p.rest);
    m.array(chunks.length);
    for (const c of chunks) m.array(3).text(c.from).text(c.to).text(c.hash);
    m.array(filterList.length);
    for (const f of filterList) m.array(2).text(f.name).text(f.hash);
    m.array(sorts.size);
    for (const [key, list] of sorts) m.array(2).text(key).value(list);
    for (const v of rest ?? []) m.value(v);
    const meta = m.bytes();
    const metaHash = named([meta]);
    await packed.write(join(out, `pagefind.${metaHash}.pf_meta`), [meta]);
    entry.languages[lang] = {
      hash: metaHash,
      wasm: sources[sources.length - 1]!.index.wasm,
      page_count: pages.length,
    };
    result.pages += pages.length;
    result.chunks += chunks.length;
  }
  await packed.done();
  // Kept beside the bundle, not served: the manifest names it (src/integrations/pagefind.ts).
  const warm = chooseWarmWord(summaries, result.pages);
  if (warm) writeFileSync(join(out, WARM_WORD_FILE), warm);
  writeFileSync(join(out, 'pagefind-entry.json'), JSON.stringify(entry));
  return result;
}
