import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What URLs the built site will have, known before building: the routes in
 * src/pages, the articles and channels, and the files in public/. Used to
 * report links to pages that do not exist and aliases that would shadow a page.
 */
export interface SiteIndex {
  articleSlugs: ReadonlySet<string>;
  channelIds: ReadonlySet<string>;
  /** Static routes of src/pages, e.g. `/notices/`, `/rss.xml`. */
  staticPaths: ReadonlySet<string>;
  /** Dynamic routes this module does not know the values of (added later by other features). */
  otherDynamic: readonly RegExp[];
  /** Project root holding public/ and src/pages. */
  root: string;
}

const PAGE_EXT = /\.(astro|md|mdx|ts|js|mjs)$/;

/** Routes of src/pages, split into static paths and dynamic patterns. */
export function scanRoutes(root = process.cwd()): {
  staticPaths: Set<string>;
  dynamic: { route: string; re: RegExp }[];
} {
  const pagesDir = join(root, 'src/pages');
  const staticPaths = new Set<string>();
  const dynamic: { route: string; re: RegExp }[] = [];
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('_') || e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        walk(join(dir, e.name), `${prefix}${e.name}/`);
        continue;
      }
      if (!PAGE_EXT.test(e.name)) continue;
      const name = e.name.replace(PAGE_EXT, '');
      // An endpoint keeps its extension (rss.xml); a page becomes a folder URL.
      const route = name.includes('.')
        ? `/${prefix}${name}`
        : name === 'index'
          ? `/${prefix}`
          : `/${prefix}${name}/`;
      if (!route.includes('[')) {
        staticPaths.add(route);
        continue;
      }
      const pattern = route
        .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
        .map((part) =>
          part.startsWith('[...')
            ? '.*'
            : part.startsWith('[')
              ? '[^/]+'
              : part.replace(/[.*+?^${}()|\\]/g, '\\$&'),
        )
        .join('');
      dynamic.push({ route, re: new RegExp(`^${pattern.replace(/\/\.\*\//g, '/(?:.*/)?')}$`) });
    }
  };
  walk(pagesDir, '');
  return { staticPaths, dynamic };
}

export function siteIndex(
  articleSlugs: Iterable<string>,
  channelIds: Iterable<string>,
  root = process.cwd(),
): SiteIndex {
  const { staticPaths, dynamic } = scanRoutes(root);
  const known = /^\/(articles|channel)\//;
  // Written by integrations at the end of the build, not by src/pages.
  for (const generated of ['/sitemap-index.xml', '/sitemap-0.xml', '/_redirects'])
    staticPaths.add(generated);
  return {
    articleSlugs: new Set(articleSlugs),
    channelIds: new Set(channelIds),
    staticPaths,
    otherDynamic: dynamic.filter((d) => !known.test(d.route)).map((d) => d.re),
    root,
  };
}

/** `/a/b` and `/a/b/` are one page; query and fragment do not matter. */
export function normalizePath(path: string): string {
  let p = path.replace(/[?#].*$/, '');
  try {
    p = decodeURI(p);
  } catch {
    /* keep as written */
  }
  if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
  if (!p.endsWith('/') && !/\.[a-z0-9]+$/i.test(p.split('/').pop() ?? '')) p += '/';
  return p;
}

/** Whether a site-absolute path will exist in the built site. */
export function pageExists(path: string, idx: SiteIndex): boolean {
  const p = normalizePath(path);
  const article = /^\/articles\/([^/]+)\/$/.exec(p);
  if (article) return idx.articleSlugs.has(article[1]!);
  const channel = /^\/channel\/([^/]+)\/(?:(\d+)\/|rss\.xml)?$/.exec(p);
  if (channel)
    return idx.channelIds.has(channel[1]!) && (channel[2] === undefined || Number(channel[2]) >= 1);
  if (idx.staticPaths.has(p)) return true;
  if (publicFileExists(p, idx.root)) return true;
  return idx.otherDynamic.some((re) => re.test(p));
}

export function publicFileExists(path: string, root: string): boolean {
  const clean = path.replace(/[?#].*$/, '');
  if (clean.includes('..')) return false;
  const abs = resolve(root, 'public', `.${clean}`);
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}
