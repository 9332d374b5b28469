/**
 * What a built site's search index holds, read back from Pagefind's own
 * files: the fragment of every page the bundle's metadata lists, by URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, toRecord } from '../../src/lib/search/records';
import { fragmentFiles, readBundle, type Fragment } from './pagefind-bundle';

export type IndexedFragment = Fragment;

export function indexedFragments(dist: string): Map<string, IndexedFragment> {
  const dir = join(dist, 'pagefind');
  const bundle = readBundle(dir);
  const out = new Map<string, IndexedFragment>();
  bundle.pages.forEach((_, i) => {
    const f = bundle.fragment(i);
    if (out.has(f.url)) throw new Error(`${f.url} indexed twice`);
    out.set(f.url, f);
  });
  const files = fragmentFiles(dir).length;
  if (files !== out.size) throw new Error(`${files} fragment files for ${out.size} pages`);
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
