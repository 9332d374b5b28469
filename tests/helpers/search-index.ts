/**
 * What a built site's search index holds, read back from Pagefind's own
 * files: every shard's fragments (gzip, a "pagefind_dcd" signature, then the
 * record as JSON), by URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractArticle, toRecord } from '../../src/lib/search/records';
import type { ShardManifest } from '../../src/lib/search/shards';

export interface IndexedFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const SIGNATURE = 'pagefind_dcd';

export function indexedFragments(dist: string): Map<string, IndexedFragment> {
  const manifest = JSON.parse(
    readFileSync(join(dist, 'pagefind/shards.json'), 'utf8'),
  ) as ShardManifest;
  const out = new Map<string, IndexedFragment>();
  for (const shard of manifest.shards) {
    const dir = join(dist, shard.path, 'fragment');
    for (const name of readdirSync(dir)) {
      const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      if (!raw.startsWith(SIGNATURE)) throw new Error(`${name}: not a Pagefind fragment`);
      const f = JSON.parse(raw.slice(SIGNATURE.length)) as IndexedFragment;
      if (out.has(f.url)) throw new Error(`${f.url} indexed twice`);
      out.set(f.url, f);
    }
  }
  return out;
}

/** Pagefind keeps a record's words and drops its weight markers. */
const words = (content: string) =>
  content
    .replace(/___(?:END_)?PAGEFIND_WEIGHT___\d*/g, ' ')
    .trim()
    .split(/\s+/);

/**
 * Every way the index differs from the built article pages: a page not
 * indexed, an indexed URL with no page, or a record whose URL, title, date,
 * channel, source, text or words are not what the page shows. Empty when
 * the index is exactly the pages.
 */
export function indexMismatches(dist: string): string[] {
  const fragments = indexedFragments(dist);
  const problems: string[] = [];
  const pages = readdirSync(join(dist, 'articles')).map((d) => `/articles/${d}/`);
  for (const url of pages) {
    const article = extractArticle(readFileSync(join(dist, url, 'index.html'), 'utf8'));
    const indexed = fragments.get(url);
    if (!article || !indexed) {
      problems.push(`${url}: ${article ? 'not indexed' : 'no search body'}`);
      continue;
    }
    const page = toRecord(url, article);
    for (const [k, v] of Object.entries(page.meta))
      if (indexed.meta[k] !== v) problems.push(`${url}: meta.${k}`);
    if (words(indexed.content).join(' ') !== words(page.content).join(' '))
      problems.push(`${url}: words`);
    for (const [k, v] of Object.entries(page.filters))
      if (JSON.stringify(indexed.filters[k]) !== JSON.stringify(v))
        problems.push(`${url}: filter ${k}`);
  }
  const built = new Set(pages);
  for (const url of fragments.keys()) if (!built.has(url)) problems.push(`${url}: no page`);
  return problems;
}
