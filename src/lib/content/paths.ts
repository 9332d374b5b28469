import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Where editors' content lives. `FEIGONG_CONTENT` points the build (and the
 * checks) at another folder, which tests use for fixtures.
 */
export function contentRoot(): string {
  return resolve(process.env.FEIGONG_CONTENT ?? 'content');
}

export const articlesDir = () => join(contentRoot(), 'articles');
export const dataDir = () => join(contentRoot(), 'data');

/** Project-relative path with forward slashes, as shown to editors. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

/** Every `.mdx` file under `dir`, sorted so output order never depends on the disk. */
export function listArticleFiles(dir = articlesDir()): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.toLowerCase().endsWith('.mdx')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Astro's cache folder (its `cacheDir`), where the content layer keeps its
 * store and the build keeps rendered article bodies and QR codes between
 * builds. `FEIGONG_CACHE_DIR` gives test fixtures and benchmarks their own.
 */
export function buildCacheDir(): string {
  return resolve(process.env.FEIGONG_CACHE_DIR ?? 'node_modules/.astro');
}
