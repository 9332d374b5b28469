import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleData } from '../schema/article';
import { writeJsonFile } from '../json-file';
import { buildCacheDir } from './paths';

/**
 * What the search indexer needs of each article, written by the articles
 * loader at the end of content sync: the indexer starts while Astro still
 * bundles and renders (src/integrations/search-index/), so it cannot wait for
 * the pages. A Markdown-path body is read from the HTML cache by its digest;
 * an MDX body exists only once its page is built.
 */
export interface SearchInput {
  id: string;
  /** The loader's content digest: names the body in the HTML cache. */
  digest: string;
  mdx: boolean;
  draft: boolean;
  /** ISO instant. */
  date: string;
  title: string;
  channel: string;
  source: string;
}

export const searchInputsPath = () => join(buildCacheDir(), 'feigong-search', 'articles.json');

export function searchInput(id: string, digest: string, data: ArticleData): SearchInput {
  return {
    id,
    digest,
    mdx: data.mdx,
    draft: data.draft,
    date: new Date(data.date).toISOString(), // a Date, also when read back from the store
    title: data.title,
    channel: data.channel,
    source: data.source,
  };
}

export const writeSearchInputs = (list: readonly SearchInput[]): void =>
  writeJsonFile(searchInputsPath(), list);

export function readSearchInputs(): SearchInput[] {
  return JSON.parse(readFileSync(searchInputsPath(), 'utf8')) as SearchInput[];
}
