import { parseQuery } from '../../../src/lib/search/query';
import { decodePostings, gramsForTerm, shardOf } from './browser/grams';

/**
 * What the offline search page loads for a query, computed from the
 * snapshot's files the way `browser/app.ts` does it: the page's two scripts,
 * the key shards of the query's keys, and the text chunks of the candidates.
 */
export function offlineQueryCost(
  files: Map<string, Uint8Array>,
  query: string,
): { files: number; bytes: number; candidates: number } {
  const text = (p: string) => Buffer.from(files.get(p)!).toString('utf8');
  const info = JSON.parse(/init\((.*)\);\s*$/s.exec(text('search/index.js'))![1]!) as {
    docCount: number;
    chunkSize: number;
    shards: number;
  };
  const keys = [...new Set(parseQuery(query).flatMap(gramsForTerm))];
  const shards = [...new Set(keys.map((k) => shardOf(k, info.shards)))];
  const loaded = [
    'search/index.html',
    'search/app.js',
    'search/index.js',
    ...shards.map((s) => `search/g/${s}.js`),
  ];
  let acc: Uint8Array | null = null;
  for (const k of keys) {
    const shard = JSON.parse(
      /keys\(\d+,(.*)\);\s*$/s.exec(text(`search/g/${shardOf(k, info.shards)}.js`))![1]!,
    ) as Record<string, string>;
    const bits = shard[k]
      ? decodePostings(shard[k]!, info.docCount)
      : new Uint8Array(info.docCount);
    acc = acc ? acc.map((v, i) => v & bits[i]!) : bits;
  }
  const candidates = acc ? [...acc.keys()].filter((d) => acc![d]) : [];
  for (const c of new Set(candidates.map((d) => Math.floor(d / info.chunkSize))))
    loaded.push(`search/t/${c}.js`);
  return {
    files: loaded.length,
    bytes: loaded.reduce((s, p) => s + files.get(p)!.length, 0),
    candidates: candidates.length,
  };
}
