/**
 * The built site as a list of files, and the mapping from a URL path to the
 * file a static host would serve for it (Astro's directory format).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';

/** Every file under `dist`, as site paths (`/articles/x/index.html`), sorted. */
export function listFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(dist, '/');
  return out;
}

export const isHtml = (path: string) => path.endsWith('.html');

/** The page URL a built HTML file is served at: `/a/index.html` → `/a/`. */
export function pageUrl(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * The file a static host serves for `urlPath` (no query or fragment), or
 * undefined: `/a/` → `/a/index.html`, `/a` → `/a/index.html` or `/a.html`.
 */
export function resolveUrlPath(
  dist: string,
  urlPath: string,
  files?: ReadonlySet<string>,
): string | undefined {
  let path: string;
  try {
    path = posix.normalize(decodeURIComponent(urlPath));
  } catch {
    return undefined;
  }
  if (!path.startsWith('/')) return undefined;
  const candidates = path.endsWith('/')
    ? [`${path}index.html`]
    : [path, `${path}/index.html`, `${path}.html`];
  for (const c of candidates) {
    if (files ? files.has(c) : isFile(join(dist, c.split('/').join(sep)))) return c;
  }
  return undefined;
}

function isFile(abs: string): boolean {
  return existsSync(abs) && statSync(abs).isFile();
}
