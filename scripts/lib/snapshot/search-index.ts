import { normalize } from '../../../src/lib/search/query';
import type { RawOfflineInfo } from './browser/engine';
import {
  encodeInts,
  gramCounts,
  ownKeyFile,
  PostingWriter,
  scriptJson,
  shardOf,
} from './browser/grams';
import { extractArticle } from '../../../src/lib/search/records';

/** One article as the offline search stores it (original text; normalized in the browser). */
export interface OfflineDoc {
  id: string;
  /** Page file in the snapshot, e.g. `articles/x/index.html`. */
  path: string;
  title: string;
  date: string;
  channel: string;
  text: string;
}

/**
 * Reads an article page as built, with the online index's own reader
 * (extractArticle: title, body text and the page's data-search), so both
 * searches see the same documents. Not an article → null.
 */
export function docFromPage(path: string, html: string): OfflineDoc | null {
  const m = /^articles\/([^/]+)\/index\.html$/.exec(path);
  if (!m) return null;
  const article = extractArticle(html);
  if (!article?.title || !article.data.date) return null;
  return {
    id: m[1]!,
    path,
    title: article.title,
    date: article.data.date,
    channel: article.data.channel,
    text: article.text,
  };
}

export interface IndexOptions {
  /** Target size of one key shard file, in bytes. */
  shardBytes?: number;
  /** A posting list longer than this (characters) gets a file of its own. */
  ownFileChars?: number;
}

/**
 * Builds the offline index as classic scripts under `search/` (see
 * browser/engine.ts for how the page reads them):
 *
 * - `index.js`: per document (numbered newest first) its channel, year,
 *   body length and text file size;
 * - `g/N.js`: key shards, key → posting list (documents with the key's body
 *   and title counts); a long list is `@` there and lives in `g/k/<hex>.js`;
 * - `t/N.js`: one document each (id, page, title, date, channel, text).
 *
 * Every file calls a global set up by the search page, so `<script>` tags
 * load it from file://; article text is JSON with `<`, `>`, U+2028 and
 * U+2029 escaped, so nothing in it can end the script or run.
 */
export function buildOfflineIndex(
  input: OfflineDoc[],
  opts: IndexOptions = {},
): Map<string, string> {
  const ownFileChars = opts.ownFileChars ?? 4096;
  // Newest first, then by id: compareRanked's tie order, so a document's number is its rank.
  const time = (d: OfflineDoc) => new Date(d.date).getTime() || 0;
  const docs = [...input].sort(
    (a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const postings = new Map<string, PostingWriter>();
  const docLen: number[] = [];
  docs.forEach((doc, n) => {
    const body = normalize(doc.text);
    docLen.push(body.length);
    const title = gramCounts(normalize(doc.title));
    const counts = gramCounts(body);
    for (const g of title.keys()) if (!counts.has(g)) counts.set(g, 0);
    for (const [g, c] of counts) {
      let w = postings.get(g);
      if (!w) postings.set(g, (w = new PostingWriter()));
      w.add(n, c, title.get(g) ?? 0);
    }
  });

  const files = new Map<string, string>();
  const encoded: [string, string][] = [];
  for (const g of [...postings.keys()].sort()) {
    const code = postings.get(g)!.toString();
    if (code.length > ownFileChars) {
      files.set(
        `search/${ownKeyFile(g)}`,
        `FeigongOffline.key(${scriptJson(g)},${scriptJson(code)});\n`,
      );
      encoded.push([g, '@']);
    } else encoded.push([g, code]);
  }
  const total = encoded.reduce((s, [g, c]) => s + g.length * 3 + c.length + 6, 0);
  let shards = 1;
  while (shards < 65536 && total / shards > (opts.shardBytes ?? 16_000)) shards *= 2;
  const byShard: Record<string, string>[] = Array.from({ length: shards }, () => ({}));
  for (const [g, code] of encoded) byShard[shardOf(g, shards)]![g] = code;
  byShard.forEach((keys, i) =>
    files.set(`search/g/${i}.js`, `FeigongOffline.keys(${i},${scriptJson(keys)});\n`),
  );

  const docBytes = docs.map((d, n) => {
    const body = `FeigongOffline.text(${n},${scriptJson([d.id, d.path, d.title, d.date, d.channel, d.text])});\n`;
    files.set(`search/t/${n}.js`, body);
    return Buffer.byteLength(body);
  });

  const channels = [...new Set(docs.map((d) => d.channel))].sort();
  const years = docs.map((d) => new Date(Date.parse(d.date) + 8 * 3600_000).getUTCFullYear());
  const firstYear = years.reduce((a, b) => Math.min(a, b), years[0] ?? 0);
  const info: RawOfflineInfo = {
    docCount: docs.length,
    shards,
    channels,
    docChannel: encodeInts(docs.map((d) => channels.indexOf(d.channel))),
    docYear: encodeInts(years.map((y) => y - firstYear)),
    firstYear,
    docLen: encodeInts(docLen),
    docKiB: encodeInts(docBytes.map((b) => Math.ceil(b / 1024))),
  };
  files.set('search/index.js', `FeigongOffline.init(${scriptJson(info)});\n`);
  return files;
}
