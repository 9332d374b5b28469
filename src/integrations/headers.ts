/**
 * Writes `_headers` (Netlify / Cloudflare Pages format) at the end of the
 * build: cache rules from what is in the output, and the security headers
 * with a CSP whose hashes cover the inline scripts and styles of the pages'
 * <head> (the templates' own code; article content is in <body> and never
 * gets a hash). Two hooks: the pages are read before Pagefind's hook, while
 * the search indexer finishes in its own process, and `_headers` is written
 * LAST, when every other integration (Pagefind) has written its files.
 */
import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  cacheRules,
  contentSecurityPolicy,
  renderHeaders,
  securityHeaders,
  withCsp,
  type DirEntry,
} from '../lib/headers';
import { pagesInline } from '../lib/headers/inline-cache';
import { isHtml, listFiles } from '../lib/site-files';

/** More distinct inline blocks than this means per-page inline code: move it to a file. */
const MAX_INLINE_HASHES = 8;

const entries = (dir: string): DirEntry[] =>
  readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
/** Pagefind's folder, with the entries of its shard folders (s1, s2, …) listed too. */
const pagefindEntries = (dir: string): DirEntry[] =>
  entries(dir).map((e) =>
    e.dir && /^s\d+$/.test(e.name) ? { ...e, children: entries(join(dir, e.name)) } : e,
  );

type InlineSources = { scriptHashes: string[]; styleHashes: string[] };

/** The hashes of the pages' inline <head> code; refuses inline code in a <body>. */
export function pageInlineSources(dist: string): InlineSources {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const inBody: string[] = [];
  for (const [file, h] of pagesInline(dist, listFiles(dist).filter(isHtml))) {
    h.scripts.forEach((x) => scripts.add(x));
    h.styles.forEach((x) => styles.add(x));
    if (h.inBody) inBody.push(file);
  }
  // Content lives in <body>; only the templates' <head> code is hashed, so an inline
  // block in a body would be blocked online and run offline: refuse to build it.
  if (inBody.length) {
    throw new Error(
      `_headers: ${inBody.length} 个页面的 <body> 里有内联脚本或样式（例如 ${inBody[0]}）；CSP 只为 <head> 里的模板代码计算哈希，请把它们移到文件或 <head> 里 (expected <body> 里没有内联 <script>/<style>, found ${inBody.slice(0, 3).join(', ')})`,
    );
  }
  if (scripts.size + styles.size > MAX_INLINE_HASHES) {
    throw new Error(
      `_headers: 页面中有 ${scripts.size} 段不同的内联脚本和 ${styles.size} 段内联样式；CSP 不允许 unsafe-inline，请把它们移到文件里 (expected ≤ ${MAX_INLINE_HASHES} inline blocks)`,
    );
  }
  return { scriptHashes: [...scripts].sort(), styleHashes: [...styles].sort() };
}

/** `_headers` for the output in `dist`, whose pages' inline code is `sources`. */
export function buildHeadersFile(dist: string, sources = pageInlineSources(dist)): string {
  const pagefind = join(dist, 'pagefind');
  return renderHeaders([
    { path: '/*', headers: securityHeaders() },
    ...withCsp(cacheRules(entries(dist), existsSync(pagefind) ? pagefindEntries(pagefind) : []), {
      site: contentSecurityPolicy(sources),
      search: contentSecurityPolicy({ ...sources, wasm: true }),
    }),
  ]);
}

/**
 * `pages` goes before Pagefind's integration, `file` last (astro.config.mjs).
 * Any error in either propagates and fails the build.
 */
export default function headers(): { pages: AstroIntegration; file: AstroIntegration } {
  let sources: InlineSources | undefined;
  return {
    pages: {
      name: 'feigong-headers-pages',
      hooks: {
        'astro:build:done': ({ dir }) => {
          sources = pageInlineSources(fileURLToPath(dir));
        },
      },
    },
    file: {
      name: 'feigong-headers',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          const dist = fileURLToPath(dir);
          writeFileSync(join(dist, '_headers'), buildHeadersFile(dist, sources));
          logger.info('_headers written');
        },
      },
    },
  };
}
