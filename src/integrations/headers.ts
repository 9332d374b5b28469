/**
 * Writes `_headers` (Netlify / Cloudflare Pages format) at the end of the
 * build: cache rules from what is in the output, and the security headers
 * with a CSP whose hashes cover every inline script and style of the built
 * pages. Register it LAST: it must see what other integrations (Pagefind) wrote.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  cacheRules,
  contentSecurityPolicy,
  inlineHashes,
  renderHeaders,
  securityHeaders,
  type DirEntry,
} from '../lib/headers';
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

export function buildHeadersFile(dist: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of listFiles(dist).filter(isHtml)) {
    const h = inlineHashes(readFileSync(join(dist, file), 'utf8'));
    h.scripts.forEach((x) => scripts.add(x));
    h.styles.forEach((x) => styles.add(x));
  }
  if (scripts.size + styles.size > MAX_INLINE_HASHES) {
    throw new Error(
      `_headers: 页面中有 ${scripts.size} 段不同的内联脚本和 ${styles.size} 段内联样式；CSP 不允许 unsafe-inline，请把它们移到文件里 (expected ≤ ${MAX_INLINE_HASHES} inline blocks)`,
    );
  }
  const csp = contentSecurityPolicy({
    scriptHashes: [...scripts].sort(),
    styleHashes: [...styles].sort(),
  });
  const pagefind = join(dist, 'pagefind');
  return renderHeaders([
    { path: '/*', headers: securityHeaders(csp) },
    ...cacheRules(entries(dist), existsSync(pagefind) ? pagefindEntries(pagefind) : []),
  ]);
}

export default function headers(): AstroIntegration {
  return {
    name: 'feigong-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // Any error here propagates and fails the build.
        writeFileSync(join(dist, '_headers'), buildHeadersFile(dist));
        logger.info('_headers written');
      },
    },
  };
}
