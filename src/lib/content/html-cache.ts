import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './paths';

/**
 * Rendered bodies of Markdown-path articles, one file per content digest in
 * the build cache, instead of in the content layer's store. Astro turns the
 * whole store into one JavaScript module that Rollup parses at every build;
 * with 10,000 rendered bodies in it that module was ~200 MB and bundling it
 * took most of the build. The store keeps only frontmatter and the digest;
 * the article page reads the body by digest when it renders.
 */
export const htmlCacheDir = () => join(buildCacheDir(), 'feigong-html');

export const htmlCachePath = (digest: string) => join(htmlCacheDir(), `${digest}.html`);

export const hasCachedHtml = (digest: string) => existsSync(htmlCachePath(digest));

export function writeCachedHtml(digest: string, html: string): void {
  mkdirSync(htmlCacheDir(), { recursive: true });
  writeFileSync(htmlCachePath(digest), html);
}

export function readCachedHtml(digest: string): string {
  const file = htmlCachePath(digest);
  if (!existsSync(file))
    throw new Error(
      `文章正文缓存缺失（${file}）：请重新构建 (rendered body missing from the build cache; rebuild)`,
    );
  return readFileSync(file, 'utf8');
}

/** Removes bodies no current article refers to, so the cache does not grow forever. */
export function pruneHtmlCache(keep: ReadonlySet<string>): void {
  if (!existsSync(htmlCacheDir())) return;
  for (const name of readdirSync(htmlCacheDir())) {
    if (!keep.has(name.replace(/\.html$/, ''))) rmSync(join(htmlCacheDir(), name), { force: true });
  }
}
