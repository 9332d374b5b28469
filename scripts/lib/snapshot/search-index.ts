import { normalize } from '../../../src/lib/search/query';
import { encodePostings, gramsOf, shardOf } from './browser/grams';
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
  /** Documents per text chunk file. */
  chunkSize?: number;
  /** Target size of one key shard file, in bytes. */
  shardBytes?: number;
}

/**
 * Builds the offline index as classic scripts under `search/`: `index.js`
 * (sizes, channels, per-document channel and year for filtering), `g/N.js`
 * key shards (posting lists) and `t/N.js` text chunks. Every file calls a
 * global set up by the search page, so `<script>` tags load it from file://.
 */
export function buildOfflineIndex(
  input: OfflineDoc[],
  opts: IndexOptions = {},
): Map<string, string> {
  const chunkSize = opts.chunkSize ?? 25;
  const docs = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const postings = new Map<string, number[]>();
  docs.forEach((doc, n) => {
    const grams = gramsOf(normalize(doc.title));
    for (const g of gramsOf(normalize(doc.text))) grams.add(g);
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(n);
      else postings.set(g, [n]);
    }
  });
  const encoded = [...postings.keys()]
    .sort()
    .map((g) => [g, encodePostings(postings.get(g)!, docs.length)] as const);
  const total = encoded.reduce((s, [g, c]) => s + g.length * 3 + c.length + 6, 0);
  let shards = 1;
  while (shards < 4096 && total / shards > (opts.shardBytes ?? 48_000)) shards *= 2;

  const files = new Map<string, string>();
  const byShard: Record<string, string>[] = Array.from({ length: shards }, () => ({}));
  for (const [g, code] of encoded) byShard[shardOf(g, shards)]![g] = code;
  byShard.forEach((keys, i) =>
    files.set(`search/g/${i}.js`, `FeigongOffline.keys(${i},${JSON.stringify(keys)});\n`),
  );

  for (let c = 0; c * chunkSize < docs.length; c++) {
    const rows = docs
      .slice(c * chunkSize, (c + 1) * chunkSize)
      .map((d) => [d.id, d.path, d.title, d.date, d.channel, d.text]);
    files.set(`search/t/${c}.js`, `FeigongOffline.texts(${c},${JSON.stringify(rows)});\n`);
  }

  const channels = [...new Set(docs.map((d) => d.channel))].sort();
  const years = docs.map((d) => new Date(Date.parse(d.date) + 8 * 3600_000).getUTCFullYear());
  const info = {
    docCount: docs.length,
    chunkSize,
    shards,
    channels,
    docChannel: docs.map((d) => channels.indexOf(d.channel)),
    docYear: years,
  };
  files.set('search/index.js', `FeigongOffline.init(${JSON.stringify(info)});\n`);
  return files;
}
