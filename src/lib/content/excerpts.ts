import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonFile } from '../json-file';
import type { ArticleData, StoredArticleData } from '../schema/article';
import { buildCacheDir } from './paths';

/**
 * Article excerpts, kept beside Astro's content store rather than in it,
 * like the rendered bodies (html-cache.ts): Astro turns the whole store into
 * one module that Rollup bundles at every build, and the excerpts were over
 * 40 % of it (3.7 of 8.6 MB at 10,000 articles). Keyed by the loader's
 * content digest, so an excerpt never outlives the file it was made from.
 */
const excerptsPath = () => join(buildCacheDir(), 'feigong-excerpts.json');

/** digest → excerpt, as the last content sync wrote them (empty when there is none). */
export function readExcerpts(): Map<string, string> {
  try {
    const raw = JSON.parse(readFileSync(excerptsPath(), 'utf8')) as unknown;
    if (raw && typeof raw === 'object')
      return new Map(
        Object.entries(raw as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
  } catch {
    // None yet, or unreadable: the loader parses the articles again.
  }
  return new Map();
}

export function writeExcerpts(byDigest: Iterable<readonly [string, string]>): void {
  writeJsonFile(excerptsPath(), Object.fromEntries(byDigest));
}

/** What goes into the content store: the article without its excerpt. */
export function storedData({ excerpt: _excerpt, ...stored }: ArticleData): StoredArticleData {
  return stored;
}

/** Store entries (with the loader's digest) with their excerpts put back. */
export function withExcerpts<E extends { id: string; data: StoredArticleData }>(
  entries: readonly E[],
  excerpts = readExcerpts(),
): (Omit<E, 'data'> & { data: ArticleData })[] {
  return entries.map((e) => {
    const { digest } = e as E & { digest?: unknown };
    const excerpt = typeof digest === 'string' ? excerpts.get(digest) : undefined;
    if (excerpt === undefined)
      throw new Error(
        `文章 ${e.id} 的摘要缓存缺失：请重新构建 (excerpt missing from the build cache; rebuild)`,
      );
    return { ...e, data: { ...e.data, excerpt } };
  });
}
