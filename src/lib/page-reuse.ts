/**
 * Warm builds: an article page, or a page of a channel's list, none of
 * whose inputs changed since the last build is written from the previous
 * output instead of being rendered again (rendering 10,000 pages is most of
 * a warm build; a channel's ~90 list pages change only around an edited or
 * new article). A page's key covers everything it is made from: the code
 * and packages that render it (every file under src/, the Astro config, the
 * lockfile), the public origin, the site-wide data its header and footer
 * show, and everything its page view holds: for an article, its file (the
 * loader's digest), neighbours for 上一篇/下一篇, 相关稿件 and promos; for a
 * list page, its articles as listed and its place in the pagination. A
 * previous page is carried over only when its key matches and its bytes are
 * the ones that build wrote (a digest of each page is kept with its key,
 * read again only when the file's stamp changed: file-stamp.ts); it is then
 * not rendered at all but linked into the output, and handed to the sitemap
 * and the search index as if rendered.
 * tests/build/warm-build.test.ts proves a warm build byte-identical to a
 * cold one.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './content/paths';
import { fileStamp } from './file-stamp';
import { writeJsonFile } from './json-file';
import { listFiles } from './site-files';
import { siteUrl } from './urls';

/**
 * What the last build wrote: per page id (an article's id, `channel:<id>:<n>`
 * for a channel's list page), its key, the page's digest and its file stamp
 * (file-stamp.ts: an unchanged stamp spares reading the page).
 */
type PageKeys = Record<string, { key: string; sha: string; stamp?: string | null }>;

const keysFile = () => join(buildCacheDir(), 'feigong-pages', 'page-keys.json');
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** The previous output folder, set by scripts/lib/build/run.ts when there is one. */
export const PREVIOUS_OUT_ENV = 'FEIGONG_PREVIOUS_OUT';
/** This build's output folder (Astro's outDir), set with the previous one. */
export const BUILD_OUT_ENV = 'FEIGONG_BUILD_OUT';

let codeDigest: string | undefined;
/** Everything that renders a page, the same for all pages of a build. */
export function renderCode(root = process.cwd()): string {
  if (codeDigest) return codeDigest;
  const hash = createHash('sha256').update(`${process.version}\0${siteUrl()}\0`);
  const src = join(root, 'src');
  for (const f of listFiles(src)) hash.update(`src${f}\0`).update(readFileSync(join(src, f)));
  for (const f of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json'])
    if (existsSync(join(root, f))) hash.update(`${f}\0`).update(readFileSync(join(root, f)));
  return (codeDigest = hash.digest('hex'));
}

/**
 * Keys pages: their render code, the site data and each page's own inputs.
 * The shared part is serialised once, not once a page.
 */
export function pageKeys(siteData: unknown): (pageInputs: unknown) => string {
  // Hashed once: the site data is kilobytes, hashed again per page it cost 0.4 s at 10,000.
  const shared = sha(`${renderCode()}\0${JSON.stringify(siteData)}`);
  return (pageInputs) => sha(`${shared}\0${JSON.stringify(pageInputs)}`);
}

/** The keys and page digests the last build kept, or null. */
function previousKeys(): PageKeys | null {
  try {
    return JSON.parse(readFileSync(keysFile(), 'utf8')) as PageKeys;
  } catch {
    return null;
  }
}

/** What this build does with each page it may carry over, shared by the routes and the integrations. */
const REGISTRY = Symbol.for('feigong.reusablePages');
/** The routes whose pages may be carried over. */
export type PageGroup = 'articles' | 'channels';
interface PagePlan {
  group: PageGroup;
  key: string;
  pathname: string;
  /** Digest of the previous page when it is carried over instead of rendered. */
  carried?: string;
}
type Registry = Map<string, PagePlan>;
const registry = (): Registry => {
  const g = globalThis as { [REGISTRY]?: Registry };
  return (g[REGISTRY] ??= new Map());
};

/**
 * Decides which pages of one route (`group`) to render: those whose key
 * changed, or whose previous page is missing or not what the last build
 * wrote. The others are carried over from the previous output
 * (linkCarriedPages) and never rendered.
 */
export function pagesToRender<T extends { id: string; key: string; pathname: string }>(
  pages: readonly T[],
  group: PageGroup,
): T[] {
  const out = process.env[PREVIOUS_OUT_ENV];
  const keys = out ? previousKeys() : null;
  const render: T[] = [];
  for (const [id, plan] of registry()) if (plan.group === group) registry().delete(id);
  for (const p of pages) {
    const last = keys?.[p.id];
    let carried: string | undefined;
    if (out && last && last.key === p.key) {
      const file = join(out, p.pathname, 'index.html');
      try {
        if (last.stamp && fileStamp(file)?.id === last.stamp) carried = last.sha;
        else if (sha(readFileSync(file)) === last.sha) carried = last.sha;
      } catch {
        // Gone from the previous output: render it.
      }
    }
    registry().set(p.id, { group, key: p.key, pathname: p.pathname, carried });
    if (!carried) render.push(p);
  }
  // Linked now, while Astro renders the others: the search indexer reads MDX pages as they appear.
  linkCarriedPages(process.env[BUILD_OUT_ENV]);
  return render;
}

/** Pathnames (`articles/x/`, `channel/x/2/`) of the pages carried over from the previous output. */
export const carriedPathnames = (): string[] =>
  [...registry().values()].filter((p) => p.carried).map((p) => p.pathname);

/**
 * Puts the carried pages into this build's output (once: when the pages are
 * planned, and again after rendering for any still missing): hard links (the previous
 * output is replaced by this one when the build succeeds), copies where
 * linking is refused.
 */
export function linkCarriedPages(outDir: string | undefined): void {
  const from = process.env[PREVIOUS_OUT_ENV];
  if (!from || !outDir) return;
  for (const pathname of carriedPathnames()) {
    const src = join(from, pathname, 'index.html');
    const dst = join(outDir, pathname, 'index.html');
    if (existsSync(dst)) continue;
    mkdirSync(join(dst, '..'), { recursive: true });
    try {
      linkSync(src, dst);
    } catch {
      copyFileSync(src, dst);
    }
  }
}

/** After the build wrote its pages: keeps each page's key and digest for the next build. */
export function writePageKeys(
  out: string,
): Record<PageGroup, { rendered: number; reused: number }> {
  const keys: PageKeys = {};
  const counts = {
    articles: { rendered: 0, reused: 0 },
    channels: { rendered: 0, reused: 0 },
  };
  for (const [id, page] of [...registry()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = join(out, page.pathname, 'index.html');
    // Carried pages are links to the previous ones: the same file, the same stamp.
    const stamp = fileStamp(file);
    keys[id] = {
      key: page.key,
      sha: page.carried ?? sha(readFileSync(file)),
      stamp: stamp?.settled ? stamp.id : null,
    };
    counts[page.group][page.carried ? 'reused' : 'rendered']++;
  }
  writeJsonFile(keysFile(), keys);
  return counts;
}
