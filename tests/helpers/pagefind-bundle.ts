/**
 * A Pagefind bundle read back whole (small test sites only): its entry,
 * metadata, every word's pages (page numbers as Pagefind 1.6 writes them,
 * one after another as differences), filters, sorts and fragments. Files are
 * gzip of a "pagefind_dcd" signature, then CBOR (index) or JSON (fragments).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CborReader, type CborValue } from '../../src/integrations/search-index/cbor';
import { MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/shards';

const SIGNATURE = 'pagefind_dcd';

function unpack(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE)
    throw new Error(`${file}: not a Pagefind file`);
  return data.subarray(SIGNATURE.length);
}
const decode = (file: string) => new CborReader(unpack(file)).value() as CborValue[];

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface Bundle {
  version: string;
  pages: { hash: string; wordCount: number }[];
  chunks: { from: string; to: string; hash: string }[];
  /** Word → page numbers holding it, ascending. */
  words: Map<string, number[]>;
  filters: Map<string, Map<string, number[]>>;
  sorts: Map<string, number[]>;
  fragment(page: number): Fragment;
}

/** The bundle in `dir` (e.g. dist/pagefind), for its one language index. */
export function readBundle(dir: string): Bundle {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    version: string;
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const langs = Object.values(entry.languages);
  if (langs.length !== 1) throw new Error(`expected one language, found ${langs.length}`);
  const meta = decode(join(dir, `pagefind.${langs[0]!.hash}.pf_meta`));
  const [version, pages, chunks, filterList, sortList] = meta as [
    string,
    [string, number][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
  ];
  const words = new Map<string, number[]>();
  for (const [, , hash] of chunks) {
    const [list] = decode(join(dir, 'index', `${hash}.pf_index`)) as [
      [string, [number, ...CborValue[]][]][],
    ];
    for (const [word, entries] of list) {
      if (words.has(word)) throw new Error(`${word} in two chunks`);
      let page = 0;
      words.set(
        word,
        entries.map(([delta]) => (page += delta)),
      );
    }
  }
  const filters = new Map<string, Map<string, number[]>>();
  for (const [, hash] of filterList) {
    const [name, values] = decode(join(dir, 'filter', `${hash}.pf_filter`)) as [
      string,
      [string, number[]][],
    ];
    filters.set(name, new Map(values));
  }
  return {
    version,
    pages: pages.map(([hash, wordCount]) => ({ hash, wordCount })),
    chunks: chunks.map(([from, to, hash]) => ({ from, to, hash })),
    words,
    filters,
    sorts: new Map(sortList),
    fragment(page) {
      const hash = pages[page]![0];
      return JSON.parse(
        unpack(join(dir, 'fragment', `${hash}.pf_fragment`)).toString('utf8'),
      ) as Fragment;
    },
  };
}

/** The fragment files of a bundle folder. */
export const fragmentFiles = (dir: string) => readdirSync(join(dir, 'fragment'));

/** The path of the index chunk holding a built site's warm-up word (the manifest's `warm`). */
export function warmChunkPath(dist: string): string {
  const manifest = JSON.parse(
    readFileSync(join(dist, 'pagefind', MANIFEST_FILE), 'utf8'),
  ) as SearchManifest;
  const chunk = readBundle(join(dist, 'pagefind')).chunks.find(
    (c) => c.from <= manifest.warm! && manifest.warm! <= c.to,
  )!;
  return `/pagefind/index/${chunk.hash}.pf_index`;
}
