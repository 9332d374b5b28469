/**
 * Reuses a shard's Pagefind output when none of its articles changed, so a
 * warm build re-indexes only the shard that holds an edited article.
 *
 * A shard's key covers what its records are made of: the Pagefind version,
 * the code that makes records, the shard's id and, per article, its URL and
 * a digest of what its record is made of: the title, search data and the
 * rendered body (for an MDX body, its source and the code that renders it),
 * all known before the page exists (src/integrations/search-index/plan.ts);
 * or, when the index is made from the pages, the part of its built page the
 * record is read from (from data-pagefind-body, whose attribute carries
 * date/channel/source, to the last </article>). Prev/next links and related
 * lists around the article do not change it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_WORDS_FILE } from './word-directory';
import { WARM_WORD_FILE } from './warm-word';
import { FIRST_PAGES_FILE, type FirstPages } from './first-pages';

/**
 * The code that makes records: a change to any of it re-indexes every shard
 * (a hand-bumped version number was forgotten once too often).
 */
const RECORD_CODE = [
  'src/lib/search/records.ts',
  'src/lib/search/tokens.ts',
  'src/lib/search/shards.ts',
  'src/lib/search/shard-cache.ts',
  'src/lib/search/word-directory.ts',
  'src/lib/views/article.ts',
  'src/integrations/search-index/plan.ts',
  'src/integrations/search-index/child.ts',
  'src/integrations/search-index/write-shard.ts',
];

let codeDigest: string | undefined;
function recordCode(): string {
  if (codeDigest) return codeDigest;
  const hash = createHash('sha256');
  for (const file of RECORD_CODE) {
    try {
      hash.update(readFileSync(join(process.cwd(), file)));
    } catch {
      hash.update(`missing ${file}`);
    }
  }
  return (codeDigest = hash.digest('hex'));
}

/** The bytes of a built article page that its search record depends on. */
export function recordSource(html: string): string {
  const start = html.indexOf('data-pagefind-body');
  if (start === -1) return html;
  const end = html.lastIndexOf('</article>');
  return html.slice(start, end > start ? end : undefined);
}

/** Digest of one article page's record source. */
export const pageDigest = (html: string): string =>
  createHash('sha256').update(recordSource(html)).digest('hex');

/** The installed Pagefind's version: a new Pagefind may write other files. */
function pagefindVersion(): string {
  try {
    return (
      JSON.parse(
        readFileSync(join(process.cwd(), 'node_modules/pagefind/package.json'), 'utf8'),
      ) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

/** Key of a shard: its id and its pages (URL and record-source digest, in shard order). */
export function shardKey(
  shardId: string,
  pages: readonly { url: string; digest: string }[],
): string {
  const hash = createHash('sha256').update(`${recordCode()}\0${pagefindVersion()}\0${shardId}\0`);
  for (const p of pages) hash.update(`${p.url}\0${p.digest}\0`);
  return hash.digest('hex').slice(0, 24);
}

/** Cached output folder of a shard with this key (its Pagefind files and its word list), or null. */
export function cached(cacheDir: string, shardId: string, key: string): string | null {
  const dir = join(cacheDir, `${shardId}-${key}`);
  return existsSync(join(dir, 'pagefind-entry.json')) && existsSync(join(dir, SHARD_WORDS_FILE))
    ? dir
    : null;
}

/** Stores a shard's output under its key, replacing older outputs of that shard. */
export async function store(
  cacheDir: string,
  shardId: string,
  key: string,
  output: string,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  for (const name of await readdir(cacheDir))
    if (name.startsWith(`${shardId}-`))
      await rm(join(cacheDir, name), { recursive: true, force: true });
  const tmp = join(cacheDir, `.${shardId}-${key}.tmp`);
  await rm(tmp, { recursive: true, force: true });
  linkTree(output, tmp, (name) => !/^s\d+$/.test(name));
  await rename(tmp, join(cacheDir, `${shardId}-${key}`));
}

/** Puts a cached shard output where the shard belongs (its word list stays in the cache). */
export async function restore(from: string, output: string): Promise<void> {
  linkTree(
    from,
    output,
    (name) => name !== SHARD_WORDS_FILE && name !== WARM_WORD_FILE && name !== FIRST_PAGES_FILE,
  );
}

/** A merged bundle's warm-up word (warm-word.ts), or undefined when it has none. */
export function bundleWarmWord(from: string): string | undefined {
  try {
    return readFileSync(join(from, WARM_WORD_FILE), 'utf8') || undefined;
  } catch {
    return undefined;
  }
}

/** A merged bundle's first pages (first-pages.ts), or undefined (a bundle merged before they existed). */
export function bundleFirstPages(from: string): FirstPages | undefined {
  try {
    return JSON.parse(readFileSync(join(from, FIRST_PAGES_FILE), 'utf8')) as FirstPages;
  } catch {
    return undefined;
  }
}

/** The words of a cached shard (word-directory.ts), or null when it has no list. */
export function shardWords(from: string): string[] | null {
  try {
    const text = readFileSync(join(from, SHARD_WORDS_FILE), 'utf8');
    return text ? text.split('\n') : [];
  } catch {
    return null;
  }
}

/**
 * Mirrors a folder with hard links (thousands of small files; nothing
 * rewrites Pagefind's files in place), copying where linking is refused
 * (another file system). Synchronous: one system call a file, about three
 * times faster than awaiting each through libuv's thread pool (10,913 files:
 * 0.2–0.4 s against 1.0 s).
 */
function linkTree(from: string, to: string, keep: (name: string) => boolean): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (!keep(e.name)) continue;
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) linkTree(src, dst, () => true);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}
