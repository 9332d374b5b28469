/**
 * Warm builds: an article page none of whose inputs changed since the last
 * build is written from the previous output instead of being rendered again
 * (rendering 10,000 pages is most of a warm build). A page's key covers
 * everything it is made from: the code and packages that render it (every
 * file under src/, the Astro config, the lockfile), the public origin, the
 * site-wide data its header and footer show, the article's file (the
 * loader's digest) and everything its page view holds (neighbours for
 * 上一篇/下一篇, 相关稿件, promos). A previous page is carried over only when
 * its key matches and its bytes are the ones that build wrote (a digest of
 * each page is kept with its key); it is then not rendered at all (Astro's
 * per-page cost is most of a warm build) but linked into the output, and
 * handed to the sitemap and the search index as if rendered.
 * tests/build/warm-build.test.ts proves a warm build byte-identical to a
 * cold one.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './content/paths';
import { writeJsonFile } from './json-file';
import { listFiles } from './site-files';
import { siteUrl } from './urls';

/** What the last build wrote: per article id, its page key and the page's digest. */
type PageKeys = Record<string, { key: string; sha: string }>;

const keysFile = () => join(buildCacheDir(), 'feigong-pages', 'article-pages.json');
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
 * Keys article pages: their render code, the site data and each page's own
 * inputs. The shared part is serialised once, not once a page.
 */
export function articlePageKeys(siteData: unknown): (pageInputs: unknown) => string {
  const shared = `${renderCode()}\0${JSON.stringify(siteData)}\0`;
  return (pageInputs) => sha(`${shared}${JSON.stringify(pageInputs)}`);
}

/** The keys and page digests the last build kept, or null. */
function previousKeys(): PageKeys | null {
  try {
    return JSON.parse(readFileSync(keysFile(), 'utf8')) as PageKeys;
  } catch {
    return null;
  }
}

/** What this build does with each article page, shared by the route and the integrations. */
const REGISTRY = Symbol.for('feigong.articlePages');
interface PagePlan {
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
 * Decides which article pages to render: those whose key changed, or whose
 * previous page is missing or not what the last build wrote. The others are
 * carried over from the previous output (linkCarriedPages) and never rendered.
 */
export function pagesToRender<T extends { id: string; key: string; pathname: string }>(
  pages: readonly T[],
): T[] {
  const out = process.env[PREVIOUS_OUT_ENV];
  const keys = out ? previousKeys() : null;
  const render: T[] = [];
  registry().clear();
  for (const p of pages) {
    const last = keys?.[p.id];
    let carried: string | undefined;
    if (out && last && last.key === p.key) {
      try {
        const digest = sha(readFileSync(join(out, p.pathname, 'index.html')));
        if (digest === last.sha) carried = digest;
      } catch {
        // Gone from the previous output: render it.
      }
    }
    registry().set(p.id, { key: p.key, pathname: p.pathname, carried });
    if (!carried) render.push(p);
  }
  // Linked now, while Astro renders the others: the search indexer reads MDX pages as they appear.
  linkCarriedPages(process.env[BUILD_OUT_ENV]);
  return render;
}

/** Pathnames (`articles/x/`) of the pages carried over from the previous output. */
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
export function writeArticlePageKeys(out: string): { rendered: number; reused: number } {
  const keys: PageKeys = {};
  let reused = 0;
  for (const [id, page] of [...registry()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    keys[id] = {
      key: page.key,
      sha: page.carried ?? sha(readFileSync(join(out, page.pathname, 'index.html'))),
    };
    if (page.carried) reused++;
  }
  writeJsonFile(keysFile(), keys);
  return { rendered: registry().size - reused, reused };
}
